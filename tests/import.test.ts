/**
 * `npm run import` with the three kinds of Word letter of the sample archive:
 * each becomes a briefing that the check accepts (with reminders for what the
 * clerk must confirm) and the build shows with its facts, questions and
 * table; a second import adds nothing; a folder with bad files reports them
 * and imports the rest; a PDF becomes the briefing's original.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { checkArchive } from '../src/lib/content/check';
import { importFile, importFolder, summaryCsv, writeSummary, type FileResult } from '../src/lib/import/import-letters';
import { build, textOf } from './helpers/build';
import { docx, pdf } from './helpers/docx';
import { councilMemberLetter, motionLetter, residentLetter } from './helpers/letters';
import { emptyArchive, isPlaceholderWarning } from './helpers/archive';

function letters(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ra-brieven-'));
  writeFileSync(join(dir, 'antwoord-de-olde.docx'), councilMemberLetter());
  writeFileSync(join(dir, 'antwoord-inwoner.docx'), residentLetter());
  writeFileSync(join(dir, 'motie-juiste-basis.docx'), motionLetter());
  return dir;
}

const frontmatterOf = (text: string) => load(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
const allFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('npm run import: the three kinds of Word letter', () => {
  const archive = emptyArchive('ra-import-');
  const folder = letters();
  let results: FileResult[];
  let seconds: number;
  beforeAll(async () => {
    const started = performance.now();
    results = await importFolder(folder, archive.options);
    seconds = (performance.now() - started) / 1000;
  });
  const briefing = (file: string) => {
    const result = results.find((r) => r.file === file)!;
    expect(result.outcome, `${result.message} ${result.hint}`).toBe('nakijken');
    const text = readFileSync(result.briefing!, 'utf8');
    return { result, text, data: frontmatterOf(text) };
  };

  it('imports each letter into a briefing the check accepts, warning only about what the clerk must confirm', () => {
    console.log(`import of the three letters: ${seconds.toFixed(2)} s`);
    expect(results.map((r) => r.outcome)).toEqual(['nakijken', 'nakijken', 'nakijken']);
    const { errors, warnings } = checkArchive({ contentRoot: archive.content, dataRoot: archive.data });
    expect(errors).toEqual([]);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.filter((w) => !isPlaceholderWarning(w))).toEqual([]);
  });

  it('answers to a council member: the letterhead, the asker, the date asked, the questions and the table as a dataset', () => {
    const { text, data, result } = briefing('antwoord-de-olde.docx');
    expect(data).toMatchObject({
      type: 'vragen-raadslid',
      titel: 'Jeugdzorg in Almelo: antwoorden op schriftelijke vragen van raadslid De Olde (Partij Vrij Almelo)',
      organisatie: 'almelo',
      kenmerk: 'UIT-24117010',
      aan: 'Raadslid De Olde (Partij Vrij Almelo)',
      vragen: { gesteldDoor: { soort: 'raadslid', naam: 'De Olde', fractie: 'Partij Vrij Almelo' }, via: 'schriftelijke vragen' },
      ondertekening: { namens: 'Burgemeester en wethouders van Almelo', personen: [{ functie: 'secretaris', naam: 'J.H. Dijkstra' }, { functie: 'burgemeester', naam: 'R.T.A. Korteland' }] },
    });
    expect(String(data.datum instanceof Date ? data.datum.toISOString().slice(0, 10) : data.datum)).toBe('2024-09-10');
    expect(String(data.vragen.gesteldOp instanceof Date ? data.vragen.gesteldOp.toISOString().slice(0, 10) : data.vragen.gesteldOp)).toBe('2024-07-30');
    expect(text).toContain('## Vraag 1\n\n> Kan het college laten zien hoeveel Almelose kinderen');
    expect(text).toContain('## Vraag 3\n\n> Deelt het college de opvatting van Partij Vrij Almelo');
    expect(text).toContain('De *Jeugdwet*[^1] gaat uit van wat jeugdigen en ouders **zelf** kunnen. Zie ook [de Hervormingsagenda Jeugd](https://www.rijksoverheid.nl/onderwerpen/jeugdhulp).');
    expect(text).toContain('[^1]: Jeugdwet, Stb. 2014, 105.');
    expect(text).toContain('- afbakening van de jeugdhulpplicht;');
    expect(text).not.toContain('Geachte');
    expect(text).not.toContain('Met vriendelijke groet');

    const [dataset] = result.written!.datasets;
    const id = dataset!.replace(/^.*\//, '').replace(/\.yaml$/, '');
    expect(text).toContain(`::data-table{dataset="${id}"}`);
    const table = load(readFileSync(dataset!, 'utf8')) as Record<string, any>;
    expect(table).toMatchObject({
      titel: 'Instroom (voorlopige) ondertoezichtstellingen en machtigingen uithuisplaatsing, Almelo',
      bron: 'Gemeente Almelo, beantwoording schriftelijke vragen van 10 september 2024 (kenmerk UIT-24117010)',
      kolommen: [
        { label: 'Jaar', type: 'tekst' },
        { label: 'Aantal instroom (voorlopige) ondertoezichtstellingen', type: 'aantal' },
        { label: 'Waarbij machtiging uithuisplaatsing', type: 'aantal' },
      ],
      rijen: [['2022', 33, 18], ['2023', 29, 15], ['2024 (tm aug)', 15, 8], { cellen: ['Totaal', 77, 41], soort: 'totaal' }],
    });
    expect(table.periode).toContain('[VUL IN');
  });

  it('answers to a resident: the name in the address, the salutation and the text is written nowhere', () => {
    const { text, data } = briefing('antwoord-inwoner.docx');
    expect(data).toMatchObject({ type: 'vragen-inwoner', kenmerk: 'UIT-2092838', aan: 'De vraagsteller', vragen: { gesteldDoor: { soort: 'inwoner' }, gesteldOp: 'onbekend', via: 'e-mail' } });
    expect(text).toMatch(/gesteldOp: onbekend {2}# \[VUL IN: de brief zegt “20 maart” zonder jaartal/);
    expect(text).toContain('## Vraag 3\n\n> Houdt de gemeente zich aan de kinderbeschermingswet?');
    expect(text).toContain('zoals de vraagsteller in zijn e-mail ook noemt');
    for (const file of [...allFiles(archive.content), ...allFiles(archive.data)]) {
      expect(readFileSync(file, 'latin1'), file).not.toMatch(/H(?:ü|Ã¼)mmels|Kerkstraat/);
    }
  });

  it('a motion follow-up: the motion, the date adopted, what it asked and its status', () => {
    const { text, data } = briefing('motie-juiste-basis.docx');
    expect(data).toMatchObject({
      type: 'motie-uitvoering',
      titel: "Uitvoering van de motie 'De juiste basis voor effectieve jeugdzorg'",
      aan: 'De raad van de gemeente Almelo',
      motie: { titel: 'De juiste basis voor effectieve jeugdzorg', status: 'afgehandeld', verzoeken: ['Zorg dat de wijkcoaches genoeg middelen en mensen hebben om gezinnen te helpen.', 'Laat de betrokken gezinnen weten dat deze hulp niet vrijblijvend is.', 'Daarnaast moet uithuisplaatsing zo veel mogelijk worden voorkomen.'] },
    });
    expect(data.kenmerk).toBeUndefined();
    expect(text).toMatch(/aangenomen: '?2024-07-11'?\n/);
    expect(text).toMatch(/datum: '?2025-07-15'?\n/);
    expect(text).toContain('## Inzet van ondersteuning');
    expect(text).not.toContain('De motie verzoekt het college:');
  });

  it('importing again adds nothing: the same file or the same text is “staat al in het archief”', async () => {
    const before = [...allFiles(archive.content), ...allFiles(archive.data)].sort();
    const again = await importFolder(folder, archive.options);
    expect(again.map((r) => r.outcome)).toEqual(['overgeslagen', 'overgeslagen', 'overgeslagen']);
    expect(again.every((r) => r.message?.startsWith('staat al in het archief'))).toBe(true);
    // The same letter saved again is another file, with the same words.
    const resaved = join(folder, 'opnieuw-opgeslagen.docx');
    writeFileSync(resaved, Buffer.concat([councilMemberLetter(), Buffer.from('\r\n')]));
    expect((await importFile(resaved, 'opnieuw-opgeslagen.docx', archive.options)).message).toMatch(/^staat al in het archief \(dezelfde tekst: .*\.md\)$/);
    expect([...allFiles(archive.content), ...allFiles(archive.data)].sort()).toEqual(before);
  });

  it('builds, with the facts, the questions and the table on the pages', { timeout: 600_000 }, () => {
    const result = build({ content: archive.content, data: archive.data });
    expect(result.status, result.output).toBe(0);
    const council = results[0]!.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
    const page = textOf(result.read(`stukken/${council}/index.html`));
    expect(page).toContain('UIT-24117010');
    expect(page).toContain('Vraag 3');
    expect(page).toContain('Instroom (voorlopige) ondertoezichtstellingen en machtigingen uithuisplaatsing, Almelo');
    expect(page).toContain('Totaal');
    // The footnote the letter carried, under a Dutch heading with a Dutch way back.
    const html = result.read(`stukken/${council}/index.html`);
    expect(html).toMatch(/<h2[^>]*>Voetnoten<\/h2>/);
    expect(html).toContain('aria-label="Terug naar verwijzing 1"');
    expect(html).not.toMatch(/Footnotes|Back to reference/);
    const motion = results[2]!.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
    expect(textOf(result.read(`stukken/${motion}/index.html`))).toContain('Daarnaast moet uithuisplaatsing zo veel mogelijk worden voorkomen.');
  });
});

describe('npm run import: bad input', () => {
  it('a folder with bad files reports each in Dutch, writes nothing for them, imports the rest, and writes the summary as CSV', async () => {
    const archive = emptyArchive('ra-import-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-map-'));
    writeFileSync(join(folder, 'a-brief.docx'), residentLetter());
    writeFileSync(join(folder, 'b-notities.txt'), 'geen brief');
    writeFileSync(join(folder, 'c-kapot.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]));
    writeFileSync(join(folder, 'd-beveiligd.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(folder, 'e-scan.pdf'), pdf(null));
    writeFileSync(join(folder, 'f-leeg.docx'), docx([]));
    writeFileSync(join(folder, '~$a-brief.docx'), 'Word lock file');
    const results = await importFolder(folder, archive.options);
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['a-brief.docx', 'nakijken'],
      ['b-notities.txt', 'mislukt'],
      ['c-kapot.docx', 'mislukt'],
      ['d-beveiligd.docx', 'mislukt'],
      ['e-scan.pdf', 'mislukt'],
      ['f-leeg.docx', 'mislukt'],
    ]);
    expect(results[1]!.message).toBe('dit is geen Word- of pdf-bestand (.txt)');
    expect(results[2]!.message).toBe('het Word-bestand is beschadigd en kan niet worden gelezen');
    expect(results[3]!.message).toMatch(/beveiligd met een wachtwoord/);
    expect(results[4]!.message).toMatch(/geen tekstlaag: het is waarschijnlijk een scan/);
    expect(results[4]!.hint).toMatch(/OCR/);
    expect(results[5]!.message).toBe('het document is leeg');
    // Only the one good letter left files behind.
    expect(readdirSync(join(archive.content, 'stukken'))).toHaveLength(1);
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors).toEqual([]);

    const csv = readFileSync(writeSummary(folder, results), 'utf8');
    expect(csv.startsWith('\uFEFFBestand;Uitkomst;Stuk;Soort;Jaar;Niet online;Toelichting\r\n')).toBe(true);
    expect(csv).toContain('b-notities.txt;mislukt;;;;;dit is geen Word- of pdf-bestand (.txt) → Importeer de brief');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(7);
    expect(summaryCsv(results)).toBe(csv);
  });
});

describe('npm run import: a PDF letter', () => {
  it('reads the text layer and keeps the PDF as the original', async () => {
    const archive = emptyArchive('ra-import-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-pdf-'));
    const path = join(folder, 'Motie juiste basis.pdf');
    writeFileSync(
      path,
      pdf([
        'Gemeente Almelo',
        '',
        'Aan: De raad van de gemeente Almelo',
        'Datum: 15 juli 2025',
        'Ons kenmerk: UIT-25000111',
        'Onderwerp: Motie de juiste basis voor effectieve jeugdzorg',
        '',
        'Geachte leden van de raad,',
        '',
        "Op 11 juli 2024 nam de gemeenteraad de motie 'de juiste basis voor effectieve jeugdzorg' aan.",
        '',
        'De motie verzoekt het college:',
        '- Zorg dat de wijkcoaches genoeg middelen hebben.',
        '- Voorkom uithuisplaatsing zo veel mogelijk.',
        '',
        'Het college beschouwt de motie als afgehandeld.',
        '',
        'Met vriendelijke groet,',
        'Burgemeester en wethouders van Almelo,',
        'de secretaris,',
        'J.H. Dijkstra',
        'de burgemeester,',
        'R.T.A. Korteland',
      ]),
    );
    const result = await importFile(path, 'Motie juiste basis.pdf', archive.options);
    expect(result.outcome, `${result.message} ${result.hint}`).toBe('nakijken');
    const data = frontmatterOf(readFileSync(result.briefing!, 'utf8'));
    expect(data).toMatchObject({ type: 'motie-uitvoering', kenmerk: 'UIT-25000111', motie: { verzoeken: ['Zorg dat de wijkcoaches genoeg middelen hebben.', 'Voorkom uithuisplaatsing zo veel mogelijk.'], status: 'afgehandeld' }, ondertekening: { personen: [{ functie: 'secretaris', naam: 'J.H. Dijkstra' }, { functie: 'burgemeester', naam: 'R.T.A. Korteland' }] } });
    expect(data.origineel).toMatch(/^bijlagen\/almelo-2025-.*-ondertekend\.pdf$/);
    expect(readFileSync(join(archive.content, 'stukken', data.origineel))).toEqual(readFileSync(path));
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors).toEqual([]);
    expect((await importFile(path, 'Motie juiste basis.pdf', archive.options)).outcome).toBe('overgeslagen');
  });
});
