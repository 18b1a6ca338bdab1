/**
 * What in a PDF would run or send something when a reader opens it: JavaScript
 * (an open action, the document's scripts, page, link and form-field actions,
 * an XFA form), and the actions that start a program (Launch), send form data
 * elsewhere (SubmitForm), read another file (ImportData) or open an embedded
 * document (GoToE). The archive republishes files byte for byte on the
 * municipality's own domain, so such a file is refused.
 *
 * The PDF is read as objects by MuPDF, not searched as text: a name written
 * as `/Java#53cript` and an action packed in a compressed object stream are
 * found like any other. Every object is looked at, reachable or not, so no
 * way of hanging an action into the document is missed; where the action
 * hangs is named when it is reachable from the catalog.
 *
 * Embedded files are not refused (a released e-mail comes with its
 * attachments): they are listed, so the Woo-coordinator can decide.
 */
import { inflateSync } from 'node:zlib';
import * as mupdf from 'mupdf';
import { structuredText } from '../import/structured-text';

export interface PdfVerdict {
  /** Why the file is refused, in words for the clerk; undefined when it may be published. */
  refused?: string;
  /** Names of the files embedded in the PDF. */
  embedded: string[];
  /** The text of the first page (its first lines), to tell whether an original names its addressee. */
  opening?: string;
}

/** Actions that do more than move within the document or open a web address. */
const REFUSED_ACTIONS: Record<string, string> = {
  JavaScript: 'JavaScript',
  Launch: 'een actie die een ander programma of bestand start (Launch)',
  SubmitForm: 'een actie die formuliergegevens naar een andere site verstuurt (SubmitForm)',
  ImportData: 'een actie die gegevens uit een ander bestand inleest (ImportData)',
  GoToE: 'een actie die een ingesloten document opent (GoToE)',
  // Opening another file by its path: a path on a network share hands the reader's Windows login to that server.
  GoToR: 'een actie die een ander bestand opent (GoToR)',
};

type Obj = mupdf.PDFObject;

interface Finding {
  what: string;
  where: string;
}

/** MuPDF says on its log when it repaired a file or could not load an object; heard here for one file at a time. */
const heard: string[] = [];
const listen = { error: (message: string) => heard.push(message), warning: (message: string) => heard.push(message) };
const silence = { error() {}, warning() {} };

export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  heard.length = 0;
  // Other readers in this process silence MuPDF; while a file is judged, its log is heard here.
  mupdf.setLog(listen);
  // The bytes are copied into MuPDF's memory once, and freed with the document.
  const buffer = new mupdf.Buffer(bytes);
  let document: mupdf.PDFDocument | null;
  try {
    document = mupdf.Document.openDocument(buffer, 'application/pdf').asPDF();
  } catch {
    document = null;
  }
  if (!document) {
    buffer.destroy();
    mupdf.setLog(silence);
    return unreadable(bytes);
  }
  try {
    if (document.needsPassword()) return { refused: 'is beveiligd met een wachtwoord, zodat hij niet kan worden gecontroleerd (en lezers hem niet kunnen openen)', embedded: [] };
    const verdict = walk(document);
    if (verdict.refused) return verdict;
    // A file MuPDF had to repair, or with objects it could not load, may read differently in
    // another viewer (which keeps another copy of an object): then its raw bytes and object streams decide too.
    if (verdict.unloadable || heard.some((message) => /repair|cannot load object|syntax error|overflow/i.test(message))) {
      const hidden = riskyNameIn(bytes) ?? riskyNameInObjectStreams(bytes);
      if (hidden) return { refused: `is beschadigd en bevat ${hidden} (een script of actie) op een plek die niet betrouwbaar te controleren is`, embedded: verdict.embedded };
    }
    return { embedded: verdict.embedded, opening: openingText(document) };
  } finally {
    document.destroy();
    buffer.destroy();
    // MuPDF keeps what it parsed (fonts, objects) in a store of up to a few hundred megabytes; one file's is not needed again.
    mupdf.emptyStore();
    heard.length = 0;
    mupdf.setLog(silence);
  }
}

/** An action name in the file's bytes, `#xx` escapes decoded, or undefined. */
function riskyNameIn(bytes: Uint8Array): string | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const [written] of text.matchAll(/\/[^\s/<>[\]()%{}]+/g)) {
    const name = written.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (ACTION_NAMES.test(name)) return name;
  }
  return undefined;
}

/**
 * The same, inside every compressed object stream in the bytes. Read from the
 * bytes, not through MuPDF: once MuPDF has unpacked a stream (or failed to),
 * it no longer hands out its data, and this is for files it could not read well.
 */
function riskyNameInObjectStreams(bytes: Uint8Array): string | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = data.toString('latin1');
  for (const match of text.matchAll(/\/Type\s*\/ObjStm\b[^]{0,2000}?stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    let unpacked: Buffer;
    try {
      unpacked = inflateSync(data.subarray(start, end));
    } catch {
      continue;
    }
    const found = riskyNameIn(unpacked);
    if (found) return found;
  }
  return undefined;
}

/** Names of the refused actions and their carriers, as they stand in a file's bytes. */
const ACTION_NAMES = /^\/(?:JS|JavaScript|Launch|SubmitForm|ImportData|GoToE|GoToR|XFA|OnInstantiate|RichMedia)$/;
/** In a file MuPDF could not open at all, hidden objects (compressed or encrypted) count as well. */
const RISKY_NAMES = new RegExp(`${ACTION_NAMES.source.slice(0, -2)}|ObjStm|Encrypt)$`);

/**
 * A file MuPDF cannot open even after repair has no objects a viewer could
 * find either, so it is let through to the check that says it is damaged —
 * unless its bytes name an action, or hide objects in a stream or behind
 * encryption that nothing here could look into.
 */
function unreadable(bytes: Uint8Array): PdfVerdict {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  for (const [written] of text.matchAll(/\/[^\s/<>[\]()%{}]+/g)) {
    const name = written.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (RISKY_NAMES.test(name)) return { refused: `is beschadigd en bevat ${name} (een script, actie, formulier of verborgen deel), dus hij kan niet worden gecontroleerd`, embedded: [] };
  }
  return { embedded: [] };
}

/** The first page's text layer, as far as a letter's address and salutation go. */
function openingText(document: mupdf.PDFDocument): string | undefined {
  try {
    if (document.countPages() === 0) return undefined;
    const page = document.loadPage(0);
    const structured = structuredText(page);
    const text = structured.asText();
    structured.destroy();
    page.destroy();
    return text.slice(0, 3000) || undefined;
  } catch {
    return undefined;
  }
}

function walk(document: mupdf.PDFDocument): PdfVerdict & { unloadable: boolean } {
  const findings: Finding[] = [];
  const embedded = new Set<string>();
  const seen = new Set<number>();

  const pageOf = new Map<number, number>();
  try {
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.findPage(index);
      if (page.isIndirect()) pageOf.set(page.asIndirect(), index + 1);
      release(page);
    }
  } catch {
    // A damaged page tree still has its objects looked at below, only without page numbers.
  }

  let unloadable = false;
  // A stack, not recursion: an action chain (/Next) can nest thousands of levels deep, and every level is looked at.
  const walkFrom = (root: Obj, rootWhere: string, follow: boolean) => {
    const stack: Array<{ object: Obj; where: string }> = [{ object: root, where: rootWhere }];
    while (stack.length) {
      const { object, where } = stack.pop()!;
      try {
        if (object.isIndirect()) {
          const number = object.asIndirect();
          if (!follow || seen.has(number)) continue;
          seen.add(number);
          const page = pageOf.get(number);
          const resolved = object.resolve();
          if (resolved.isNull()) unloadable = true;
          stack.push({ object: resolved, where: page ? `op pagina ${page}` : where });
          continue;
        }
        // Children go on the stack last first, so they are looked at in the file's order (a finding names the first place).
        const children: Array<{ object: Obj; where: string }> = [];
        if (object.isArray()) {
          object.forEach((item) => children.push({ object: item, where }));
        } else if (object.isDictionary()) {
          inspectDictionary(object, where, findings, embedded);
          object.forEach((value, key) => {
            // A page's or field's parent is reached through the tree; a direct parent (a field's inherited actions) only here.
            if (typeof key !== 'string' || ((key === 'Parent' || key === 'P') && value.isIndirect())) {
              release(value);
              return;
            }
            children.push({ object: value, where: placeOf(object, key, where) });
          });
        }
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      } catch {
        unloadable = true;
      } finally {
        release(object);
      }
    }
  };

  // First from the catalog, so a finding says where it hangs; then every other object.
  walkFrom(document.getTrailer(), 'in het document', true);
  for (let number = 1; number < document.countObjects(); number++) {
    if (seen.has(number)) continue;
    seen.add(number);
    try {
      const reference = document.newIndirect(number);
      const object = reference.resolve();
      release(reference);
      walkFrom(object, 'in een los object in het bestand', false);
    } catch {
      unloadable = true;
    }
  }

  const first = findings[0];
  const kinds = [...new Set(findings.map((f) => f.what))];
  return {
    refused: first && `bevat ${kinds.join(' en ')} (${first.where}${findings.length > 1 ? `, en op ${findings.length - 1} andere ${findings.length === 2 ? 'plek' : 'plekken'}` : ''})`,
    embedded: [...embedded].sort((a, b) => a.localeCompare(b, 'nl')),
    unloadable,
  };
}

/** Where a value under `key` of `parent` sits, in words a clerk recognises. */
function placeOf(parent: Obj, key: string, where: string): string {
  const type = nameOf(parent.get('Type'));
  if (type === 'Catalog') {
    if (key === 'OpenAction') return 'bij het openen van het document';
    if (key === 'AA') return 'bij openen, sluiten, opslaan of afdrukken van het document';
    if (key === 'Names') return 'in de scripts en namen van het document';
    if (key === 'AcroForm') return 'in het formulier van het document';
    if (key === 'Outlines') return 'in de inhoudsopgave (bladwijzers)';
  }
  const page = /op pagina \d+/.exec(where)?.[0];
  if (!page) return where;
  if (type === 'Page' && key === 'AA') return `bij het openen of sluiten van pagina ${page.slice('op pagina '.length)}`;
  const subtype = nameOf(parent.get('Subtype'));
  if (subtype === 'Link') return `in een link ${page}`;
  if (subtype === 'Widget') return `in een formulierveld of knop ${page}`;
  if (subtype === '3D' || subtype === 'RichMedia') return `in ingebedde media ${page}`;
  if (subtype) return `in een notitie of aantekening ${page}`;
  return where;
}

function inspectDictionary(dictionary: Obj, where: string, findings: Finding[], embedded: Set<string>): void {
  const action = nameOf(dictionary.get('S'));
  if (action && action in REFUSED_ACTIONS) findings.push({ what: REFUSED_ACTIONS[action]!, where });
  else if (has(dictionary, 'JS')) findings.push({ what: 'JavaScript', where });
  if (action === 'URI') {
    const uri = textOf(dictionary.get('URI')).replace(/[\t\n\r]/g, '').trim();
    if (/^(?:java|vb)script:/i.test(uri)) findings.push({ what: 'een javascript:-link', where });
    else if (/^file:|^\\\\|^\/\//i.test(uri)) findings.push({ what: 'een link naar een bestand op een computer of netwerkschijf', where });
  }
  if (action === 'Thread' && has(dictionary, 'F')) findings.push({ what: 'een actie die een ander bestand opent (Thread)', where });
  // 3D artwork can carry JavaScript that runs when it is shown; rich media, Flash and its scripts.
  if (has(dictionary, 'OnInstantiate')) findings.push({ what: 'JavaScript in een 3D-afbeelding', where });
  const subtype = nameOf(dictionary.get('Subtype'));
  if (subtype === 'RichMedia') findings.push({ what: 'ingebedde media met eigen scripts (RichMedia)', where });
  const xfa = dictionary.get('XFA');
  const runsCode = !xfa.isNull() && xfaRunsCode(xfa);
  release(xfa);
  if (runsCode) findings.push({ what: 'een XFA-formulier met scripts of verzendknoppen', where: 'in het formulier van het document' });
  // A file specification with an embedded file (/EF): in the EmbeddedFiles tree, or behind a paperclip annotation.
  if (has(dictionary, 'EF')) {
    embedded.add(textOf(dictionary.get('UF')) || textOf(dictionary.get('F')) || '(zonder naam)');
  }
}

/** XFA is XML, as one stream or as an array of name and stream; scripts and submit buttons are elements in it. */
function xfaRunsCode(xfa: Obj): boolean {
  // Streams are read through their references; a resolved stream object is only its dictionary.
  const streams: Obj[] = [];
  if (xfa.isStream()) streams.push(xfa);
  else if (xfa.resolve().isArray()) xfa.resolve().forEach((item) => item.isStream() && streams.push(item));
  // Unreadable XFA cannot be shown to be harmless.
  if (streams.length === 0) return true;
  return streams.some((stream) => {
    try {
      const bytes = stream.readStream().asUint8Array();
      // XDP is XML in UTF-8 or UTF-16; read both ways.
      const text = `${Buffer.from(bytes).toString('utf8')}\n${Buffer.from(bytes).toString('utf16le')}`;
      return /<(?:[\w-]+:)?(?:script|submit|signData|execute)\b/i.test(text);
    } catch {
      return true;
    }
  });
}

/**
 * MuPDF's objects live in WebAssembly memory, which the JavaScript collector
 * sees too late: a folder of thousands of PDFs grew by a megabyte a file. Every
 * object taken out here is let go as soon as it has been read.
 */
function release(object: Obj): void {
  if (object !== mupdf.PDFObject.Null) object.destroy();
}

/** Whether the dictionary has the key. */
function has(dictionary: Obj, key: string): boolean {
  const value = dictionary.get(key);
  const found = !value.isNull();
  release(value);
  return found;
}

function nameOf(object: Obj): string | undefined {
  try {
    if (object.isNull()) return undefined;
    const resolved = object.resolve();
    try {
      return resolved.isName() ? resolved.asName() : undefined;
    } finally {
      if (resolved !== object) release(resolved);
    }
  } finally {
    release(object);
  }
}

function textOf(object: Obj): string {
  try {
    if (object.isNull()) return '';
    const resolved = object.resolve();
    try {
      return resolved.isString() ? resolved.asString() : '';
    } finally {
      if (resolved !== object) release(resolved);
    }
  } finally {
    release(object);
  }
}
