/**
 * Signed originals and attachments: a good file is published byte for byte and
 * linked with its type and size; a missing, misplaced, empty or non-document file
 * stops `npm run check` and the build with the file, the line of the field and
 * what to do; a very large one only warns.
 */
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingFiles, safeFileName } from '../src/lib/content/attachments';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { formatFileSize } from '../src/lib/formats/numbers';
import { build, copyFixture, textOf } from './helpers/build';

// Sizes in kilobytes, so the page shows "PDF, 2 kB" as a reader would see it.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), Buffer.alloc(2400, 0x20)]);
const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(4800, 1)]);

/** A fixture archive whose Markdown letter names `frontmatter` files, with `files` written next to it. */
function archiveWith(frontmatter: string, files: Record<string, Buffer | string>) {
  const fixture = copyFixture('basis');
  const letter = join(fixture.content, 'stukken/brief-md.md');
  writeFileSync(letter, readFileSync(letter, 'utf8').replace('gerelateerd: [brief-mdx]\n', `gerelateerd: [brief-mdx]\n${frontmatter}`));
  for (const [name, content] of Object.entries(files)) {
    const path = join(fixture.content, 'stukken', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
  return fixture;
}

const checkOf = (fixture: { content: string; data: string }) => checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });

describe('file names and sizes', () => {
  it('makes a file name safe for an address and writes sizes the Dutch way', () => {
    expect(safeFileName('Parkeeronderzoek 2024 (definitief).PDF')).toBe('parkeeronderzoek-2024-definitief.pdf');
    expect(safeFileName('bijlagen/Überzicht café.xlsx')).toBe('uberzicht-cafe.xlsx');
    expect(formatFileSize(118_204)).toBe('118 kB');
    expect(formatFileSize(2_412_000)).toBe('2,4 MB');
    expect(formatFileSize(512)).toBe('512 bytes');
  });
});

describe('the check of originals and attachments', () => {
  it('accepts a PDF original, a spreadsheet and an attachment that is not public', () => {
    const fixture = archiveWith(
      'origineel: bijlagen/brief.pdf\nbijlagen:\n  - { titel: Onderzoek, bestand: bijlagen/Onderzoek 2024.pdf }\n  - { titel: Cijfers, bestand: bijlagen/cijfers.xlsx }\n  - { titel: Advies, opmerking: bevat persoonsgegevens }\n',
      { 'bijlagen/brief.pdf': PDF, 'bijlagen/Onderzoek 2024.pdf': PDF, 'bijlagen/cijfers.xlsx': XLSX },
    );
    const result = checkOf(fixture);
    expect(result.errors.map(formatContentError)).toEqual([]);
    const files = result.briefings.find((b) => b.id === 'brief-md')!.files;
    expect(files.original?.name).toBe('brief.pdf');
    expect(files.attachments.map((a) => ('name' in a ? a.name : `(${a.titel})`))).toEqual(['onderzoek-2024.pdf', 'cijfers.xlsx', '(Advies)']);
  });

  it('refuses every kind of bad file with the file, the line of its field and what to do', () => {
    const fixture = archiveWith(
      [
        'origineel: bijlagen/ontbreekt.pdf',
        'bijlagen:',
        '  - { titel: Buiten, bestand: ../../../geheim.pdf }',
        '  - { titel: Leeg, bestand: bijlagen/leeg.pdf }',
        '  - { titel: Programma, bestand: bijlagen/programma.pdf }',
        '  - { titel: Webpagina, bestand: bijlagen/pagina.html }',
        '  - { titel: Tekening, bestand: bijlagen/tekening.svg }',
        '  - { titel: Onzin, bestand: bijlagen/nep.xlsx }',
        '  - { titel: Site, bestand: "https://example.org/x.pdf" }',
        '',
      ].join('\n'),
      {
        '../../geheim.pdf': PDF,
        'bijlagen/leeg.pdf': '',
        'bijlagen/programma.pdf': Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
        'bijlagen/pagina.html': '<!doctype html><title>x</title>',
        'bijlagen/tekening.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        'bijlagen/nep.xlsx': 'geen spreadsheet',
      },
    );
    const messages = checkOf(fixture).errors.filter((e) => e.file.endsWith('brief-md.md')).map(formatContentError).join('\n');
    expect(messages).toMatch(/brief-md\.md:11:\d+ {2}origineel: het bestand "bijlagen\/ontbreekt\.pdf" bestaat niet/);
    expect(messages).toMatch(/brief-md\.md:13:\d+ {2}bijlagen\[1\]\.bestand: "\.\.\/\.\.\/\.\.\/geheim\.pdf" ligt buiten de map content\//);
    expect(messages).toMatch(/brief-md\.md:14:\d+ {2}bijlagen\[2\]\.bestand: het bestand "bijlagen\/leeg\.pdf" is leeg/);
    expect(messages).toMatch(/brief-md\.md:15:\d+ {2}bijlagen\[3\]\.bestand: "bijlagen\/programma\.pdf" is een programma/);
    expect(messages).toMatch(/brief-md\.md:16:\d+ {2}bijlagen\[4\]\.bestand: bestanden van het type \.html worden niet gepubliceerd/);
    expect(messages).toMatch(/brief-md\.md:17:\d+ {2}bijlagen\[5\]\.bestand: "bijlagen\/tekening\.svg" is een SVG met code/);
    expect(messages).toMatch(/brief-md\.md:18:\d+ {2}bijlagen\[6\]\.bestand: "bijlagen\/nep\.xlsx" is geen echt Excel-bestand/);
    expect(messages).toMatch(/brief-md\.md:19:\d+ {2}bijlagen\[7\]\.bestand: "https:\/\/example\.org\/x\.pdf" is een webadres/);
    expect(messages).toContain('→ ');
  });

  it('warns about a file over 50 MB and still publishes it', () => {
    const fixture = archiveWith('origineel: bijlagen/groot.pdf\n', { 'bijlagen/groot.pdf': PDF });
    truncateSync(join(fixture.content, 'stukken/bijlagen/groot.pdf'), 51 * 1024 * 1024);
    const result = checkOf(fixture);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map(formatContentError).join('\n')).toMatch(/brief-md\.md:11:\d+ {2}origineel: "bijlagen\/groot\.pdf" is erg groot \(51 MB\)/);
  });

  it('keeps two files with the same safe name apart', () => {
    const fixture = archiveWith('bijlagen:\n  - { titel: A, bestand: a/rapport.pdf }\n  - { titel: B, bestand: b/Rapport.pdf }\n', { 'a/rapport.pdf': PDF, 'b/Rapport.pdf': PDF });
    const { files, problems } = briefingFiles(checkOf(fixture).briefings.find((b) => b.id === 'brief-md')!.data, join(fixture.content, 'stukken/brief-md.md'), fixture.content);
    expect(problems).toEqual([]);
    expect(files.attachments.map((a) => ('name' in a ? a.name : ''))).toEqual(['rapport.pdf', 'rapport-2.pdf']);
  });
});

describe('the built archive', () => {
  it('publishes the files byte for byte and links them with type and size, under a sub-path too', () => {
    const fixture = archiveWith('origineel: bijlagen/brief.pdf\nbijlagen:\n  - { titel: Cijfers per wijk, bestand: bijlagen/Cijfers per wijk.xlsx }\n  - { titel: Advies, opmerking: bevat persoonsgegevens }\n', {
      'bijlagen/brief.pdf': PDF,
      'bijlagen/Cijfers per wijk.xlsx': XLSX,
    });
    const site = build({ ...fixture, base: '/raadsinformatie/' });
    expect(site.status, site.output).toBe(0);
    expect(Buffer.compare(readFileSync(join(site.outDir, 'stukken/brief-md/brief.pdf')), PDF)).toBe(0);
    expect(Buffer.compare(readFileSync(join(site.outDir, 'stukken/brief-md/cijfers-per-wijk.xlsx')), XLSX)).toBe(0);
    const html = site.read('stukken/brief-md/index.html');
    expect(html).toMatch(/<a href="\/raadsinformatie\/stukken\/brief-md\/brief\.pdf"[^>]*>Ondertekende brief \(PDF, 2 kB\)<\/a>/);
    expect(html).toMatch(/<a href="\/raadsinformatie\/stukken\/brief-md\/cijfers-per-wijk\.xlsx"[^>]*>Cijfers per wijk \(Excel, 5 kB\)<\/a>/);
    expect(textOf(html)).toContain('Advies (niet openbaar: bevat persoonsgegevens)');
  });

  it('does not build when a file is missing, and names the letter and the line', () => {
    const fixture = archiveWith('bijlagen:\n  - { titel: Onderzoek, bestand: bijlagen/parkeeronderzoek-2024.pdf }\n', {});
    const result = build(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/stukken\/brief-md\.md:12:\d+ {2}bijlagen\[1\]\.bestand: het bestand "bijlagen\/parkeeronderzoek-2024\.pdf" bestaat niet/);
  });
});
