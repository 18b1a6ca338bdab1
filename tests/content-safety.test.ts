/**
 * Nothing unsafe in content: MDX imports only the project's own components, and
 * no script, style, frame or image from another host — refused by the check and
 * by the compile (the Sätteri plugin), with file, line and what to do.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkBodyTree, parseBody } from '../src/lib/content/body-check';
import { inspectEsm, inspectHtml, inspectImage } from '../src/lib/content/content-safety';
import { ContentError } from '../src/lib/errors/content-error';
import { mdxSafetyPlugin } from '../src/markdown/mdx-safety';
import { projectRoot } from './helpers/build';

const mdxFile = join(projectRoot, 'content/stukken/voorbeeld.mdx');
const mdFile = join(projectRoot, 'content/stukken/voorbeeld.md');

function compileError(source: string, path: string): ContentError {
  const compile = () => {
    const options = { fileURL: pathToFileURL(path), features: { directive: true }, mdastPlugins: [mdxSafetyPlugin()] };
    return path.endsWith('.mdx') ? mdxToJs(source, options) : markdownToHtml(source, options);
  };
  try {
    compile();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('compiled without an error');
}

function checkErrors(source: string, path: string) {
  const file = path.endsWith('.mdx') ? 'content/stukken/voorbeeld.mdx' : 'content/stukken/voorbeeld.md';
  const parsed = parseBody(source, path.endsWith('.mdx'), file, 10);
  expect(parsed.errors).toEqual([]);
  return checkBodyTree(parsed.tree!, { source, file, bodyLine: 10, isMdx: path.endsWith('.mdx'), datasets: new Set(), anchors: new Map(), ownAnchors: new Set() }).errors;
}

describe('MDX imports', () => {
  it('allow the project’s own components only', () => {
    expect(inspectEsm("import DataTable from '../../src/components/DataTable.astro';", mdxFile, projectRoot)).toEqual([]);
    const problems = inspectEsm(
      "import DataTable from '../../src/components/DataTable.astro';\nimport Iets from 'https://cdn.example/iets.js';\nimport 'left-pad';\nimport fs from 'node:fs';\nimport X from '../../src/components/../lib/check.ts';\nexport const a = 1;",
      mdxFile,
      projectRoot,
    );
    expect(problems.map((p) => [p.lineOffset, p.message])).toEqual([
      [1, 'import van "https://cdn.example/iets.js" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren'],
      [2, 'import van "left-pad" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren'],
      [3, 'import van "node:fs" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren'],
      [4, 'import van "../../src/components/../lib/check.ts" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren'],
      [5, 'een export-regel is code en is niet toegestaan in een stuk'],
    ]);
  });

  it('stop the compile with the file and the line of the import', () => {
    const error = compileError("import DataTable from '../../src/components/DataTable.astro';\nimport Iets from 'https://cdn.example/iets.js';\n\n# Kop\n", mdxFile);
    expect(error.details).toMatchObject({ file: 'content/stukken/voorbeeld.mdx', line: 2 });
    expect(error.message).toMatch(/^content\/stukken\/voorbeeld\.mdx:2 {2}import van "https:\/\/cdn\.example\/iets\.js" is niet toegestaan/);
    expect(error.message).toContain('→ Haal de import-regel weg.');
  });

  it('are reported by the check at the same line', () => {
    const errors = checkErrors("import DataTable from '../../src/components/DataTable.astro';\nimport Iets from 'https://cdn.example/iets.js';\n\n# Kop\n", mdxFile);
    expect(errors).toEqual([expect.objectContaining({ file: 'content/stukken/voorbeeld.mdx', line: 11, message: expect.stringContaining('import van "https://cdn.example/iets.js"') })]);
  });
});

describe('HTML that loads from elsewhere', () => {
  it('names what it is for each kind', () => {
    const message = (html: string) => inspectHtml(html)[0]?.message;
    expect(message('<script src="https://cdn.example/x.js"></script>')).toBe('<script> is niet toegestaan in een stuk');
    expect(message('<link rel="stylesheet" href="https://cdn.example/x.css">')).toBe('<link> is niet toegestaan in een stuk');
    expect(message('<iframe src="https://video.example/embed/1"></iframe>')).toBe('<iframe> is niet toegestaan in een stuk');
    expect(message('<img src="https://elders.example/foto.jpg" alt="">')).toBe('<img src="https://elders.example/foto.jpg"> laadt iets van een andere site');
    expect(message('<img src=//elders.example/foto.jpg>')).toBe('<img src="//elders.example/foto.jpg"> laadt iets van een andere site');
    expect(message('<img src="/logo.png" onerror="alert(1)">')).toBe('het attribuut onerror op <img> voert code uit en is niet toegestaan');
    expect(message('<div style="background: url(https://elders.example/x.png)">')).toMatch(/^de stijl op <div> laadt iets/);
    expect(inspectImage('https://elders.example/grafiek.png')?.message).toBe('de afbeelding https://elders.example/grafiek.png staat op een andere site');
  });

  it('lets ordinary HTML, links and comments through', () => {
    expect(inspectHtml('<p>Zie <a href="https://www.almelo.nl/">de site van Almelo</a>.</p><br><!-- <script src="https://x"> -->')).toEqual([]);
    expect(inspectHtml('<img src="/afbeeldingen/kaart.png" alt="Kaart">')).toEqual([]);
    expect(inspectImage('/afbeeldingen/kaart.png')).toBeUndefined();
  });

  it('stops the compile of a .md letter and of an .mdx report', () => {
    const md = compileError('# Brief\n\nTekst.\n\n<script src="https://cdn.example/x.js"></script>\n', mdFile);
    expect(md.message).toMatch(/^content\/stukken\/voorbeeld\.md:5:1 {2}<script> is niet toegestaan in een stuk\n {2}→ /);
    const image = compileError('# Brief\n\n![kaart](https://elders.example/kaart.png)\n', mdFile);
    expect(image.message).toMatch(/^content\/stukken\/voorbeeld\.md:3:1 {2}de afbeelding https:\/\/elders\.example\/kaart\.png staat op een andere site/);
    const mdx = compileError('# Rapport\n\n<iframe src="https://video.example/1" />\n', mdxFile);
    expect(mdx.message).toMatch(/^content\/stukken\/voorbeeld\.mdx:3:1 {2}<iframe> is niet toegestaan in een stuk/);
  });

  it('is reported by the check, every one at once, with its line', () => {
    const errors = checkErrors('Tekst.\n\n<img src="https://elders.example/a.png">\n\n![b](https://elders.example/b.png)\n\n<link rel="stylesheet" href="https://elders.example/c.css">\n', mdFile);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [12, '<img src="https://elders.example/a.png"> laadt iets van een andere site'],
      [14, 'de afbeelding https://elders.example/b.png staat op een andere site'],
      [16, '<link> is niet toegestaan in een stuk'],
    ]);
  });
});
