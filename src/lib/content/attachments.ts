/**
 * The files a briefing publishes next to its accessible HTML: the signed
 * original (`origineel:`) and the attachments (`bijlagen[].bestand`). Paths are
 * relative to the briefing's own file, so a clerk puts the PDF beside the letter.
 *
 * Every file is checked before anything is built: it must exist inside content/,
 * not be empty, be a document whose bytes match its name, and carry no code
 * that runs when a reader opens it — an executable or a web page renamed to
 * .pdf, a PDF with JavaScript, a Word file with macros or an SVG with a script
 * must never reach the municipality's website. `npm run check` and the build use these same rules.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import type { BriefingData } from '../../schemas/briefing';
import { slugify } from '../formats/slug';
import { displayPath } from './paths';
import { loadOcrText, ocrTextPath, readOcrText } from './ocr-text';
import { inspectOffice } from './office-macros';
import { decodeCharacterReferences } from './content-safety';
import { pdfVerdict } from './pdf-verdicts';
import { addresseeNameIn, addressesPrivatePerson } from './privacy';
import { openingWasRead } from './first-page';

export interface FileType {
  /** What a reader sees: "PDF", "Word", "Excel", … */
  label: string;
  mediaType: string;
  /** The EU file-type authority code (DiWoo `format`, DCAT `format`). */
  euFileType: string;
  /** The first bytes a real file of this type starts with; undefined for plain text. */
  magic?: ReadonlyArray<Uint8Array>;
}

const bytes = (...values: number[]) => new Uint8Array(values);
const ZIP = [bytes(0x50, 0x4b, 0x03, 0x04)];
const OLE = [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)];

/** The document types an archive publishes, by extension. Anything else is refused. */
export const FILE_TYPES: Readonly<Record<string, FileType>> = {
  pdf: { label: 'PDF', mediaType: 'application/pdf', euFileType: 'PDF', magic: [bytes(0x25, 0x50, 0x44, 0x46, 0x2d)] },
  docx: { label: 'Word', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', euFileType: 'DOCX', magic: ZIP },
  doc: { label: 'Word', mediaType: 'application/msword', euFileType: 'DOC', magic: OLE },
  xlsx: { label: 'Excel', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', euFileType: 'XLSX', magic: ZIP },
  xls: { label: 'Excel', mediaType: 'application/vnd.ms-excel', euFileType: 'XLS', magic: OLE },
  pptx: { label: 'PowerPoint', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', euFileType: 'PPTX', magic: ZIP },
  odt: { label: 'OpenDocument-tekst', mediaType: 'application/vnd.oasis.opendocument.text', euFileType: 'ODT', magic: ZIP },
  ods: { label: 'OpenDocument-rekenblad', mediaType: 'application/vnd.oasis.opendocument.spreadsheet', euFileType: 'ODS', magic: ZIP },
  odp: { label: 'OpenDocument-presentatie', mediaType: 'application/vnd.oasis.opendocument.presentation', euFileType: 'ODP', magic: ZIP },
  csv: { label: 'CSV', mediaType: 'text/csv', euFileType: 'CSV' },
  txt: { label: 'tekst', mediaType: 'text/plain', euFileType: 'TXT' },
  png: { label: 'PNG-afbeelding', mediaType: 'image/png', euFileType: 'PNG', magic: [bytes(0x89, 0x50, 0x4e, 0x47)] },
  jpg: { label: 'JPEG-afbeelding', mediaType: 'image/jpeg', euFileType: 'JPEG', magic: [bytes(0xff, 0xd8, 0xff)] },
  jpeg: { label: 'JPEG-afbeelding', mediaType: 'image/jpeg', euFileType: 'JPEG', magic: [bytes(0xff, 0xd8, 0xff)] },
  svg: { label: 'SVG-afbeelding', mediaType: 'image/svg+xml', euFileType: 'SVG' },
};

const ALLOWED = Object.keys(FILE_TYPES).filter((ext) => ext !== 'jpeg').join(', ');

/** Above this a file is published, with a warning: readers on a phone pay for every megabyte. */
export const LARGE_ATTACHMENT = 50 * 1024 * 1024;

export interface PublishedFile {
  role: 'origineel' | 'bijlage';
  titel: string;
  opmerking?: string;
  /** The file as the clerk wrote it in the frontmatter. */
  written: string;
  /** Absolute path of the source file. */
  source: string;
  /** File name in the published address, safe for a URL: /stukken/<id>/<name>. */
  name: string;
  extension: string;
  type: FileType;
  size: number;
  /** SHA-256 of the bytes: what incremental builds and the import compare. */
  sha256: string;
  /**
   * The text recognised (OCR) in a scanned PDF, stored beside it
   * (src/lib/content/ocr-text.ts): what the search indexes for its scanned
   * pages, and why the page says the text was read from a scan.
   */
  ocrText?: { path: string; sha256: string };
}

export interface UnpublishedAttachment {
  role: 'bijlage';
  titel: string;
  opmerking?: string;
}

export interface BriefingFiles {
  original?: PublishedFile;
  /** An original that names the private person it was sent to: kept back until the redacted version is there. */
  withheldOriginal?: { written: string; name?: string };
  /** In the order of the frontmatter; an attachment without `bestand` is not public. */
  attachments: Array<PublishedFile | UnpublishedAttachment>;
}

export const isPublished = (file: PublishedFile | UnpublishedAttachment): file is PublishedFile => 'source' in file;

export interface FileProblem {
  /** The frontmatter field the problem is about, for its line: ['bijlagen', 1, 'bestand']. */
  field: ReadonlyArray<string | number>;
  message: string;
  hint: string;
  severity: 'error' | 'warning';
}

/** "Parkeeronderzoek 2024 (definitief).PDF" → "parkeeronderzoek-2024-definitief.pdf". */
export function safeFileName(written: string): string {
  const extension = extname(written).slice(1).toLowerCase();
  const stem = slugify(basename(written, extname(written))) || 'bestand';
  return extension ? `${stem}.${extension}` : stem;
}

const HINT_PLACE = 'Zet het bestand naast het stuk (bijvoorbeeld in content/stukken/bijlagen/) en schrijf het pad vanaf het stuk: bijlagen/naam.pdf.';

function startsWith(content: Uint8Array, magic: Uint8Array): boolean {
  return magic.every((byte, i) => content[i] === byte);
}

/** What the bytes say the file is, when they contradict its name: an executable, a web page, a script. */
function contentProblem(content: Uint8Array, extension: string, type: FileType): string | undefined {
  if (startsWith(content, bytes(0x4d, 0x5a)) || startsWith(content, bytes(0x7f, 0x45, 0x4c, 0x46))) return 'is een programma (uitvoerbaar bestand), geen document';
  if (type.magic && !type.magic.some((magic) => startsWith(content, magic))) return `is geen echt ${type.label}-bestand (de inhoud past niet bij .${extension})`;
  if (extension === 'svg') {
    // The whole file, references decoded and any namespace prefix allowed: a browser runs <x:script> and &#106;avascript: alike.
    const svg = decodeCharacterReferences(new TextDecoder('utf-8', { fatal: false }).decode(content));
    const tags = /<(?:[\w.-]+:)?(?:script|foreignObject|iframe|embed|object|handler|listener)\b|\son[a-z]+\s*=|<!ENTITY/i;
    // An address is read with its tabs and line breaks dropped: java<tab>script: is javascript:.
    if (tags.test(svg) || /(?:java|vb)script\s*:/i.test(svg.replace(/[\t\n\r]/g, ''))) {
      return 'is een SVG met code (script, onload=… of javascript:), die in de browser zou draaien';
    }
  }
  if (!type.magic) {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(content.subarray(0, 64 * 1024));
    if (extension === 'svg') {
      // Checked above, on the whole file.
    } else if (/<(?:!doctype\s+html|html|script|body)\b/i.test(head)) {
      return 'is een webpagina (HTML), geen document';
    }
  }
  return undefined;
}

const HINT_PDF_CODE =
  'Een pdf die code uitvoert, een programma start of gegevens naar een andere site stuurt, wordt niet gepubliceerd: het archief zet bestanden ongewijzigd op de site van de gemeente. Vraag de afzender om een pdf zonder scripts, of druk hem af als pdf (Afdrukken → “Opslaan als pdf” of “Microsoft Print to PDF”): de afdruk bevat geen scripts meer.';
const HINT_OFFICE_MACROS =
  'Een document met macro’s wordt niet gepubliceerd: macro’s zijn programma’s die bij het openen kunnen draaien. Open het bestand en sla het op als gewoon document zonder macro’s (Word: .docx, Excel: .xlsx), of exporteer het als pdf.';
const HINT_EMBEDDED =
  'Ingesloten bestanden worden met de pdf mee gepubliceerd, maar niet doorzocht en niet op persoonsgegevens gecontroleerd. Laat de Woo-coördinator beoordelen of ze openbaar mogen; zo niet, druk de pdf af als pdf (dan vallen ze weg) of publiceer ze als aparte bijlagen.';

/** A file's warnings are points for review: published as it is, they never stop a strict build. */
export interface DocumentWarning {
  message: string;
  hint: string;
}

export type InspectedDocument =
  | { problem: { message: string; hint: string } }
  | { extension: string; type: FileType; sha256: string; warnings: DocumentWarning[]; opening?: string };

// Reading a PDF's objects costs milliseconds; within one run each file is inspected once.
const inspected = new Map<string, { size: number; mtimeMs: number; result: InspectedDocument }>();

/**
 * The archive's rules for one document, wherever it comes from (the check, the
 * build, `npm run new` or `npm run import` taking a clerk's file): an allowed
 * type, not empty, bytes that match the name, no code that runs when a reader
 * opens it (PDF scripts and actions, office macros, SVG scripts), and warnings
 * for a large file and for files embedded in a PDF. `written` is how the
 * person named the file, for the messages; `size` is what stat() found.
 */
export function inspectDocument(source: string, written: string, size: number, mtimeMs?: number): InspectedDocument {
  const known = mtimeMs === undefined ? undefined : inspected.get(source);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.result;
  const result = inspectBytes(source, written, size);
  if (mtimeMs !== undefined) inspected.set(source, { size, mtimeMs, result });
  return result;
}

function inspectBytes(source: string, written: string, size: number): InspectedDocument {
  const problem = (message: string, hint: string) => ({ problem: { message, hint } });
  const extension = extname(source).slice(1).toLowerCase();
  const type = FILE_TYPES[extension];
  if (!type) {
    return problem(
      extension ? `bestanden van het type .${extension} worden niet gepubliceerd` : `"${written}" heeft geen extensie, zodat niet te zien is wat voor bestand het is`,
      `Publiceer een document als PDF of in een kantoorformaat; toegestaan zijn: ${ALLOWED}.`,
    );
  }
  if (size === 0) return problem(`het bestand "${written}" is leeg`, 'Sla het document opnieuw op of exporteer het opnieuw als PDF.');
  const content = readFileSync(source);
  // Office keeps a password-protected .docx or .xlsx in the old container format.
  if (type.magic === ZIP && startsWith(content, OLE[0]!) && /^(?:docx|xlsx|pptx)$/.test(extension)) {
    return problem(
      `"${written}" is beveiligd met een wachtwoord (of het is een oud ${type.label}-bestand met een nieuwe extensie)`,
      `Open het in ${type.label}, haal de beveiliging weg (Bestand → Info → Document beveiligen) en sla het op als .${extension}.`,
    );
  }
  const mismatch = contentProblem(content, extension, type);
  if (mismatch) return problem(`"${written}" ${mismatch}`, `Publiceer alleen documenten; toegestaan zijn: ${ALLOWED}.`);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const warnings: DocumentWarning[] = [];
  let opening: string | undefined;
  if (extension === 'pdf') {
    const verdict = pdfVerdict(content, sha256);
    if (verdict.refused) return problem(`de pdf "${written}" ${verdict.refused}`, HINT_PDF_CODE);
    opening = verdict.opening;
    if (verdict.embedded.length) {
      const count = verdict.embedded.length === 1 ? 'een ingesloten bestand' : `${verdict.embedded.length} ingesloten bestanden`;
      warnings.push({ message: `de pdf "${written}" bevat ${count}: ${verdict.embedded.map((name) => `"${name}"`).join(', ')}`, hint: HINT_EMBEDDED });
    }
  }
  const office = inspectOffice(content, extension);
  if (office.problem) return problem(`"${written}" ${office.problem}`, HINT_OFFICE_MACROS);
  if (office.embedded.length) {
    warnings.push({
      message: `"${written}" bevat ${office.embedded.length === 1 ? 'een ingesloten object' : `${office.embedded.length} ingesloten objecten`}: ${office.embedded.map((name) => `"${name}"`).join(', ')}`,
      hint: 'Een ingesloten object (een ander document of pakket in het bestand) wordt mee gepubliceerd en kan zelf macro’s bevatten. Controleer het, of sla het document op als pdf.',
    });
  }
  if (size > LARGE_ATTACHMENT) {
    warnings.push({
      message: `"${written}" is erg groot (${Math.round(size / 1024 / 1024)} MB)`,
      hint: 'Lezers op een telefoon betalen voor elke megabyte. Verklein de PDF (bijvoorbeeld met “Opslaan als verkleinde PDF”) of splits het document.',
    });
  }
  return { extension, type, sha256, warnings, ...(opening ? { opening } : {}) };
}

/** A PDF's stored OCR text, if any, with what a clerk should know about it: text no page claims, a text read from another version of the PDF. */
function storedOcrText(source: string, sha256: string, warn: (problem: { message: string; hint: string }) => void): PublishedFile['ocrText'] {
  const stored = loadOcrText(source);
  if (!stored) return undefined;
  const path = ocrTextPath(source);
  for (const problem of stored.problems) warn({ message: `${displayPath(path)}, regel ${problem.line}: ${problem.message}`, hint: problem.hint });
  if (stored.pdfSha256 && stored.pdfSha256 !== sha256) {
    warn({
      message: `de tekstherkenning in ${displayPath(path)} is gelezen uit een andere versie van de pdf`,
      hint: 'De pdf is vervangen nadat de scan werd gelezen. Lees hem opnieuw met `npm run ocr`; verbeteringen in de oude tekst gaan daarbij verloren, dus neem ze zo nodig over.',
    });
  }
  return { path, sha256: stored.sha256 };
}

/**
 * Resolves and checks the original and the attachments of one briefing.
 * `briefingPath` is the briefing's file; `contentRoot` the content folder no
 * file may lie outside of.
 */
export function briefingFiles(data: Pick<BriefingData, 'origineel' | 'bijlagen'> & { type?: string }, briefingPath: string, contentRoot: string): { files: BriefingFiles; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const names = new Set<string>();
  const openings = new Map<string, string>();
  // The first page's text layer and the text OCR read from it (stored beside the PDF), together: a scan
  // with a received-stamp has a few words of text layer, and the letter with its salutation only in the OCR text.
  const openingOf = (file: PublishedFile) => [openings.get(file.source), readOcrText(file.source)?.get(1)?.slice(0, 3000)].filter(Boolean).join('\n');

  const publish = (written: string, role: PublishedFile['role'], titel: string, field: ReadonlyArray<string | number>, opmerking?: string): PublishedFile | undefined => {
    const fail = (message: string, hint: string) => {
      problems.push({ field, message, hint, severity: 'error' });
      return undefined;
    };
    if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) {
      return fail(`"${written}" is een webadres; hier hoort een bestand uit het archief`, HINT_PLACE);
    }
    const source = resolve(dirname(briefingPath), written);
    const inside = relative(contentRoot, source);
    if (isAbsolute(written) || inside.startsWith('..') || isAbsolute(inside)) {
      return fail(`"${written}" ligt buiten de map content/`, HINT_PLACE);
    }
    let stat;
    try {
      stat = statSync(source);
    } catch {
      return fail(`het bestand "${written}" bestaat niet (gezocht: ${relative(process.cwd(), source) || source})`, `Controleer de naam en de map; het pad gaat uit van de map van het stuk. ${HINT_PLACE}`);
    }
    if (!stat.isFile()) return fail(`"${written}" is een map, geen bestand`, 'Noem het bestand zelf, met de extensie: bijlagen/naam.pdf.');
    const document = inspectDocument(source, written, stat.size, stat.mtimeMs);
    if ('problem' in document) return fail(document.problem.message, document.problem.hint);
    for (const warning of document.warnings) problems.push({ field, severity: 'warning', ...warning });
    const { extension, type, sha256 } = document;
    if (document.opening) openings.set(source, document.opening);
    const ocrText = extension === 'pdf' ? storedOcrText(source, sha256, (problem) => problems.push({ field, severity: 'warning', ...problem })) : undefined;
    let name = safeFileName(written);
    // Two files with the same safe name keep apart: -2, -3, …
    for (let n = 2; names.has(name); n++) name = safeFileName(written).replace(/(\.[a-z0-9]+)?$/, `-${n}$1`);
    names.add(name);
    return { role, titel, opmerking, written, source, name, extension, type, size: stat.size, sha256, ...(ocrText ? { ocrText } : {}) };
  };

  let original = data.origineel ? publish(data.origineel, 'origineel', 'Ondertekende brief', ['origineel']) : undefined;
  // A letter to a resident or a Woo requester: its original greets them by name unless it is the redacted version.
  let withheldOriginal: BriefingFiles['withheldOriginal'];
  if (original && data.type && addressesPrivatePerson(data.type)) {
    const who = data.type === 'woo-besluit' ? 'de verzoeker' : 'de vraagsteller';
    const opening = openingOf(original);
    const name = addresseeNameIn(opening);
    if (name) {
      problems.push({
        field: ['origineel'],
        severity: 'warning',
        message: `"${original.written}" noemt ${who} bij naam (“${name}”) en wordt daarom niet gepubliceerd; het stuk zelf wel`,
        hint: 'Publiceer de geanonimiseerde versie van de brief (de naam weggelakt, bijvoorbeeld met de code 5.1.2e) en noem die bij origineel:. Tot dan staat er bij het stuk dat het origineel niet openbaar is.',
      });
      withheldOriginal = { written: original.written, name };
      original = undefined;
    } else if (!openingWasRead(original.source, original.extension, opening)) {
      // What cannot be read cannot be cleared: a scan without its OCR text, a Word file, an image may name them all the same.
      const pdf = original.extension === 'pdf';
      problems.push({
        field: ['origineel'],
        severity: 'warning',
        message: pdf
          ? `"${original.written}" is een scan waarvan de tekst nog niet is gelezen, zodat niet te controleren is of hij ${who} bij naam noemt; hij wordt daarom niet gepubliceerd, het stuk zelf wel`
          : `van "${original.written}" (${original.type.label}) wordt de tekst niet gelezen, zodat niet te controleren is of het ${who} bij naam noemt; het wordt daarom niet gepubliceerd, het stuk zelf wel`,
        hint: pdf
          ? 'Laat de scan lezen met `npm run ocr` (de herkende tekst komt naast de pdf te staan) en controleer opnieuw: noemt de brief geen naam, dan wordt hij gepubliceerd. Of zet de geanonimiseerde versie als pdf (de naam weggelakt, bijvoorbeeld met de code 5.1.2e) bij origineel:.'
          : 'Zet de geanonimiseerde versie van de brief als pdf (de naam weggelakt, bijvoorbeeld met de code 5.1.2e) bij origineel:. Tot dan staat er bij het stuk dat het origineel niet openbaar is.',
      });
      // No name was read: the original is kept back because nobody could see whether it names one.
      withheldOriginal = { written: original.written };
      original = undefined;
    }
  }
  const attachments: BriefingFiles['attachments'] = [];
  (data.bijlagen ?? []).forEach((attachment, index) => {
    if (!attachment.bestand) {
      attachments.push({ role: 'bijlage', titel: attachment.titel, opmerking: attachment.opmerking });
      return;
    }
    const file = publish(attachment.bestand, 'bijlage', attachment.titel, ['bijlagen', index, 'bestand'], attachment.opmerking);
    if (file) attachments.push(file);
  });
  return { files: { original, attachments, ...(withheldOriginal ? { withheldOriginal } : {}) }, problems };
}
