/**
 * `npm run bench:import -- [map]`: how fast `npm run import` reads letters,
 * and how much memory it takes. A record for the README, not a test.
 *
 *   npm run bench:import                         generated letters: text, scans, mixed
 *   npm run bench:import -- --tekst 40 --scans 10 --gemengd 3
 *   npm run bench:import -- --ocr-paginas 100    only scans, 100 pages: memory stays bounded
 *   npm run bench:import -- ~/Downloads/brieven  a real folder, into a temporary archive
 *
 * Without a folder it makes one, in the shapes real municipal archives have
 * (/work/shared/REAL-ARCHIVES.md): letters of three text pages with a
 * letterhead in a side column, a running header on pages 2 and 3, bold
 * section headings and numbered points; scanned letters of two pages (only a
 * picture, 200 dpi); and mixed letters whose signed first page is a scan and
 * whose second page has text. Every letter has its own kenmerk, date, subject
 * and a word of its own, so none is skipped as already in the archive.
 *
 * Each group is imported by a child process of its own into a fresh temporary
 * archive (a copy of content/organisaties/ and content/site.yaml, empty
 * stukken/ and data/), as `npm run import -- <map>` would: so the text pages
 * per second come from the text letters alone, the OCR pages per second from
 * the scans alone, and the peak memory (maxRSS; the OCR workers are threads
 * of the same process) is that group's own.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as mupdf from 'mupdf';
import { typedPath } from '../src/lib/content/intake';
import { folderFiles, importFolder, type Outcome } from '../src/lib/import/import-letters';
import { createOcr } from '../src/lib/import/ocr';
import { scannedPages } from '../src/lib/import/scanned-pages';
import { emptyArchive } from '../tests/helpers/archive';
import { letterPdf, type PdfLine } from '../tests/helpers/pdf';
import { joinPdfs, scanOf } from '../tests/helpers/scan';

const OUTCOMES: Outcome[] = ['geïmporteerd', 'nakijken', 'overgeslagen', 'mislukt'];

/** What a child process reports of its import. */
interface Measurement {
  seconds: number;
  outcomes: Record<Outcome, number>;
  ocrPages: number;
  maxRssMb: number;
  /** After each file: pages read by OCR so far, and the peak memory so far. */
  progress: Array<[ocrPages: number, maxRssMb: number]>;
  failures: string[];
  /** The temporary archive it imported into. */
  archive: string;
}

// ---------------------------------------------------------------------------
// Generated letters, in the shapes of real archives.

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const SUBJECTS = ['Voortgang jeugdzorg', 'Parkeren in de binnenstad', 'Herinrichting Marktplein', 'Onderhoud bruggen en kademuren', 'Aanpak laaggeletterdheid', 'Nieuwe fietsroute naar het station', 'Energiearmoede en isolatie', 'Huisvesting statushouders', 'Evaluatie evenementenbeleid', 'Verduurzaming sportaccommodaties'];
const SENTENCES = [
  'Het college informeert u over de stand van zaken en de volgende stappen.',
  'In de commissie van vorige maand is toegezegd u hierover voor de zomer te berichten.',
  'De kosten blijven binnen het budget dat de raad bij de begroting beschikbaar stelde.',
  'Wij hebben daarover gesproken met bewoners, ondernemers en maatschappelijke partners.',
  'De uitvoering ligt op schema, al vraagt de planning van de aannemer extra aandacht.',
  'Waar nodig stellen wij de aanpak bij op basis van de ervaringen van het afgelopen jaar.',
  'Over de resultaten rapporteren wij in de voortgangsrapportage van het najaar.',
  'Wij verwachten dat de maatregelen binnen twee jaar effect hebben op de wachttijden.',
  'De provincie draagt bij in de kosten via de regeling voor regionale investeringen.',
  'Inwoners kunnen tot het einde van de maand reageren via het digitale loket.',
  'De wethouder heeft het onderwerp besproken in het regionaal overleg van Twente.',
  'Een deel van de werkzaamheden wordt in het voorjaar uitgevoerd, de rest in het najaar.',
];
const HEADINGS = ['Aanleiding', 'Stand van zaken', 'Financiën', 'Communicatie', 'Vervolg', 'Participatie', 'Risico’s', 'Planning'];

/** A word no other letter has: syllables from the number, "Kalomire". */
function ownWord(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 're', 'su', 'te', 'vo', 'ni', 'da', 'be'];
  let word = '';
  let rest = n + 100;
  while (rest > 0) {
    word += syllables[rest % 10];
    rest = Math.floor(rest / 10);
  }
  return word[0]!.toUpperCase() + word.slice(1);
}

const helvetica = new mupdf.Font('Helvetica');
/** Width in points of a line in Helvetica 11, with the font's real advances. */
const widthOf = (text: string) => [...text].reduce((w, c) => w + helvetica.advanceGlyph(helvetica.encodeCharacter(c)), 0) * 11;

/** Words into lines of at most `width` points, as a word processor wraps them. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && widthOf(`${current} ${word}`) > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

interface Letter {
  kenmerk: string;
  date: string;
  subject: string;
  word: string;
  /** The letter's pages, as lines for letterPdf. */
  pages: PdfLine[][];
}

/** A letter of `pageCount` pages from Gemeente Almelo, number `n`. */
function almeloLetter(n: number, pageCount: number): Letter {
  const year = 2019 + (n % 6);
  const date = `${1 + ((n * 11) % 28)} ${MONTHS[(n * 5) % 12]} ${year}`;
  const kenmerk = `UIT-${String(year).slice(2)}-${String(10000 + n * 37).padStart(5, '0')}`;
  const word = ownWord(n);
  const subject = `${SUBJECTS[n % SUBJECTS.length]} ${word}`;
  const sentence = (k: number) => SENTENCES[(n + k) % SENTENCES.length]!;
  const paragraph = (k: number) => `${sentence(k)} ${sentence(k + 3)} ${sentence(k + 7)}`;

  const side: PdfLine[] = [
    { text: 'Bezoekadres', y: 96, bold: true },
    { text: 'Haven Zuidzijde 30', y: 106 },
    { text: '7607 EW Almelo', y: 116 },
    { text: 'Postbus 5100', y: 130 },
    { text: '7600 GC Almelo', y: 140 },
    { text: 'Telefoon 14 0546', y: 154 },
    { text: 'www.almelo.nl', y: 164 },
    { text: 'Datum', y: 188, bold: true },
    { text: date, y: 198 },
    { text: 'Ons kenmerk', y: 216, bold: true },
    { text: kenmerk, y: 226 },
    { text: 'Behandeld door', y: 244, bold: true },
    { text: 'Team Beleid en Regie', y: 254 },
    { text: 'Bijlage(n)', y: 272, bold: true },
    { text: 'geen', y: 282 },
  ].map((line) => ({ x: 430, size: 8, ...line }));
  const first: PdfLine[] = [
    { text: 'Gemeente Almelo', x: 72, y: 60, size: 14, bold: true },
    ...side,
    { text: 'Retouradres: Postbus 5100, 7600 GC Almelo', x: 72, y: 120, size: 7 },
    { text: 'Aan de leden van de gemeenteraad', x: 72, y: 140 },
    { text: 'Postbus 5100', x: 72, y: 154 },
    { text: '7600 GC Almelo', x: 72, y: 168 },
    { text: 'Onderwerp', x: 72, y: 310, bold: true },
    { text: subject, x: 150, y: 310 },
    { text: 'Geachte leden van de raad,', x: 72, y: 340 },
    { text: '1', x: 294, y: 800, size: 9 },
  ];
  const pages: PdfLine[][] = [first];
  const header = (page: number): PdfLine[] => [
    { text: `Gemeente Almelo    Datum ${date}    Kenmerk ${kenmerk}    Pagina ${page} van ${pageCount}`, x: 72, y: 40, size: 8 },
    { text: String(page), x: 294, y: 800, size: 9 },
  ];

  // The body, set into the pages: headings, paragraphs, numbered points; the signature at the end of the last page.
  let y = 368;
  let page = 1;
  const width = 451;
  const bottom = 740;
  const line = (text: string, x = 72, bold = false) => {
    pages[page - 1]!.push({ text, x, y, bold });
    y += 14;
  };
  const newPage = () => {
    page++;
    pages.push(header(page));
    y = 80;
  };
  // The last page keeps room for the signature.
  const full = (lines: number) => y + (lines + (page === pageCount ? 6 : 0)) * 14 > bottom;
  for (let part = 0; ; part++) {
    const heading = HEADINGS[(n + part) % HEADINGS.length]!;
    const text = wrap(part === 0 ? `Met deze brief informeren wij u over ${subject.toLowerCase()}. Het project ${word} is in ${year} gestart. ${paragraph(part)}` : paragraph(part), width);
    const points = part % 2 === 1 ? [1, 2, 3].map((p) => wrap(sentence(part + p), width - 18)) : [];
    const needed = 2 + text.length + points.reduce((sum, p) => sum + p.length, 0) + 1;
    if (full(needed)) {
      if (page === pageCount) break;
      newPage();
    }
    line(heading, 72, true);
    y += 4;
    for (const t of text) line(t);
    points.forEach((point, i) => {
      pages[page - 1]!.push({ text: `${i + 1}.`, x: 72, y });
      point.forEach((t) => line(t, 90));
    });
    y += 14;
  }
  // The signature, on the last page.
  line('Met vriendelijke groet,');
  line('Burgemeester en wethouders van Almelo,');
  y += 28;
  pages[page - 1]!.push({ text: 'de secretaris,', x: 300, y });
  line('de burgemeester,');
  pages[page - 1]!.push({ text: 'drs. J. de Vries', x: 300, y });
  line('A. Gerritsen');
  return { kenmerk, date, subject, word, pages };
}

/** Writes the folder of each group; returns them, with what each should take. */
function generate(root: string, counts: { tekst: number; scans: number; gemengd: number; ocrPaginas?: number }): Group[] {
  const groups: Group[] = [];
  let n = 0;
  const make = (name: string, label: string, count: number, pdf: (letter: Letter) => Uint8Array, pageCount: number) => {
    if (count <= 0) return;
    const folder = join(root, 'brieven', name);
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < count; i++) {
      const letter = almeloLetter(n++, pageCount);
      writeFileSync(join(folder, `${name}-${String(i + 1).padStart(3, '0')}-${letter.kenmerk}.pdf`), pdf(letter));
    }
    groups.push({ name, label, folder });
  };
  if (counts.ocrPaginas) {
    const letters = Math.floor(counts.ocrPaginas / 2);
    make('scans', `gescande brieven (${letters} × 2 pagina’s, 200 dpi)`, letters, (letter) => scanOf(letterPdf(letter.pages), { dpi: 200 }), 2);
    if (counts.ocrPaginas % 2) make('scan-los', 'gescande brief (1 pagina)', 1, (letter) => scanOf(letterPdf(letter.pages), { dpi: 200 }), 1);
    return groups;
  }
  make('tekst', `tekstbrieven (${counts.tekst} × 3 pagina’s)`, counts.tekst, (letter) => letterPdf(letter.pages), 3);
  make('scans', `gescande brieven (${counts.scans} × 2 pagina’s, 200 dpi)`, counts.scans, (letter) => scanOf(letterPdf(letter.pages), { dpi: 200 }), 2);
  make(
    'gemengd',
    `gemengde brieven (${counts.gemengd} × 2 pagina’s: pagina 1 gescand, pagina 2 tekst)`,
    counts.gemengd,
    (letter) => joinPdfs(scanOf(letterPdf(letter.pages.slice(0, 1)), { dpi: 200, stamp: `Ingekomen ${letter.date}` }), letterPdf(letter.pages.slice(1))),
    2,
  );
  return groups;
}

// ---------------------------------------------------------------------------
// The parent: generate or take the folder, run each group, print the table.

interface Group {
  name: string;
  label: string;
  folder: string;
}

interface Pages {
  files: number;
  words: number;
  textPages: number;
  scannedPages: number;
  unreadable: number;
}

/** What a folder holds: PDF pages with a text layer and scanned pages (as the importer tells them apart), Word files. */
function countPages(folder: string): Pages {
  const pages: Pages = { files: 0, words: 0, textPages: 0, scannedPages: 0, unreadable: 0 };
  for (const path of folderFiles(folder)) {
    pages.files++;
    const extension = extname(path).toLowerCase();
    if (extension === '.docx') pages.words++;
    if (extension !== '.pdf') continue;
    try {
      const data = readFileSync(path);
      const document = mupdf.Document.openDocument(data, 'application/pdf');
      const count = document.countPages();
      document.destroy();
      const scanned = scannedPages(data).length;
      pages.scannedPages += scanned;
      pages.textPages += count - scanned;
    } catch {
      pages.unreadable++;
    }
  }
  return pages;
}

function measure(folder: string): Promise<Measurement> {
  return new Promise((resolveMeasurement, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--meting', folder], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let measurement: Measurement | undefined;
    child.on('message', (message) => (measurement = message as Measurement));
    child.on('error', reject);
    child.on('exit', (code) => (measurement ? resolveMeasurement(measurement) : reject(new Error(`de meting stopte zonder uitkomst (code ${code})`))));
  });
}

async function main() {
  const usage = 'Gebruik: npm run bench:import -- [map] [--tekst 40] [--scans 10] [--gemengd 3] [--ocr-paginas 100] [--bewaar]';
  let values: { tekst?: string; scans?: string; gemengd?: string; 'ocr-paginas'?: string; bewaar?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: { tekst: { type: 'string' }, scans: { type: 'string' }, gemengd: { type: 'string' }, 'ocr-paginas': { type: 'string' }, bewaar: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message.replace(/^Unknown option '(.+?)'.*$/s, 'Onbekende optie $1.').replace(/^Option '(\S+)[^']*' argument missing.*$/s, 'Optie $1 mist een waarde.')}\n${usage}`);
    process.exit(1);
  }
  if (values.help) {
    console.log(`${usage}\nZonder map maakt het script brieven zoals echte archieven ze hebben (tekst, scans, gemengd) en importeert elke groep apart in een nieuw tijdelijk archief.\n--ocr-paginas N  alleen scans, N pagina's samen (geheugen bij een lange OCR-import)\n--bewaar         laat de tijdelijke map staan`);
    return;
  }
  const number = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) {
      console.error(`--${name} moet een geheel getal zijn, niet "${value}".\n${usage}`);
      process.exit(1);
    }
    return n;
  };
  const counts = { tekst: number('tekst', values.tekst, 40), scans: number('scans', values.scans, 10), gemengd: number('gemengd', values.gemengd, 3), ocrPaginas: values['ocr-paginas'] === undefined ? undefined : number('ocr-paginas', values['ocr-paginas'], 100) };
  if (positionals.length > 1) {
    console.error(`Noem hoogstens één map.\n${usage}`);
    process.exit(1);
  }

  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const seconds = (n: number) => n.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const load = loadavg();
  let groups: Group[];
  let root: string;
  if (positionals.length) {
    const folder = typedPath(positionals[0]!, process.env.INIT_CWD || process.cwd());
    if (!existsSync(folder) || !statSync(folder).isDirectory()) {
      console.error(`${folder} is geen map.\n${usage}`);
      process.exit(1);
    }
    groups = [{ name: 'map', label: `map ${basename(folder)}`, folder }];
    root = mkdtempSync(join(tmpdir(), 'ra-bench-import-'));
  } else {
    root = mkdtempSync(join(tmpdir(), 'ra-bench-import-'));
    console.log(`Brieven maken in ${root} …`);
    const started = performance.now();
    groups = generate(root, counts);
    console.log(`  klaar in ${seconds((performance.now() - started) / 1000)} s`);
  }

  const rows: Array<{ group: Group; pages: Pages; measurement: Measurement }> = [];
  const archives: string[] = [];
  try {
    for (const group of groups) {
      const pages = countPages(group.folder);
      console.log(`\nImporteren: ${group.label} (${plural(pages.files, 'bestand', 'bestanden')}, ${plural(pages.textPages, 'pagina', 'pagina’s')} met tekstlaag, ${pages.scannedPages} gescand)`);
      const measurement = await measure(group.folder);
      rows.push({ group, pages, measurement });
      archives.push(measurement.archive);
      console.log(`  ${seconds(measurement.seconds)} s, piekgeheugen ${Math.round(measurement.maxRssMb)} MB`);
    }
  } finally {
    if (values.bewaar) console.log(`\nDe brieven staan in ${root}, de archieven in ${archives.join(', ')}.`);
    else for (const dir of [root, ...archives]) rmSync(dir, { recursive: true, force: true });
  }

  const fmt = (n: number, digits = 1) => n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const rate = (pages: number, seconds: number) => (pages && seconds ? pages / seconds : 0);
  const command = `npm run bench:import${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  console.log(`\n${command}\n${cpus().length} kernen (${availableParallelism()} beschikbaar), Node ${process.versions.node}, belasting bij de start ${load.map((l) => fmt(l, 2)).join(' / ')}\n`);
  console.log('| Groep | Bestanden | Pagina’s: tekstlaag + OCR | Tijd | Pagina’s per seconde | Piekgeheugen | Geïmporteerd / nakijken / overgeslagen / mislukt |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const { group, pages, measurement: m } of rows) {
    const total = pages.textPages + pages.scannedPages;
    const kinds = [pages.words && `${pages.words} Word`, pages.unreadable && `${pages.unreadable} onleesbaar`].filter(Boolean).join(', ');
    const ocrNote = m.ocrPages !== pages.scannedPages ? ` (${m.ocrPages} door OCR gelezen)` : '';
    console.log(
      `| ${group.label} | ${pages.files}${kinds ? ` (${kinds})` : ''} | ${pages.textPages} + ${pages.scannedPages}${ocrNote} | ${fmt(m.seconds)} s | ${fmt(rate(total, m.seconds), 2)} | ${Math.round(m.maxRssMb)} MB | ${OUTCOMES.map((o) => m.outcomes[o]).join(' / ')} |`,
    );
  }

  if (rows.length > 1) {
    const sum = (f: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + f(row), 0);
    const textPages = sum((r) => r.pages.textPages);
    const scanned = sum((r) => r.pages.scannedPages);
    console.log(`| samen | ${sum((r) => r.pages.files)} | ${textPages} + ${scanned} | ${fmt(sum((r) => r.measurement.seconds))} s | ${fmt(rate(textPages + scanned, sum((r) => r.measurement.seconds)), 2)} | ${Math.round(Math.max(...rows.map((r) => r.measurement.maxRssMb)))} MB | ${OUTCOMES.map((o) => sum((r) => r.measurement.outcomes[o])).join(' / ')} |`);
  }

  // The targets, measured on a group of one kind of page only.
  const only = (kind: 'text' | 'scan') => rows.find(({ pages }) => (kind === 'text' ? pages.scannedPages === 0 && pages.textPages > 0 : pages.textPages === 0 && pages.scannedPages > 0));
  const text = only('text');
  const scan = only('scan');
  console.log('');
  if (text) {
    const r = rate(text.pages.textPages, text.measurement.seconds);
    console.log(`Tekstpagina’s: ${fmt(r, 2)} per seconde (doel: ten minste 5) — ${r >= 5 ? 'gehaald' : 'niet gehaald'}.`);
  }
  if (scan) {
    const r = rate(scan.pages.scannedPages, scan.measurement.seconds);
    console.log(`Tekstherkenning (OCR): ${fmt(r, 2)} pagina per seconde (doel: ten minste 0,5) — ${r >= 0.5 ? 'gehaald' : 'niet gehaald'}; piekgeheugen ${Math.round(scan.measurement.maxRssMb)} MB bij ${scan.pages.scannedPages} pagina’s.`);
    // Bounded memory: the peak after a quarter of the pages is about the peak at the end.
    const total = scan.measurement.ocrPages;
    const marks = [0.25, 0.5, 0.75, 1].map((part) => scan.measurement.progress.find(([pages]) => pages >= part * total)).filter((mark) => mark !== undefined);
    if (total >= 8) console.log(`Piekgeheugen tot dan, na ${marks.map(([pages]) => pages).join(' / ')} gelezen pagina’s: ${marks.map(([, mb]) => Math.round(mb)).join(' / ')} MB.`);
  }
  if (!text && !scan) console.log('De map mengt pagina’s met tekstlaag en scans: de tijd per soort pagina is hieruit niet apart af te lezen.');
  const failures = rows.flatMap(({ measurement }) => measurement.failures);
  if (failures.length) console.log(`\nMislukt:\n${failures.map((f) => `  ${f}`).join('\n')}`);
}

// ---------------------------------------------------------------------------
// The child: one import of one folder into a fresh archive, measured.

async function child() {
  const folder = process.argv[3]!;
  const archive = emptyArchive('ra-bench-archief-');

  let ocrPages = 0;
  const started = performance.now();
  const ocr = createOcr({ onPage: () => ocrPages++ });
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const failures: string[] = [];
  const progress: Measurement['progress'] = [];
  try {
    await importFolder(folder, { ...archive.options, ocr }, (result, done, total) => {
      outcomes[result.outcome]++;
      if (result.outcome === 'mislukt') failures.push(`${result.file}: ${result.message}`);
      progress.push([ocrPages, process.resourceUsage().maxRSS / 1024]);
      if (done % 10 === 0 || done === total) console.error(`    ${done} van ${total} bestanden`);
    });
  } finally {
    await ocr.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const measurement: Measurement = { seconds, outcomes, ocrPages, maxRssMb: process.resourceUsage().maxRSS / 1024, progress, failures, archive: archive.dir };
  process.send!(measurement, () => process.exit(0));
}

if (process.argv[2] === '--meting') await child();
else await main();
