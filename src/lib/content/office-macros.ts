/**
 * Macros in office files: programs that Word, Excel or LibreOffice can run
 * when a reader opens the document. A file from a macro format (.docm, .xlsm)
 * renamed to .docx still carries them, so the parts inside the file are looked
 * at, not its name: VBA projects, Excel 4.0 macro sheets, ActiveX controls,
 * the macro formats' content types, and LibreOffice's Basic and script folders.
 * Old binary files (.doc, .xls) keep their macros as storages in the file.
 */
import CFB from 'cfb';
import { strFromU8, unzipSync } from 'fflate';

/** Office Open XML and OpenDocument are ZIP files. */
const ZIP_TYPES = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);
/** Word 97–2003 and Excel 97–2003 are compound (OLE) files. */
const OLE_TYPES = new Set(['doc', 'xls']);

const ZIP_PARTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|\/)vbaProject\.bin$/i, 'VBA-macro’s'],
  [/(?:^|\/)vbaData\.xml$/i, 'VBA-macro’s'],
  [/^xl\/macrosheets\//i, 'Excel 4.0-macro’s'],
  [/^(?:word|xl|ppt)\/activeX\//i, 'ActiveX-besturingselementen (programma’s in het document)'],
  [/^Basic\/.+\/(?!script-lb\.xml$|dialog-lb\.xml$)[^/]+\.xml$/i, 'LibreOffice Basic-macro’s'],
  [/^Scripts\/.+/i, 'scripts (LibreOffice)'],
];

export interface OfficeVerdict {
  /** Why the file is refused, or undefined. */
  problem?: string;
  /** Objects embedded in the document (another document, a package): not refused, but named for review. */
  embedded: string[];
}

/** The verdict on an office file. Only for the extensions above; others pass. */
export function inspectOffice(content: Uint8Array, extension: string): OfficeVerdict {
  if (ZIP_TYPES.has(extension)) return zipVerdict(content);
  if (OLE_TYPES.has(extension)) return { problem: oleProblem(content, extension), embedded: [] };
  return { embedded: [] };
}

/** XML as Office reads it: character references decoded, so `macro&#69;nabled` is `macroEnabled`. */
const decodeXml = (xml: string) =>
  xml
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, decimal: string) => String.fromCodePoint(Number.parseInt(decimal, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Relationships that pull in code: a VBA project under any name, a template or object fetched from elsewhere. */
function relationshipProblem(rels: string, part: string): string | undefined {
  for (const [relationship] of rels.matchAll(/<(?:[\w-]+:)?Relationship\b[^>]*>/gi)) {
    const type = /\bType\s*=\s*["']([^"']*)["']/i.exec(relationship)?.[1] ?? '';
    const external = /\bTargetMode\s*=\s*["']External["']/i.test(relationship);
    if (/vbaProject|wordVbaData|keyMapCustomizations/i.test(type)) return `bevat VBA-macro’s (verwezen vanuit ${part})`;
    if (external && /attachedTemplate|oleObject|subDocument|frame|package/i.test(type)) {
      const target = /\bTarget\s*=\s*["']([^"']*)["']/i.exec(relationship)?.[1] ?? '';
      return `haalt bij het openen een sjabloon of object van elders op (${target || type.replace(/^.*\//, '')}), dat macro’s kan bevatten`;
    }
  }
  return undefined;
}

function zipVerdict(content: Uint8Array): OfficeVerdict {
  const names: string[] = [];
  const xml = new Map<string, string>();
  try {
    const files = unzipSync(content, {
      filter: (file) => {
        names.push(file.name);
        return file.name === '[Content_Types].xml' || /\.rels$/i.test(file.name);
      },
    });
    for (const [name, data] of Object.entries(files)) xml.set(name, decodeXml(strFromU8(data)));
  } catch {
    return { problem: unreadable(content, ['vbaProject', 'vbaData', 'macrosheets', 'activeX', 'macroEnabled', 'attachedTemplate', 'Basic/', 'Scripts/'], 'latin1'), embedded: [] };
  }
  for (const name of names) {
    const found = ZIP_PARTS.find(([pattern]) => pattern.test(name));
    if (found) return { problem: `bevat ${found[1]} (${name})`, embedded: [] };
  }
  // A document saved as .docm, .xlsm or .pptm and renamed: its content types say so, however they are quoted.
  const types = xml.get('[Content_Types].xml') ?? '';
  const macroType = /[^"'<>\s]*macroEnabled[^"'<>\s]*|application\/vnd\.ms-office\.(?:vbaProject|activeX)[^"'<>\s]*/i.exec(types);
  if (macroType) return { problem: `is opgeslagen in een formaat met macro’s (${macroType[0]}) en daarna hernoemd`, embedded: [] };
  for (const [name, rels] of xml) {
    if (!name.endsWith('.rels')) continue;
    const problem = relationshipProblem(rels, name);
    if (problem) return { problem, embedded: [] };
  }
  return { embedded: names.filter((name) => /^(?:word|xl|ppt)\/embeddings\/[^/]+$/i.test(name) || /^Object \d+\//.test(name)).map((name) => name.replace(/^.*\//, '')) };
}

function oleProblem(content: Uint8Array, extension: string): string | undefined {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(content, { type: 'buffer' });
  } catch {
    return unreadable(content, ['Macros', '_VBA_PROJECT', 'VBA'], 'utf16le');
  }
  // An encrypted workbook hides its sheets' types (a macro sheet among them); like a password-protected .docx it cannot be checked.
  if (extension === 'xls' && hasRecord(container, 0x002f)) return 'is beveiligd met een wachtwoord (versleuteld), zodat de macro’s erin niet te controleren zijn';
  const macroStorage = container.FullPaths.find((path) => /\/(?:Macros|_VBA_PROJECT_CUR|VBA)\//i.test(path));
  if (macroStorage) return `bevat VBA-macro’s (${macroStorage.replace(/^Root Entry\//, '').replace(/\/$/, '')})`;
  if (extension === 'xls' && hasMacroSheet(container)) return 'bevat een Excel 4.0-macroblad';
  return undefined;
}

/**
 * The records of an Excel 97–2003 workbook's globals, up to their EOF: where
 * the BOUNDSHEET records (one per sheet) and a FILEPASS (encryption) stand.
 */
function* globalRecords(container: CFB.CFB$Container): Generator<{ type: number; data: Uint8Array }> {
  const stream = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  const data = stream?.content as Uint8Array | undefined;
  if (!data) return;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let offset = 0; offset + 4 <= data.length; ) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    if (type === 0x000a) return;
    yield { type, data: data.subarray(offset + 4, offset + 4 + length) };
    offset += 4 + length;
  }
}

/** Whether the workbook's globals hold a record of this type (FILEPASS: 0x002F). */
function hasRecord(container: CFB.CFB$Container, wanted: number): boolean {
  for (const record of globalRecords(container)) if (record.type === wanted) return true;
  return false;
}

/** A BOUNDSHEET record (0x0085) holds position (4 bytes), visibility (1) and sheet type (1); type 1 is a macro sheet. */
function hasMacroSheet(container: CFB.CFB$Container): boolean {
  for (const record of globalRecords(container)) if (record.type === 0x0085 && record.data.length >= 6 && record.data[5] === 0x01) return true;
  return false;
}

/**
 * A file the readers here cannot open, Office cannot open either, so it goes
 * on to be published as the damaged file it is — unless the part names a ZIP
 * or OLE file keeps in plain bytes (UTF-16 in OLE) mention macros.
 */
function unreadable(content: Uint8Array, markers: string[], encoding: 'latin1' | 'utf16le'): string | undefined {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const found = markers.find((marker) => bytes.includes(Buffer.from(marker, encoding)));
  return found && `is beschadigd en noemt ${found.replace(/\/$/, '')}: het kan macro’s bevatten die hier niet te controleren zijn`;
}
