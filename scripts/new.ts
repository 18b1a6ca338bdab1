/**
 * `npm run new`: starts a new briefing with complete frontmatter and the
 * skeleton of its type. Asks for what is missing, or takes flags:
 *
 *   npm run new -- --type vragen-raadslid --organisatie almelo \
 *     --titel "Vragen over parkeren" --datum 2025-03-04 --kenmerk UIT-25001234 --vragen 4
 *
 * Never overwrites: a taken file name gets -2, -3, ….
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DOCUMENT_TYPES, DOCUMENT_TYPE_KEYS, type DocumentType } from '../src/schemas/document-types';
import { parsePartialDate } from '../src/schemas/partial-date';
import { contentDir } from '../src/lib/content/paths';
import { freeFileName, scaffold, scaffoldExtension, scaffoldFileBase, validateScaffoldInput, type ScaffoldInput } from '../src/lib/content/scaffold';

const { values } = parseArgs({
  options: {
    type: { type: 'string' },
    organisatie: { type: 'string' },
    titel: { type: 'string' },
    datum: { type: 'string' },
    kenmerk: { type: 'string' },
    vragen: { type: 'string' },
  },
});

const organisations = (() => {
  try {
    return readdirSync(join(contentDir(), 'organisaties')).filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, ''));
  } catch {
    return [];
  }
})();

async function ask(): Promise<Partial<ScaffoldInput>> {
  const input: Partial<ScaffoldInput> = {
    type: values.type as DocumentType | undefined,
    organisatie: values.organisatie,
    titel: values.titel,
    datum: values.datum,
    kenmerk: values.kenmerk,
    vragen: values.vragen ? Number(values.vragen) : undefined,
  };
  const missing = !input.type || !input.organisatie || !input.titel || !input.datum;
  if (!missing || !process.stdin.isTTY) return input;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // A wrong answer is explained and asked again, instead of ending the command.
  const askUntil = async <T>(question: string, read: (answer: string) => { value: T } | { problem: string }): Promise<T> => {
    for (;;) {
      const result = read((await rl.question(question)).trim());
      if ('value' in result) return result.value;
      console.log(`  ${result.problem}`);
    }
  };
  if (!input.type) {
    console.log('Welk soort stuk?');
    DOCUMENT_TYPE_KEYS.forEach((key, i) => console.log(`  ${i + 1}. ${DOCUMENT_TYPES[key].label} (${key})`));
    input.type = await askUntil('Nummer of naam: ', (answer) => {
      const type = DOCUMENT_TYPE_KEYS[Number(answer) - 1] ?? DOCUMENT_TYPE_KEYS.find((key) => key === answer);
      return type ? { value: type } : { problem: `Kies een nummer van 1 tot ${DOCUMENT_TYPE_KEYS.length}.` };
    });
  }
  if (!input.organisatie) {
    input.organisatie = await askUntil(`Organisatie (${organisations.join(', ')}): `, (answer) =>
      organisations.length === 0 || organisations.includes(answer)
        ? { value: answer }
        : { problem: `“${answer}” staat niet in content/organisaties/; kies uit ${organisations.join(', ')}.` },
    );
  }
  if (!input.titel) input.titel = await askUntil('Titel: ', (answer) => (answer ? { value: answer } : { problem: 'Een stuk heeft een titel.' }));
  if (!input.datum) {
    input.datum = await askUntil('Datum van het stuk (2025-03-04, 2025-03, 2025 of onbekend): ', (answer) => {
      const date = parsePartialDate(answer);
      return 'error' in date ? { problem: `${date.error}.` } : { value: answer };
    });
  }
  if (input.kenmerk === undefined) input.kenmerk = (await rl.question('Kenmerk (leeg laten als er geen is): ')).trim() || undefined;
  if ((input.type === 'vragen-raadslid' || input.type === 'vragen-inwoner') && input.vragen === undefined) {
    input.vragen = await askUntil('Aantal vragen: ', (answer) => {
      const count = Number(answer || '1');
      return Number.isInteger(count) && count >= 1 && count <= 50 ? { value: count } : { problem: 'Typ een aantal van 1 tot 50.' };
    });
  }
  rl.close();
  return input;
}

const input = await ask();
const problems = validateScaffoldInput(input);
if (input.organisatie && organisations.length && !organisations.includes(input.organisatie)) {
  problems.push(`organisatie "${input.organisatie}" bestaat niet; kies uit ${organisations.join(', ')} of voeg content/organisaties/${input.organisatie}.yaml toe`);
}
if (problems.length) {
  console.error(`Kan geen nieuw stuk maken:\n${problems.map((p) => `  - ${p}`).join('\n')}\n\nVoorbeeld: npm run new -- --type vragen-raadslid --organisatie almelo --titel "Vragen over parkeren" --datum 2025-03-04`);
  process.exit(1);
}
const complete = input as ScaffoldInput;
const folder = join(contentDir(), 'stukken');
mkdirSync(folder, { recursive: true });
const name = freeFileName(folder, scaffoldFileBase(complete), scaffoldExtension(complete.type));
const path = join(folder, name);
writeFileSync(path, scaffold(complete), { flag: 'wx' });
console.log(`Nieuw stuk: ${relative(process.cwd(), path)}
Vervang alle tekst tussen [VUL IN: … ] en controleer met: npm run check
Bekijk het resultaat met: npm run dev  →  http://localhost:4321/stukken/${name.replace(/\.mdx?$/, '')}/`);
