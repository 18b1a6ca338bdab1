/**
 * `npm run ocr`: reads the scans already in the archive. For every signed
 * original and attachment a briefing publishes, the scanned pages of each PDF
 * are read with text recognition (OCR) and the text is stored beside the PDF
 * (`brief.pdf.ocr.txt`), to be committed with the archive: the search then
 * finds what the scan says, and a clerk can correct it. Builds never run OCR.
 *
 *   npm run ocr                  reads the scans without stored text
 *   npm run ocr -- --opnieuw     reads every scan again (corrections are lost)
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { contentDir, displayPath } from '../src/lib/content/paths';
import { createOcr } from '../src/lib/import/ocr';
import { ocrArchive } from '../src/lib/import/ocr-archive';

const usage = 'Gebruik: npm run ocr [-- --opnieuw]';
let values: { opnieuw?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({ options: { opnieuw: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
} catch (error) {
  console.error(`${(error as Error).message.replace(/^Unknown option '(.+?)'.*$/s, 'Onbekende optie $1.').replace(/^Unexpected argument '(.+?)'.*$/s, 'Onverwacht argument $1.')}\n${usage}`);
  process.exit(1);
}
if (values.help) {
  console.log(`${usage}\nLeest de gescande pagina's van de pdf's in het archief met tekstherkenning (OCR) en zet de tekst naast de pdf (naam.pdf.ocr.txt).\n--opnieuw  leest ook scans waarvan de tekst al is opgeslagen (verbeteringen gaan verloren).`);
  process.exit(0);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const seconds = (ms: number) => (ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

const workers = availableParallelism();
const ocr = createOcr({
  workers,
  onPage: ({ file, page, done, total }) => console.log(`  ${file}: pagina ${page} gelezen (${done} van ${total})`),
});
const started = performance.now();
console.log(`Tekstherkenning (OCR) van de scans in ${displayPath(contentDir())}, ${plural(workers, "pagina", "pagina's")} tegelijk${values.opnieuw ? ', alles opnieuw' : ''}.`);
let report;
try {
  report = await ocrArchive({ contentRoot: contentDir(), ocr, again: values.opnieuw, log: (line) => console.log(line) });
} finally {
  await ocr.close();
}
const ms = performance.now() - started;

const left = [
  report.stored && `${plural(report.stored, "pdf had zijn tekst al", "pdf's hadden hun tekst al")}`,
  report.withoutScans && `${plural(report.withoutScans, 'pdf zonder', "pdf's zonder")} gescande pagina's`,
].filter(Boolean);
if (report.read === 0 && report.failed.length === 0) {
  console.log(`\nNiets te doen: ${plural(report.pdfs, 'pdf', "pdf's")} bekeken${left.length ? ` (${left.join(', ')})` : ''}.`);
} else {
  const rate = report.pages ? `, ${(report.pages / (ms / 1000)).toLocaleString('nl-NL', { maximumFractionDigits: 2 })} pagina per seconde` : '';
  console.log(
    `\nKlaar in ${seconds(ms)} s: ${plural(report.read, 'pdf', "pdf's")} gelezen (${plural(report.pages, 'pagina', "pagina's")}${rate})` +
      `${left.length ? `; ${left.join(', ')}` : ''}${report.failed.length ? `; ${report.failed.length} mislukt` : ''}.`,
  );
  if (report.read) console.log("Lees de tekst na in de .ocr.txt-bestanden (verbeteringen zijn welkom) en zet ze met de pdf's in het archief.");
}
if (report.failed.length) {
  console.error(`\nNiet gelezen:\n${report.failed.map(({ file, message }) => `  ${file}: ${message}`).join('\n')}`);
  process.exitCode = 1;
}
