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

/** Why an office file is refused, or undefined. Only for the extensions above; others return undefined. */
export function officeMacroProblem(content: Uint8Array, extension: string): string | undefined {
  if (ZIP_TYPES.has(extension)) return zipProblem(content);
  if (OLE_TYPES.has(extension)) return oleProblem(content, extension);
  return undefined;
}

function zipProblem(content: Uint8Array): string | undefined {
  const names: string[] = [];
  let types = '';
  try {
    const files = unzipSync(content, {
      filter: (file) => {
        names.push(file.name);
        return file.name === '[Content_Types].xml';
      },
    });
    const typesFile = files['[Content_Types].xml'];
    if (typesFile) types = strFromU8(typesFile);
  } catch {
    return unreadable(content, ['vbaProject', 'vbaData', 'macrosheets', 'activeX', 'macroEnabled', 'Basic/', 'Scripts/'], 'latin1');
  }
  for (const name of names) {
    const found = ZIP_PARTS.find(([pattern]) => pattern.test(name));
    if (found) return `bevat ${found[1]} (${name})`;
  }
  // A document saved as .docm, .xlsm or .pptm and renamed: its main part says so.
  const macroType = /ContentType="([^"]*macroEnabled[^"]*)"/i.exec(types);
  if (macroType) return `is opgeslagen in een formaat met macro’s (${macroType[1]}) en daarna hernoemd`;
  return undefined;
}

function oleProblem(content: Uint8Array, extension: string): string | undefined {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(content, { type: 'buffer' });
  } catch {
    return unreadable(content, ['Macros', '_VBA_PROJECT', 'VBA'], 'utf16le');
  }
  const macroStorage = container.FullPaths.find((path) => /\/(?:Macros|_VBA_PROJECT_CUR|VBA)\//i.test(path));
  if (macroStorage) return `bevat VBA-macro’s (${macroStorage.replace(/^Root Entry\//, '').replace(/\/$/, '')})`;
  if (extension === 'xls' && hasMacroSheet(container)) return 'bevat een Excel 4.0-macroblad';
  return undefined;
}

/** Excel 97–2003 names each sheet in a BOUNDSHEET record of the workbook stream; its type byte 1 is a macro sheet. */
function hasMacroSheet(container: CFB.CFB$Container): boolean {
  const stream = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
  const data = stream?.content as Uint8Array | undefined;
  if (!data) return false;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let offset = 0; offset + 4 <= data.length; ) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    // BOUNDSHEET: position (4 bytes), visibility (1), sheet type (1).
    if (type === 0x0085 && length >= 6 && data[offset + 4 + 5] === 0x01) return true;
    // The first EOF ends the workbook's globals, where all BOUNDSHEET records are.
    if (type === 0x000a) return false;
    offset += 4 + length;
  }
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
