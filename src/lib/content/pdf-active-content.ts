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
import * as mupdf from 'mupdf';

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
};

type Obj = mupdf.PDFObject;

interface Finding {
  what: string;
  where: string;
}

// MuPDF reports what it repairs on standard error; a damaged file is judged here, not logged.
mupdf.setLog({ error() {}, warning() {} });

export function inspectPdf(bytes: Uint8Array): PdfVerdict {
  let document: mupdf.PDFDocument | null;
  try {
    document = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF();
  } catch {
    document = null;
  }
  if (!document) return unreadable(bytes);
  try {
    if (document.needsPassword()) return { refused: 'is beveiligd met een wachtwoord, zodat hij niet kan worden gecontroleerd (en lezers hem niet kunnen openen)', embedded: [] };
    return { ...walk(document), opening: openingText(document) };
  } finally {
    document.destroy();
  }
}

/** Names that only matter in a PDF MuPDF could read; in one it could not, each may hide an action. */
const RISKY_NAMES = /^\/(?:JS|JavaScript|Launch|SubmitForm|ImportData|GoToE|XFA|ObjStm|Encrypt)$/;

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
    const text = document.loadPage(0).toStructuredText('preserve-whitespace').asText();
    return text.slice(0, 3000) || undefined;
  } catch {
    return undefined;
  }
}

function walk(document: mupdf.PDFDocument): PdfVerdict {
  const findings: Finding[] = [];
  const embedded = new Set<string>();
  const seen = new Set<number>();

  const pageOf = new Map<number, number>();
  try {
    for (let index = 0; index < document.countPages(); index++) {
      const page = document.findPage(index);
      if (page.isIndirect()) pageOf.set(page.asIndirect(), index + 1);
    }
  } catch {
    // A damaged page tree still has its objects looked at below, only without page numbers.
  }

  const visit = (object: Obj, where: string, follow: boolean, depth = 0): void => {
    if (depth > 200) return;
    if (object.isIndirect()) {
      const number = object.asIndirect();
      if (!follow || seen.has(number)) return;
      seen.add(number);
      const page = pageOf.get(number);
      visit(object.resolve(), page ? `op pagina ${page}` : where, follow, depth + 1);
      return;
    }
    if (object.isArray()) {
      object.forEach((item) => visit(item, where, follow, depth + 1));
      return;
    }
    if (!object.isDictionary()) return;
    inspectDictionary(object, where, findings, embedded);
    object.forEach((value, key) => {
      if (typeof key !== 'string' || key === 'Parent' || key === 'P') return;
      visit(value, placeOf(object, key, where), follow, depth + 1);
    });
  };

  // First from the catalog, so a finding says where it hangs; then every other object.
  visit(document.getTrailer(), 'in het document', true);
  for (let number = 1; number < document.countObjects(); number++) {
    if (seen.has(number)) continue;
    seen.add(number);
    let object: Obj;
    try {
      object = document.newIndirect(number).resolve();
    } catch {
      continue;
    }
    visit(object, 'in een los object in het bestand', false);
  }

  const first = findings[0];
  const kinds = [...new Set(findings.map((f) => f.what))];
  return {
    refused: first && `bevat ${kinds.join(' en ')} (${first.where}${findings.length > 1 ? `, en op ${findings.length - 1} andere ${findings.length === 2 ? 'plek' : 'plekken'}` : ''})`,
    embedded: [...embedded].sort((a, b) => a.localeCompare(b, 'nl')),
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
  if (subtype) return `in een notitie of aantekening ${page}`;
  return where;
}

function inspectDictionary(dictionary: Obj, where: string, findings: Finding[], embedded: Set<string>): void {
  const action = nameOf(dictionary.get('S'));
  if (action && action in REFUSED_ACTIONS) findings.push({ what: REFUSED_ACTIONS[action]!, where });
  else if (!dictionary.get('JS').isNull()) findings.push({ what: 'JavaScript', where });
  if (action === 'URI') {
    const uri = textOf(dictionary.get('URI'));
    if (uri && /^\s*(?:java|vb)script:/i.test(uri.replace(/[\t\n\r]/g, ''))) findings.push({ what: 'een javascript:-link', where });
  }
  const xfa = dictionary.get('XFA');
  if (!xfa.isNull() && xfaRunsCode(xfa)) findings.push({ what: 'een XFA-formulier met scripts of verzendknoppen', where: 'in het formulier van het document' });
  // A file specification with an embedded file (/EF): in the EmbeddedFiles tree, or behind a paperclip annotation.
  if (!dictionary.get('EF').isNull()) {
    embedded.add(textOf(dictionary.get('UF')) || textOf(dictionary.get('F')) || '(zonder naam)');
  }
}

/** XFA is XML, as one stream or as an array of name and stream; scripts and submit buttons are elements in it. */
function xfaRunsCode(xfa: Obj): boolean {
  const streams: Obj[] = [];
  const resolved = xfa.resolve();
  if (resolved.isStream()) streams.push(resolved);
  else if (resolved.isArray()) resolved.forEach((item) => item.resolve().isStream() && streams.push(item.resolve()));
  // Unreadable XFA cannot be shown to be harmless.
  if (streams.length === 0) return true;
  return streams.some((stream) => {
    try {
      return /<(?:[\w-]+:)?(?:script|submit|signData|execute)\b/i.test(stream.readStream().asString());
    } catch {
      return true;
    }
  });
}

function nameOf(object: Obj): string | undefined {
  if (object.isNull()) return undefined;
  const resolved = object.resolve();
  return resolved.isName() ? resolved.asName() : undefined;
}

function textOf(object: Obj): string {
  if (object.isNull()) return '';
  const resolved = object.resolve();
  return resolved.isString() ? resolved.asString() : '';
}
