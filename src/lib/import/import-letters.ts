/**
 * `npm run import` apart from its terminal: one Word or PDF letter, or a
 * folder of them, into the archive. Per file the outcome is one of four —
 * imported, imported with things to check, already in the archive (skipped),
 * or failed with a Dutch message — and a folder gets one summary, also as a
 * CSV that opens in Excel.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { loadOrganisations } from '../content/organisations';
import { displayPath } from '../content/paths';
import { takeFile, type IncomingFile } from '../content/intake';
import { DOCUMENT_TYPES, type DocumentType } from '../../schemas/document-types';
import { ImportProblem, type ReadLetter } from './blocks';
import { addKenmerk, letterTextDigest, normaliseKenmerk, readArchiveIndex, type ArchiveIndex } from './archive-index';
import { composeBriefing } from './compose-briefing';
import { readDocx } from './docx-reader';
import { writeProposedOrganisation } from './organisation-proposal';
import { readPdf } from './pdf-reader';
import { writeImportedBriefing, type WrittenImport } from './write-briefing';
import { writeOcrText } from '../content/ocr-text';
import { createOcr, type Ocr } from './ocr';
import type { PageText } from './page-text';
import { scannedPages } from './scanned-pages';
import { parsePartialDate } from '../../schemas/partial-date';
import { readBriefing, splitFrontmatter } from '../content/check';
import { publishable } from '../content/placeholders';
import { attachToBriefing } from './attach-document';
import { attachmentTitle, documentKind, KIND_LABELS, namesPrivatePerson, type DocumentKind } from './document-kind';
import { addressesPrivatePerson } from '../content/privacy';
import { load } from 'js-yaml';

export type Outcome = 'geïmporteerd' | 'nakijken' | 'bijlage' | 'overgeslagen' | 'mislukt';

export interface FileResult {
  /** The file as the clerk named it (or its name inside the folder). */
  file: string;
  outcome: Outcome;
  /** The briefing made, or the one already in the archive. */
  briefing?: string;
  written?: WrittenImport;
  /** What the clerk must still check. */
  toCheck: string[];
  notes: string[];
  /** The organisation file this import proposed for a sender the archive did not know yet. */
  newOrganisation?: { key: string; path: string; description: string };
  /** Why it was skipped or failed. */
  message?: string;
  hint?: string;
  /** The briefing's title, type and year, for the report. */
  title?: string;
  type?: DocumentType;
  year?: number;
  /** What of the imported briefing does not go online yet, and why. */
  offline?: string[];
  /** A document that is no letter (an e-mail, an inventory list, a notice): attached to the letter beside it in the folder. */
  document?: {
    kind: Exclude<DocumentKind, 'brief'>;
    titel: string;
    file: IncomingFile;
    /** An e-mail that names a private person (the requester's own request, a resident's message): not published as it is. */
    namesPrivatePerson: boolean;
  };
}

export interface ImportOptions {
  contentRoot: string;
  dataRoot: string;
  organisatie?: string;
  type?: DocumentType;
  /**
   * Reads scanned pages. A folder import makes one and closes it at its end,
   * so its workers serve every file; without one, a file that needs OCR gets
   * its own for the time it is read.
   */
  ocr?: Ocr;
  /** Read every letter and say what would come in and what was guessed, but write nothing (`--controleer`). */
  controleer?: boolean;
}

const READERS: Record<string, (data: Buffer) => Promise<ReadLetter>> = { docx: readDocx, pdf: readPdf };

/**
 * Imports one file. Never throws for a problem with the file itself; that is
 * its outcome. `index` is what the archive holds; a folder import passes one
 * index for all its files and it is kept up to date here.
 */
export async function importFile(path: string, shown: string, options: ImportOptions, index: ArchiveIndex = readArchiveIndex(options.contentRoot)): Promise<FileResult> {
  const result = (outcome: Outcome, extra: Partial<FileResult> = {}): FileResult => ({ file: shown, outcome, toCheck: [], notes: [], ...extra });
  const extension = extname(path).slice(1).toLowerCase();
  const read = READERS[extension];
  if (!read) {
    return result('mislukt', {
      message: extension === 'doc' ? 'dit is een oud Word-bestand (.doc)' : `dit is geen Word- of pdf-bestand${extension ? ` (.${extension})` : ''}`,
      hint: extension === 'doc' ? 'Open het in Word en sla het op als Word-document (.docx).' : 'Importeer de brief als Word-document (.docx) of als pdf.',
    });
  }
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return result('mislukt', { message: 'het bestand bestaat niet of kan niet worden gelezen', hint: 'Controleer de naam en de map, of sleep het bestand in het venster.' });
  }
  if (data.length === 0) return result('mislukt', { message: 'het bestand is leeg (0 bytes)', hint: 'Sla de brief opnieuw op en importeer hem nog een keer.' });
  const sha256 = createHash('sha256').update(data).digest('hex');
  const sameFile = index.hashes.get(sha256);
  if (sameFile) return result('overgeslagen', { briefing: sameFile, message: `staat al in het archief (hetzelfde bestand: ${displayPath(sameFile)})` });

  // The archive's own rules first (scripts in a PDF, macros in Word): a refused file is not read at all.
  const taken = takeFile(path, process.cwd());
  if ('problem' in taken) return result('mislukt', { message: taken.problem.message, hint: taken.problem.hint });
  const fileWarning = taken.file.warning ? [`Let op: ${taken.file.warning}`] : [];

  try {
    // Scanned pages (a scan, or the scanned letterhead page of a mixed PDF) are read by OCR; what it read is kept beside the original.
    let recognised: PageText[] = [];
    let ownOcr: Ocr | undefined;
    let letter: ReadLetter;
    try {
      letter =
        extension === 'pdf'
          ? await readPdf(data, {
              scanned: scannedPages(data),
              ocr: async (bytes, pages) => {
                recognised = await (options.ocr ?? (ownOcr = createOcr())).recognise(bytes, pages, { file: shown });
                return recognised;
              },
            })
          : await read(data);
    } finally {
      await ownOcr?.close();
    }
    const organisations = [...loadOrganisations(join(options.contentRoot, 'organisaties')).entries()].map(([key, o]) => ({ key, naam: o.naam, ...(o.cbsCode ? { cbsCode: o.cbsCode } : {}) }));
    if (options.organisatie && !organisations.some((o) => o.key === options.organisatie)) {
      return result('mislukt', { message: `organisatie "${options.organisatie}" bestaat niet`, hint: `Kies uit ${organisations.map((o) => o.key).join(', ')}, of voeg content/organisaties/${options.organisatie}.yaml toe.` });
    }
    // An e-mail, list or notice is never made into a letter: a folder import attaches it to its decision.
    const kind = documentKind(letter.blocks);
    if (kind !== 'brief') {
      return result('mislukt', {
        message: `dit is ${KIND_LABELS[kind]}, geen brief`,
        hint: 'Zet het in de map van het stuk waar het bij hoort (één brief of besluit per map) en importeer die map, of noem het onder bijlagen: van dat stuk.',
        document: { kind, titel: attachmentTitle(kind, letter.blocks), file: taken.file, namesPrivatePerson: kind === 'e-mail' && namesPrivatePerson(letter.blocks) },
      });
    }
    // The same letter in another file (Word and PDF, or saved twice) says the same words.
    const textSha256 = letterTextDigest(letter);
    const sameText = index.texts.get(textSha256);
    if (sameText) return result('overgeslagen', { briefing: sameText, message: `staat al in het archief (dezelfde tekst: ${displayPath(sameText)})` });
    const composed = composeBriefing(letter, { organisatie: options.organisatie, type: options.type, organisations, file: shown });
    // A shared kenmerk is no reason to skip (partial decisions share the case's number); the same date too is worth a look.
    const sharing = composed.kenmerk ? (index.kenmerken.get(normaliseKenmerk(composed.kenmerk)) ?? []) : [];
    const nearMatches = sharing.filter((known) => known.datum === composed.datum);
    const nearMatch = nearMatches.map((known) => `of dit een nieuwe versie is van ${displayPath(known.path)} (zelfde kenmerk ${composed.kenmerk} en datum, andere tekst)`);
    const sameCase = sharing.length > nearMatches.length ? [`Zelfde kenmerk (${composed.kenmerk}) als ${sharing.filter((k) => !nearMatches.includes(k)).map((k) => displayPath(k.path)).join(', ')}: een ander stuk in dezelfde zaak.`] : [];
    // A letter of another type that names a private person has no check to keep its original back: it is not taken in at all.
    const original = extension === 'pdf' && !composed.namesPrivatePerson ? taken.file : undefined;
    const date = parsePartialDate(composed.datum);
    const year = 'year' in date ? date.year : undefined;
    if (options.controleer) {
      const guessed = [...nearMatch, ...(composed.organisationProposal ? [`de nieuwe organisatie ${composed.organisationProposal.key}: ${composed.organisationProposal.description}`] : []), ...composed.toCheck];
      return result(guessed.length ? 'nakijken' : 'geïmporteerd', { toCheck: guessed, notes: [...fileWarning, ...sameCase, ...composed.notes], title: composed.titel, type: composed.type, ...(year ? { year } : {}) });
    }
    // A sender the archive does not know yet gets its organisation file first, so the briefing never points at nothing.
    const proposal = composed.organisationProposal;
    const proposed = proposal && writeProposedOrganisation(options.contentRoot, proposal);
    let written: WrittenImport;
    try {
      written = writeImportedBriefing(composed, { sha256, textSha256, original }, { content: options.contentRoot, data: options.dataRoot });
    } catch (error) {
      proposed?.undo();
      throw error;
    }
    if (recognised.length && written.original) writeOcrText(written.original.path, recognised, { sha256 });
    index.hashes.set(sha256, written.briefing);
    index.texts.set(textSha256, written.briefing);
    if (composed.kenmerk) addKenmerk(index, composed.kenmerk, { path: written.briefing, datum: composed.datum });
    const newOrganisation = proposal && proposed ? { key: proposal.key, path: proposed.path, description: proposal.description } : undefined;
    const toCheck = [composed.frontmatter.samenvatting ? 'de samenvatting (overgenomen uit de eerste alinea)' : 'de samenvatting (de brief heeft geen alinea om haar uit over te nemen; het veld is weggelaten)', ...nearMatch, ...(newOrganisation ? [`de nieuwe organisatie ${displayPath(newOrganisation.path)}: ${newOrganisation.description}`] : []), ...composed.toCheck];
    return result(toCheck.length ? 'nakijken' : 'geïmporteerd', {
      briefing: written.briefing,
      written,
      toCheck,
      notes: [...fileWarning, ...sameCase, ...composed.notes],
      type: composed.type,
      ...(year ? { year } : {}),
      offline: offlineReasons(written.briefing, options.contentRoot),
      ...(newOrganisation ? { newOrganisation } : {}),
    });
  } catch (error) {
    if (error instanceof ImportProblem) return result('mislukt', { message: error.message, hint: error.hint });
    return result('mislukt', { message: `onverwachte fout bij het importeren: ${(error as Error).message}`, hint: 'Meld dit bij de beheerder van het archief, met het bestand erbij.' });
  }
}

/** Word's lock files (~$brief.docx) and hidden files are not letters; the summaries this command wrote neither. */
const isLetterCandidate = (name: string) => !name.startsWith('~$') && !name.startsWith('.') && !/^importoverzicht-.*\.csv$/i.test(name);

/** The files of a folder import, in name order, subfolders included. */
export function folderFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter(isLetterCandidate)
    .sort((a, b) => a.localeCompare(b, 'nl'))
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? folderFiles(path) : [path];
    });
}

/**
 * Imports every letter in a folder. `onResult` hears of each file as soon as it
 * is done (with its number and the total), so a long import shows progress;
 * `stop` ends it after the file at hand: what was imported stays, and running
 * the same command again skips it.
 */
export async function importFolder(
  folder: string,
  options: ImportOptions,
  onResult?: (result: FileResult, done: number, total: number) => void,
  stop?: AbortSignal,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  // Read once: a folder of thousands of letters would otherwise hash the whole archive for each.
  const index = readArchiveIndex(options.contentRoot);
  const paths = folderFiles(folder);
  const ocr = options.ocr ?? createOcr();
  try {
    // One at a time: a letter imported a moment ago must count as "already in the archive" for its PDF twin.
    for (const path of paths) {
      // Stopped between two files, never halfway through writing one.
      if (stop?.aborted) break;
      const result = await importFile(path, path.slice(folder.length).replace(/^[\\/]+/, ''), { ...options, ocr }, index);
      results.push(result);
      onResult?.(result, results.length, paths.length);
    }
  } finally {
    if (!options.ocr) await ocr.close();
  }
  if (!options.controleer) attachDocuments(results);
  return results;
}

const OUTCOME_LABELS: Record<Outcome, string> = { geïmporteerd: 'geïmporteerd', nakijken: 'geïmporteerd, nakijken', bijlage: 'bijlage bij een stuk', overgeslagen: 'staat al in het archief', mislukt: 'mislukt' };

/**
 * What of an imported briefing does not go online yet: a draft, an original
 * kept back because it names its addressee, a briefing the Woo-index does
 * not get because its day is unknown. Read the way the check reads it.
 */
function offlineReasons(briefingPath: string, contentRoot: string): string[] {
  const { briefing } = readBriefing(briefingPath, contentRoot);
  if (!briefing) return [];
  const reasons: string[] = [];
  const shown = publishable(briefing.data);
  if (!shown.data) reasons.push(`het stuk blijft offline tot ${shown.missing.join(', ')} is ingevuld`);
  if (briefing.files.withheldOriginal) reasons.push(`het origineel ${briefing.files.withheldOriginal.name ? 'noemt de ontvanger bij naam' : 'kon niet op de naam van de ontvanger worden gecontroleerd'} en wordt achtergehouden tot de geanonimiseerde versie er is`);
  if (briefing.data.datum.precision !== 'dag') reasons.push('niet in de Woo-index: de dag is niet bekend');
  return reasons;
}

/** The type of a briefing in the archive, read from its frontmatter; undefined when it cannot be read. */
function briefingType(path: string): string | undefined {
  try {
    const parts = splitFrontmatter(readFileSync(path, 'utf8'));
    const data = parts && (load(parts.frontmatter) as { type?: unknown } | null);
    return typeof data?.type === 'string' ? data.type : undefined;
  } catch {
    return undefined;
  }
}

/** Why an attachment is named without its file: the page shows it as "(niet openbaar: …)". */
const NAMES_PRIVATE_PERSON = 'noemt een privépersoon';

/**
 * Attaches each document that is no letter to the one briefing that came from
 * (or already stood for) a letter in the same folder; with none or several
 * there, it stays reported with the reason. An e-mail that names a private
 * person, beside a letter to a resident or a Woo requester, is named as not
 * public and its file is not taken in. A document that cannot be added is
 * reported on its own line; the others and the summary go on.
 */
function attachDocuments(results: FileResult[]): void {
  const folderOf = (file: string) => dirname(file);
  for (const result of results) {
    if (!result.document) continue;
    const beside = [...new Set(results.filter((r) => r !== result && !r.document && r.briefing && /\.mdx?$/.test(r.briefing) && folderOf(r.file) === folderOf(result.file)).map((r) => r.briefing!))];
    if (beside.length !== 1) {
      result.message = `${result.message}, en er staat ${beside.length ? 'meer dan één brief' : 'geen besluit of brief'} naast in de map`;
      continue;
    }
    const briefing = beside[0]!;
    const { kind, titel, file } = result.document;
    const decision = results.find((r) => r.briefing === briefing && !r.document);
    const type = decision?.type ?? briefingType(briefing);
    const withheld = result.document.namesPrivatePerson && !!type && addressesPrivatePerson(type);
    let attached: ReturnType<typeof attachToBriefing>;
    try {
      attached = attachToBriefing(briefing, withheld ? { titel, opmerking: NAMES_PRIVATE_PERSON } : { titel, file, matches: kind === 'inventarislijst' ? /inventaris/i : undefined });
    } catch (error) {
      attached = { problem: (error as Error).message };
    }
    if ('problem' in attached) {
      result.message = `${result.message}; niet toegevoegd aan ${displayPath(briefing)}: ${attached.problem}`;
      result.hint = `Noem het bestand met de hand onder bijlagen: in ${displayPath(briefing)} (titel en bestand: bijlagen/…).`;
      continue;
    }
    if (withheld) {
      Object.assign(result, {
        outcome: 'bijlage' as const,
        briefing,
        message: `bijlage bij ${displayPath(briefing)} (“${titel}”), niet openbaar: de e-mail noemt een privépersoon; het bestand is niet overgenomen`,
        hint: 'Lak de naam weg (bijvoorbeeld met de code 5.1.2e) en voeg de geanonimiseerde versie toe met bestand: bijlagen/… bij deze bijlage; haal dan de opmerking weg.',
      });
      continue;
    }
    Object.assign(result, { outcome: 'bijlage' as const, briefing, message: `bijlage bij ${displayPath(briefing)} (“${titel}”, ${displayPath(attached.path ?? briefing)})`, hint: undefined });
  }
}

/** The summary as Excel opens it in the Netherlands: semicolons, a BOM for the accents, Windows line ends. */
export function summaryCsv(results: ReadonlyArray<FileResult>): string {
  const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = [
    ['Bestand', 'Uitkomst', 'Stuk', 'Soort', 'Jaar', 'Niet online', 'Toelichting'],
    ...results.map((r) => [
      r.file,
      OUTCOME_LABELS[r.outcome],
      r.briefing ? displayPath(r.briefing) : '',
      r.type ? DOCUMENT_TYPES[r.type].label : '',
      r.year ? String(r.year) : r.type ? 'onbekend' : '',
      (r.offline ?? []).join('; '),
      r.outcome === 'nakijken' || r.outcome === 'geïmporteerd' ? (r.toCheck.length ? `Nakijken: ${r.toCheck.join('; ')}` : '') : [r.message, r.hint].filter(Boolean).join(' → '),
    ]),
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** Writes the summary next to the letters, under a name that is not taken. */
export function writeSummary(folder: string, results: ReadonlyArray<FileResult>, now = new Date()): string {
  const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  for (let n = 1; ; n++) {
    const path = join(folder, `importoverzicht-${stamp}${n === 1 ? '' : `-${n}`}.csv`);
    try {
      writeFileSync(path, summaryCsv(results), { flag: 'wx' });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** What the terminal shows for one file. */
export function describeResult(result: FileResult): string {
  const lines: string[] = [];
  if (result.outcome === 'mislukt') {
    lines.push(`✗ ${result.file}: ${result.message}`, `    → ${result.hint}`);
  } else if (result.outcome === 'overgeslagen') {
    lines.push(`= ${result.file}: ${result.message}; overgeslagen`);
  } else if (result.outcome === 'bijlage') {
    lines.push(`+ ${result.file}: ${result.message}`);
    if (result.hint) lines.push(`    → ${result.hint}`);
  } else if (!result.written) {
    // A trial run (--controleer): what would come in, and what the clerk would check.
    lines.push(`? ${result.file} → ${result.type ? DOCUMENT_TYPES[result.type].label.toLowerCase() : 'stuk'} “${result.title}”${result.year ? `, ${result.year}` : ''}`);
    for (const note of result.notes) lines.push(`    ${note}`);
    if (result.toCheck.length) {
      lines.push('    Geraden of niet gevonden:');
      for (const item of result.toCheck) lines.push(`      - ${item}`);
    }
  } else {
    const written = result.written!;
    lines.push(`✓ ${result.file} → ${displayPath(written.briefing)}`);
    for (const path of written.datasets) lines.push(`    tabel: ${displayPath(path)}`);
    for (const path of written.images) lines.push(`    afbeelding: ${displayPath(path)}`);
    if (written.original) lines.push(`    origineel: ${displayPath(written.original.path)}${written.original.reused ? ' (stond er al, met dezelfde inhoud)' : ''}`);
    for (const note of result.notes) lines.push(`    ${note}`);
    for (const reason of result.offline ?? []) lines.push(`    Nog niet online: ${reason}.`);
    if (result.toCheck.length) {
      lines.push('    Nakijken (wat nog niet zeker is, wordt niet gepubliceerd; npm run check herinnert u eraan):');
      for (const item of result.toCheck) lines.push(`      - ${item}`);
    }
  }
  return lines.join('\n');
}

export function describeSummary(results: ReadonlyArray<FileResult>): string {
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  const attached = count('bijlage') ? `, ${count('bijlage')} als bijlage bij een stuk` : '';
  const lines = [`${results.length} ${results.length === 1 ? 'bestand' : 'bestanden'}: ${count('geïmporteerd') + count('nakijken')} geïmporteerd (waarvan ${count('nakijken')} nakijken)${attached}, ${count('overgeslagen')} stonden al in het archief, ${count('mislukt')} mislukt.`];
  // For the Woo-coordinator: what came in, by type and year, and what waits before it goes online.
  const imported = results.filter((r) => r.outcome === 'geïmporteerd' || r.outcome === 'nakijken');
  const tally = (keys: string[]) => [...keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<string, number>())].map(([key, n]) => `${key} ${n}`).join(', ');
  if (imported.length) {
    lines.push(`Per soort: ${tally(imported.map((r) => (r.type ? DOCUMENT_TYPES[r.type].label : 'onbekend')).sort((a, b) => a.localeCompare(b, 'nl')))}`);
    // Newest year first, the letters without a known year last.
    lines.push(`Per jaar: ${tally(imported.map((r) => (r.year ? String(r.year) : 'onbekend')).sort((a, b) => (a === 'onbekend' ? 1 : b === 'onbekend' ? -1 : b.localeCompare(a))))}`);
    const waiting = imported.flatMap((r) => r.offline ?? []);
    const withheld = waiting.filter((w) => w.startsWith('het origineel')).length;
    const drafts = waiting.filter((w) => w.startsWith('het stuk blijft offline')).length;
    const undated = waiting.filter((w) => w.startsWith('niet in de Woo-index')).length;
    lines.push(`Niet (helemaal) online: originelen achtergehouden omdat ze de ontvanger bij naam noemen: ${withheld}; stukken offline tot de titel of vraagsteller is ingevuld: ${drafts}; niet in de Woo-index (de dag is niet bekend): ${undated}.`);
  }
  const created = newOrganisations(results);
  if (created.length) {
    lines.push(`${created.length === 1 ? 'Nieuwe organisatie' : 'Nieuwe organisaties'}, voorgesteld uit de briefhoofden; controleer ${created.length === 1 ? 'hem' : 'ze'}:`);
    for (const organisation of created) lines.push(`  - ${displayPath(organisation.path)}: ${organisation.description}`);
  }
  return lines.join('\n');
}

/** The organisation files a folder import created, each once, for the clerk to confirm. */
export function newOrganisations(results: ReadonlyArray<FileResult>): Array<NonNullable<FileResult['newOrganisation']>> {
  const seen = new Map<string, NonNullable<FileResult['newOrganisation']>>();
  for (const result of results) if (result.newOrganisation && !seen.has(result.newOrganisation.path)) seen.set(result.newOrganisation.path, result.newOrganisation);
  return [...seen.values()];
}

export const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

