/**
 * `npm run new`: starts a new briefing with complete frontmatter and the
 * skeleton of its type, and copies its signed original and attachments into
 * content/stukken/bijlagen/. Asks for what is missing, or takes flags:
 *
 *   npm run new -- --type vragen-raadslid --organisatie almelo \
 *     --titel "Vragen over parkeren" --datum 2025-03-04 --kenmerk UIT-25001234 --vragen 4 \
 *     --origineel ~/Downloads/brief.pdf --bijlage ~/Downloads/parkeeronderzoek-2024.pdf \
 *     --bijlage-niet-openbaar "Advies van de vertrouwensarts"
 *
 * Never overwrites: a taken file name gets -2, -3, ….
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { DOCUMENT_TYPES, type DocumentType } from '../src/schemas/document-types';
import { contentDir, displayPath } from '../src/lib/content/paths';
import { askForBriefing, takeFlagFiles, writeNewBriefing, type FileFlag, type NewBriefingRequest } from '../src/lib/content/new-briefing';
import { validateScaffoldInput, type ScaffoldInput } from '../src/lib/content/scaffold';

const { values, tokens } = parseArgs({
  tokens: true,
  options: {
    type: { type: 'string' },
    organisatie: { type: 'string' },
    titel: { type: 'string' },
    datum: { type: 'string' },
    kenmerk: { type: 'string' },
    vragen: { type: 'string' },
    origineel: { type: 'string' },
    bijlage: { type: 'string', multiple: true },
    'bijlage-niet-openbaar': { type: 'string', multiple: true },
  },
});

// npm runs scripts in the project folder; a path the clerk typed starts where they typed it.
const cwd = process.env.INIT_CWD || process.cwd();

const organisations = (() => {
  try {
    return readdirSync(join(contentDir(), 'organisaties')).filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, ''));
  } catch {
    return [];
  }
})();

// Tokens keep the order the clerk gave: --bijlage and --bijlage-niet-openbaar mixed stay in that order in the briefing.
const fileFlags = tokens.flatMap((token): FileFlag[] =>
  token.kind === 'option' && (token.name === 'origineel' || token.name === 'bijlage' || token.name === 'bijlage-niet-openbaar') && token.value !== undefined
    ? [{ flag: token.name, value: token.value }]
    : [],
);
const fromFlags = takeFlagFiles(fileFlags, cwd);

let request: NewBriefingRequest = {
  input: {
    type: values.type as DocumentType | undefined,
    organisatie: values.organisatie,
    titel: values.titel,
    datum: values.datum,
    kenmerk: values.kenmerk,
    vragen: values.vragen ? Number(values.vragen) : undefined,
  },
  original: fromFlags.original,
  attachments: fromFlags.attachments,
};

const { input } = request;
const missing = !input.type || !input.organisatie || !input.titel || !input.datum;
// Questions only for a person at a terminal; in CI the flags are all there is.
if (missing && process.stdin.isTTY && fromFlags.problems.length === 0) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  request = await askForBriefing(request, { question: (text) => rl.question(text), say: (text) => console.log(text) }, {
    organisations,
    cwd,
    askOriginal: values.origineel === undefined,
    askAttachments: !values.bijlage && !values['bijlage-niet-openbaar'],
  });
  rl.close();
}

const attachmentTitles = request.attachments.flatMap((a) => ('titel' in a ? [{ titel: a.titel }] : []));
const problems = [...fromFlags.problems, ...validateScaffoldInput({ ...request.input, bijlagen: attachmentTitles })];
if (request.input.organisatie && organisations.length && !organisations.includes(request.input.organisatie)) {
  problems.push(`organisatie "${request.input.organisatie}" bestaat niet; kies uit ${organisations.join(', ')} of voeg content/organisaties/${request.input.organisatie}.yaml toe`);
}
if (problems.length) {
  console.error(`Kan geen nieuw stuk maken:\n${problems.map((p) => `  - ${p}`).join('\n')}\n\nVoorbeeld: npm run new -- --type vragen-raadslid --organisatie almelo --titel "Vragen over parkeren" --datum 2025-03-04 --origineel brief.pdf --bijlage onderzoek.pdf`);
  process.exit(1);
}
fromFlags.notes.forEach((note) => console.log(note));

const complete = request.input as ScaffoldInput;
const written = writeNewBriefing(complete, request.original, request.attachments, contentDir());
const copied = (file: { path: string; reused: boolean; from: { typed: string } }) =>
  `${displayPath(file.path)} (${file.reused ? 'stond er al, met dezelfde inhoud' : `gekopieerd uit ${file.from.typed}`})`;
const id = written.path.replace(/^.*[\\/]/, '').replace(/\.mdx?$/, '');
console.log(
  [
    `Nieuw stuk: ${displayPath(written.path)}`,
    ...(written.original ? [`${DOCUMENT_TYPES[complete.type].original}: ${copied(written.original)}`] : []),
    ...written.attachments.map((a, i) => `Bijlage ${i + 1}: ${'titel' in a ? `“${a.titel}”, niet openbaar (geen bestand)` : copied(a)}`),
    'Vervang alle tekst tussen [VUL IN: … ] en controleer met: npm run check',
    `Bekijk het resultaat met: npm run dev  →  http://localhost:4321/stukken/${id}/`,
  ].join('\n'),
);
