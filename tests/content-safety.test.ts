/**
 * Nothing unsafe in content: MDX imports only the project's own components, no
 * script, style, frame or image from another host, and no link that runs code
 * (`javascript:`, `data:`, …) however it is written — refused by the check and
 * by the compile (the Sätteri plugin), with file, line and what to do.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkBodyTree, parseBody } from '../src/lib/content/body-check';
import { inspectEsm, inspectHtml, inspectImage, inspectJsxElement, inspectLinkUrl } from '../src/lib/content/content-safety';
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

describe('links with a script scheme', () => {
  const LINK_HINT = 'Gebruik een webadres dat begint met https://, een mailto:- of tel:-adres, of een link binnen het archief (/stukken/…).';

  it('refuse every scheme but http, https, mailto and tel, read the way a browser reads the address', () => {
    const refused = (url: string) => inspectLinkUrl(url)?.message;
    expect(refused('javascript:alert(document.cookie)')).toBe('de link javascript:alert(document.cookie) is niet toegestaan: een javascript:-adres voert code uit');
    expect(refused('JaVaScRiPt:alert(1)')).toBe('de link JaVaScRiPt:alert(1) is niet toegestaan: een javascript:-adres voert code uit');
    expect(refused('data:text/html;base64,PHNjcmlwdD4=')).toBe('de link data:text/html;base64,PHNjcmlwdD4= is niet toegestaan: een data:-adres kan een hele pagina met code bevatten');
    expect(refused('vbscript:msgbox(1)')).toBe('de link vbscript:msgbox(1) is niet toegestaan: een vbscript:-adres voert code uit');
    // Browsers drop tabs and line breaks anywhere and trim control characters and spaces around an address.
    expect(refused('java\tscript:alert(1)')).toMatch(/^de link javascript:alert\(1\) is niet toegestaan/);
    expect(refused('\x01 jav\na\rscript:alert(1)')).toMatch(/^de link javascript:alert\(1\) is niet toegestaan/);
    expect(refused('file:///C:/brief.pdf')).toBe('de link file:///C:/brief.pdf is niet toegestaan: een file:-adres werkt niet voor elke lezer');
    expect(inspectLinkUrl('javascript:x')?.hint).toBe(LINK_HINT);
    for (const allowed of ['https://www.almelo.nl/', 'http://www.almelo.nl/', 'mailto:griffie@almelo.nl', 'tel:+31546541111', '/stukken/x/', '#vraag-2', '../x', '?q=1', '//www.almelo.nl/']) {
      expect(inspectLinkUrl(allowed), allowed).toBeUndefined();
    }
  });

  it('refuse the same in every address-carrying attribute of raw HTML, after decoding character references', () => {
    const message = (html: string) => inspectHtml(html)[0]?.message;
    const refusal = '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit';
    expect(message('<a href="javascript:alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href="java\tscript:alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href="&#106;avascript:alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href="&#x6A;avascript&colon;alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href="java&Tab;script:alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href="&#0000106avascript:alert(1)">x</a>')).toBe(refusal);
    expect(message('<a href=JAVASCRIPT:alert(1)>x</a>')).toBe('<a href="JAVASCRIPT:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit');
    expect(message('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>')).toMatch(/is niet toegestaan: een data:-adres kan een hele pagina met code bevatten$/);
    expect(message('<blockquote cite="vbscript:msgbox(1)">')).toMatch(/^<blockquote cite="vbscript:msgbox\(1\)"> is niet toegestaan/);
    expect(message('<button formaction="javascript:alert(1)">x</button>')).toMatch(/^<button formaction="javascript:alert\(1\)"> is niet toegestaan/);
    expect(message('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')).toMatch(/^<a xlink:href="javascript:alert\(1\)"> is niet toegestaan/);
    expect(message('<img src="javascript:alert(1)" alt="">')).toMatch(/^<img src="javascript:alert\(1\)"> is niet toegestaan/);
    expect(message('<video poster="data:text/html,x"></video>')).toMatch(/^<video poster="data:text\/html,x"> is niet toegestaan: een data:-adres mag alleen een PNG-, JPEG-, GIF- of WebP-afbeelding bevatten$/);
    expect(message('<img srcset="/a.png 1x, javascript:alert(1) 2x" alt="">')).toMatch(/^<img srcset="javascript:alert\(1\)"> is niet toegestaan/);
    expect(message('<svg><image href="https://elders.example/x.png"/></svg>')).toBe('<image href="https://elders.example/x.png"> laadt iets van een andere site');
    expect(message('<a href="/x" ping="https://teller.example/">x</a>')).toBe('<a ping="https://teller.example/"> laadt iets van een andere site');
    // An address can also hide in an attribute that is no address, such as SVG animation values.
    expect(message('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>')).toBe('een javascript:-adres op <animate> is niet toegestaan');
    expect(inspectHtml('<a href="javascript:x">x</a>')[0]?.hint).toBe(LINK_HINT);
  });

  it('read raw HTML the way a browser tokenizes it, so no tag slips past', () => {
    const message = (html: string) => inspectHtml(html)[0]?.message;
    // `/` separates attributes like a space; an HTML block passes it to the page as written.
    expect(inspectHtml('<div>\n<a/href="javascript:alert(1)">x</a>\n</div>').map((p) => [p.lineOffset, p.message])).toEqual([[1, '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit']]);
    // `<!-->` is a whole comment, so the link after it is live.
    expect(message('<!--> <a href="javascript:alert(1)">x</a> -->')).toMatch(/^<a href="javascript:alert\(1\)"> is niet toegestaan/);
    // In a <textarea> `<!--` is text: its end tag makes the rest live.
    expect(message('<textarea><!--</textarea><img src=x onerror=alert(1)>-->')).toBe('het attribuut onerror op <img> voert code uit en is niet toegestaan');
    // An unclosed quote would turn the Markdown after it into part of this tag.
    expect(message('<div title="x>')).toBe('de tag <div …> is niet af: er ontbreekt een > of een aanhalingsteken');
  });

  it('allow ordinary links in raw HTML', () => {
    expect(inspectHtml('<a href="https://www.almelo.nl/">a</a> <a href=\'mailto:griffie@almelo.nl\'>b</a> <a href="tel:+31546541111">c</a> <a href="/stukken/x/#vraag-2">d</a> <a href="?q=1&amp;p=2">e</a> <a href="../x">f</a>')).toEqual([]);
    expect(inspectHtml('<img srcset="/a.png 1x, /b.png 2x" src="data:image/png;base64,iVBORw0KGgo=" alt="">')).toEqual([]);
  });

  it('refuse {…} values and spreads on HTML elements in MDX, since their outcome cannot be checked', () => {
    expect(inspectJsxElement('a', [{ type: 'mdxJsxAttribute', name: 'href', value: { type: 'mdxJsxAttributeValueExpression', value: "'javascript:alert(1)'" } }])).toEqual({
      message: 'een {…}-waarde op <a href> is niet toegestaan',
      hint: 'Schrijf de waarde tussen aanhalingstekens, bijvoorbeeld href="https://…".',
    });
    expect(inspectJsxElement('a', [{ type: 'mdxJsxExpressionAttribute', value: "...{ href: 'javascript:alert(1)' }" }])?.message).toBe('{…} tussen de attributen van <a> is niet toegestaan');
    expect(inspectJsxElement('a', [{ type: 'mdxJsxAttribute', name: 'onClick', value: { type: 'mdxJsxAttributeValueExpression', value: 'f' } }])?.message).toBe('het attribuut onClick op <a> voert code uit en is niet toegestaan');
    expect(inspectJsxElement('a', [{ type: 'mdxJsxAttribute', name: 'href', value: 'https://www.almelo.nl/' }, { type: 'mdxJsxAttribute', name: 'download', value: null }])).toBeUndefined();
  });

  it('keep the image rules and admit only data:image/png, jpeg, gif and webp', () => {
    expect(inspectImage('data:image/png;base64,iVBORw0KGgo=')).toBeUndefined();
    expect(inspectImage('data:image/webp;base64,UklGR')).toBeUndefined();
    expect(inspectImage('data:image/svg+xml,<svg onload="alert(1)"/>')?.message).toMatch(/^de afbeelding data:image\/svg\+xml,.* is niet toegestaan: een data:-adres mag alleen een PNG-, JPEG-, GIF- of WebP-afbeelding bevatten$/);
    expect(inspectImage('javascript:alert(1)')?.message).toBe('de afbeelding javascript:alert(1) is niet toegestaan: een javascript:-adres voert code uit');
    // What browsers read as another host: backslashes, http: without slashes.
    expect(inspectImage('/\\elders.example/x.png')?.message).toMatch(/staat op een andere site$/);
    expect(inspectImage('http:elders.example/x.png')?.message).toMatch(/staat op een andere site$/);
  });

  const MD_FORMS = [
    '# Brief',
    '',
    'Zie de [toelichting](javascript:alert(document.cookie)).',
    '',
    'Een [link](JaVaScRiPt:alert(1)) in hoofdletters.',
    '',
    'Een [pagina](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) in het adres.',
    '',
    'Een [oud](vbscript:msgbox(1)) adres.',
    '',
    '<a href="java\tscript:alert(1)">met een tab</a>',
    '',
    '<a href="&#106;avascript:alert(1)">met een entiteit</a>',
    '',
    'Een autolink <javascript:alert(1)>.',
    '',
    'Een [verwijzing][uitleg] en een ![kaart][kaart].',
    '',
    '[uitleg]: javascript:alert(1)',
    '[kaart]: https://elders.example/kaart.png',
    '',
  ].join('\n');

  it('are reported by the check in a .md letter, every one at once, with its line', () => {
    const errors = checkErrors(MD_FORMS, mdFile);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [12, 'de link javascript:alert(document.cookie) is niet toegestaan: een javascript:-adres voert code uit'],
      [14, 'de link JaVaScRiPt:alert(1) is niet toegestaan: een javascript:-adres voert code uit'],
      [16, 'de link data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== is niet toegestaan: een data:-adres kan een hele pagina met code bevatten'],
      [18, 'de link vbscript:msgbox(1) is niet toegestaan: een vbscript:-adres voert code uit'],
      [20, '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit'],
      [22, '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit'],
      [24, 'de link javascript:alert(1) is niet toegestaan: een javascript:-adres voert code uit'],
      [28, 'de link javascript:alert(1) is niet toegestaan: een javascript:-adres voert code uit'],
      [29, 'de afbeelding https://elders.example/kaart.png staat op een andere site'],
    ]);
    expect(errors.every((e) => e.file === 'content/stukken/voorbeeld.md' && e.hint)).toBe(true);
  });

  it('stop the compile of a .md letter at each form, with file and line', () => {
    const lines = MD_FORMS.split('\n');
    const script = 'is niet toegestaan: een javascript:-adres voert code uit';
    const expected: Array<[source: string, line: number, message: string]> = [
      [lines[2]!, 3, `de link javascript:alert(document.cookie) ${script}`],
      [lines[4]!, 3, `de link JaVaScRiPt:alert(1) ${script}`],
      [lines[6]!, 3, 'de link data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== is niet toegestaan: een data:-adres kan een hele pagina met code bevatten'],
      [lines[8]!, 3, 'de link vbscript:msgbox(1) is niet toegestaan: een vbscript:-adres voert code uit'],
      [lines[10]!, 3, `<a href="javascript:alert(1)"> ${script}`],
      [lines[12]!, 3, `<a href="javascript:alert(1)"> ${script}`],
      [lines[14]!, 3, `de link javascript:alert(1) ${script}`],
      [`${lines[16]}\n\n${lines[18]}`, 5, `de link javascript:alert(1) ${script}`],
    ];
    for (const [source, line, message] of expected) {
      const error = compileError(`# Brief\n\n${source}\n`, mdFile);
      expect(error.details, source).toMatchObject({ file: 'content/stukken/voorbeeld.md', line, message });
      expect(error.message, source).toMatch(new RegExp(`^content/stukken/voorbeeld\\.md:${line}:\\d+ {2}`));
    }
    // The image that a definition feeds is judged once the whole text is read.
    const image = compileError('# Brief\n\n![kaart][kaart]\n\n[kaart]: https://elders.example/kaart.png\n', mdFile);
    expect(image.message).toMatch(/^content\/stukken\/voorbeeld\.md:5:1 {2}de afbeelding https:\/\/elders\.example\/kaart\.png staat op een andere site/);
  });

  const MDX_FORMS = [
    '# Rapport',
    '',
    '<a href="javascript:alert(1)">a</a>',
    '',
    "<a href={'javascript:alert(1)'}>b</a>",
    '',
    "<a {...{ href: 'javascript:alert(1)' }}>c</a>",
    '',
    'Zie de [toelichting](javascript:alert(document.cookie)).',
    '',
    'Een [verwijzing][uitleg].',
    '',
    '[uitleg]: JaVaScRiPt:alert(1)',
    '',
    '<a href="java&#x09;script:alert(1)">d</a>',
    '',
  ].join('\n');

  it('are reported by the check in an .mdx report, every one at once, with its line', () => {
    const errors = checkErrors(MDX_FORMS, mdxFile);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [12, '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit'],
      [14, 'een {…}-waarde op <a href> is niet toegestaan'],
      [16, '{…} tussen de attributen van <a> is niet toegestaan'],
      [18, 'de link javascript:alert(document.cookie) is niet toegestaan: een javascript:-adres voert code uit'],
      [22, 'de link JaVaScRiPt:alert(1) is niet toegestaan: een javascript:-adres voert code uit'],
      [24, '<a href="javascript:alert(1)"> is niet toegestaan: een javascript:-adres voert code uit'],
    ]);
    // MDX has no autolinks: `<javascript:…>` is a syntax error with its own advice.
    expect(parseBody('Een <javascript:alert(1)>.\n', true, 'content/stukken/voorbeeld.mdx', 10).errors).toEqual([expect.objectContaining({ line: 10, message: 'een < in de tekst wordt gelezen als het begin van een component of tag' })]);
  });

  it('stop the compile of an .mdx report at each form, with file and line', () => {
    const lines = MDX_FORMS.split('\n');
    const expected: Array<[string, RegExp]> = [
      [lines[2]!, /<a href="javascript:alert\(1\)"> is niet toegestaan/],
      [lines[4]!, /een \{…\}-waarde op <a href> is niet toegestaan\n {2}→ Schrijf de waarde tussen aanhalingstekens/],
      [lines[6]!, /\{…\} tussen de attributen van <a> is niet toegestaan/],
      [lines[8]!, /de link javascript:alert\(document\.cookie\) is niet toegestaan/],
      [lines[14]!, /<a href="javascript:alert\(1\)"> is niet toegestaan/],
    ];
    for (const [line, message] of expected) {
      const error = compileError(`# Rapport\n\n${line}\n`, mdxFile);
      expect(error.details, line).toMatchObject({ file: 'content/stukken/voorbeeld.mdx', line: 3 });
      expect(error.message, line).toMatch(message);
    }
    const definition = compileError(`# Rapport\n\n${lines[10]}\n\n${lines[12]}\n`, mdxFile);
    expect(definition.message).toMatch(/^content\/stukken\/voorbeeld\.mdx:5:1 {2}de link JaVaScRiPt:alert\(1\) is niet toegestaan/);
  });

  it('let http, https, mailto, tel and links within the archive through the check and the compile', async () => {
    const md = '# Brief\n\n## Vraag 2\n\n[a](https://www.almelo.nl/) [b](http://www.almelo.nl/) [c](mailto:griffie@almelo.nl) [d](tel:+31546541111) [e](#vraag-2) [f](../x) [g](?q=1) <https://www.almelo.nl/> [h][site]\n\n<a href="mailto:griffie@almelo.nl">i</a> ![punt](data:image/png;base64,iVBORw0KGgo=)\n\n[site]: https://www.almelo.nl/\n';
    const file = 'content/stukken/voorbeeld.md';
    const parsed = parseBody(md, false, file, 10);
    expect(checkBodyTree(parsed.tree!, { source: md, file, bodyLine: 10, isMdx: false, datasets: new Set(), anchors: new Map(), ownAnchors: parsed.anchors }).errors).toEqual([]);
    const options = { fileURL: pathToFileURL(mdFile), features: { directive: true }, mdastPlugins: [mdxSafetyPlugin()] };
    expect((await markdownToHtml(md, options)).html).not.toMatch(/script:/i);
    const mdx = '# Rapport\n\n<a href="https://www.almelo.nl/">a</a> <a href="tel:+31546541111">b</a> [c](mailto:griffie@almelo.nl) [d](/stukken/x/)\n';
    expect(() => mdxToJs(mdx, { ...options, fileURL: pathToFileURL(mdxFile) })).not.toThrow();
  });
});
