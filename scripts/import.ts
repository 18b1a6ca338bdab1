/**
 * `npm run import`: Word (.docx) and PDF letters into the archive, one
 * briefing per letter, with its tables as datasets. Never overwrites; a letter
 * already in the archive (the same file, or the same text in another file) is
 * skipped; letters that only share a kenmerk are all imported.
 *
 *   npm run import -- ~/Downloads/brief.docx
 *   npm run import -- ~/Downloads/brieven/ --organisatie almelo
 *   npm run import -- brief.pdf --type vragen-inwoner
 */
import { parseArgs } from 'node:util';
import { DOCUMENT_TYPE_KEYS, type DocumentType } from '../src/schemas/document-types';
import { contentDir, dataDir, displayPath } from '../src/lib/content/paths';
import { typedPath } from '../src/lib/content/intake';
import { describeResult, describeSummary, importFile, importFolder, isFolder, writeSummary } from '../src/lib/import/import-letters';
import { createOcr } from '../src/lib/import/ocr';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    organisatie: { type: 'string' },
    type: { type: 'string' },
    controleer: { type: 'boolean' },
  },
});

const usage = 'Gebruik: npm run import -- <brief.docx | brief.pdf | map> [--organisatie almelo] [--type vragen-raadslid] [--controleer]';
if (positionals.length === 0) {
  console.error(`Welke brief? Noem een Word-bestand, een pdf of een map.\n${usage}`);
  process.exit(1);
}
if (values.type && !DOCUMENT_TYPE_KEYS.includes(values.type as DocumentType)) {
  console.error(`--type moet een van ${DOCUMENT_TYPE_KEYS.join(', ')} zijn.\n${usage}`);
  process.exit(1);
}

// npm runs scripts in the project folder; a path the clerk typed starts where they typed it.
const cwd = process.env.INIT_CWD || process.cwd();
// One OCR for the whole run: its workers (one per core) read the scanned pages of every file.
const ocr = createOcr({ onPage: ({ file, page, done, total }) => console.log(`    tekstherkenning: ${file ?? 'pdf'}, pagina ${page} (${done} van ${total})`) });
const options = { contentRoot: contentDir(), dataRoot: dataDir(), organisatie: values.organisatie, type: values.type as DocumentType | undefined, ocr, controleer: values.controleer };
if (values.controleer) console.log('Proef (--controleer): de brieven worden gelezen en beoordeeld, er wordt niets in het archief gezet.\n');

// Ctrl+C stops after the letter at hand, so no letter is left half-written; a second Ctrl+C stops at once.
const stopping = new AbortController();
process.on('SIGINT', () => {
  if (stopping.signal.aborted) process.exit(130);
  stopping.abort();
  console.log('\nStoppen na deze brief… (nog eens Ctrl+C stopt meteen). Wat al geïmporteerd is, blijft staan; start de opdracht later opnieuw om verder te gaan.');
});

let failed = false;
const started = performance.now();
for (const typed of positionals) {
  const path = typedPath(typed, cwd);
  if (isFolder(path)) {
    const results = await importFolder(path, options, (result, done, total) => console.log(`[${done}/${total}] ${describeResult(result)}`), stopping.signal);
    console.log(`\n${describeSummary(results)}`);
    console.log(`Overzicht (voor Excel): ${displayPath(writeSummary(path, results))}`);
    failed ||= results.some((r) => r.outcome === 'mislukt');
  } else {
    const result = await importFile(path, typed, options);
    console.log(describeResult(result));
    failed ||= result.outcome === 'mislukt';
  }
}
await ocr.close();
console.log(`\nKlaar in ${((performance.now() - started) / 1000).toFixed(1)} s. Controleer met: npm run check`);
process.exit(failed ? 1 : 0);
