/**
 * The bad-input catalogue: the mistakes clerks make. For each one, both
 * `npm run check` and the build fail, and the message names the file and the
 * problem in plain Dutch.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, copyFixture, projectRoot } from './helpers/build';

type Fixture = ReturnType<typeof copyFixture>;
const edit = (path: string, change: (text: string) => string) => writeFileSync(path, change(readFileSync(path, 'utf8')));
const md = (f: Fixture) => join(f.content, 'stukken/brief-md.md');
const mdx = (f: Fixture) => join(f.content, 'stukken/brief-mdx.mdx');
const table = (f: Fixture) => join(f.data, 'voorbeeld-tabel.yaml');

const CASES: Array<{ kind: string; breakIt: (f: Fixture) => void; message: RegExp }> = [
  { kind: 'malformed YAML in a dataset', breakIt: (f) => edit(table(f), (t) => t.replace('bron: Testbron', 'bron: [Testbron')), message: /voorbeeld-tabel\.yaml:\d+:\d+ {2}het YAML-bestand is niet leesbaar/ },
  { kind: 'malformed YAML in frontmatter', breakIt: (f) => edit(md(f), (t) => t.replace('titel: Testbrief in Markdown', 'titel: "Testbrief in Markdown')), message: /brief-md\.md:\d+:\d+ {2}de voorkant \(frontmatter\) is niet leesbaar/ },
  { kind: 'colon in a frontmatter value', breakIt: (f) => edit(md(f), (t) => t.replace('titel: Testbrief in Markdown', 'titel: Testbrief: in Markdown')), message: /brief-md\.md:3:\d+ {2}de voorkant \(frontmatter\) is niet leesbaar: de waarde van titel bevat een dubbele punt\n {2}→ Zet de hele waarde tussen aanhalingstekens: titel: "Testbrief: in Markdown"/ },
  { kind: 'missing required field', breakIt: (f) => edit(md(f), (t) => t.replace('titel: Testbrief in Markdown\n', '')), message: /brief-md\.md(:\d+:\d+)? {2}titel: ontbreekt \(verplicht veld\)/ },
  { kind: 'unknown document type', breakIt: (f) => edit(md(f), (t) => t.replace('type: vragen-raadslid', 'type: brief')), message: /brief-md\.md:2:7 {2}type: "brief" is geen bekend documenttype/ },
  { kind: 'unknown organisation', breakIt: (f) => edit(md(f), (t) => t.replace('organisatie: almelo', 'organisatie: almere')), message: /brief-md\.md {2}organisatie "almere" bestaat niet/ },
  { kind: 'impossible date', breakIt: (f) => edit(md(f), (t) => t.replace('datum: 2024-09-10', 'datum: 2024-02-30')), message: /brief-md\.md:\d+:\d+ {2}datum: 30 februari 2024 bestaat niet/ },
  { kind: 'related briefing that does not resolve', breakIt: (f) => edit(md(f), (t) => t.replace('gerelateerd: [brief-mdx]', 'gerelateerd: [brief-mdz]')), message: /brief-md\.md {2}gerelateerd stuk "brief-mdz" bestaat niet/ },
  {
    kind: 'duplicate slug',
    breakIt: (f) => {
      mkdirSync(join(f.content, 'stukken/2025'));
      writeFileSync(join(f.content, 'stukken/2025/brief-md.md'), readFileSync(md(f), 'utf8').replace('kenmerk: UIT-1', 'kenmerk: UIT-2'));
    },
    message: /brief-md\.md {2}de bestandsnaam "brief-md" bestaat al/,
  },
  { kind: 'dataset not found', breakIt: (f) => edit(md(f), (t) => t.replace('dataset="voorbeeld-tabel"', 'dataset="voorbeeld-tabellen"')), message: /brief-md\.md:\d+:\d+ {2}<DataTable>: dataset "voorbeeld-tabellen" bestaat niet\n {2}→ Bedoelt u "voorbeeld-tabel"\?/ },
  { kind: 'wrong cell type', breakIt: (f) => edit(table(f), (t) => t.replace('[2022, 1432, 16143, 12.3]', '[2022, 1432, "€ 16.143", 12.3]')), message: /voorbeeld-tabel\.yaml:10:\d+ {2}rij 1, kolom "Kosten": "€ 16\.143" is geen getal/ },
  { kind: 'row with a missing cell', breakIt: (f) => edit(table(f), (t) => t.replace('[2022, 1432, 16143, 12.3]', '[2022, 1432, 16143]')), message: /voorbeeld-tabel\.yaml:10:\d+ {2}rij 1 heeft 3 cellen, de tabel heeft 4 kolommen/ },
  { kind: 'unknown stoplight status', breakIt: (f) => edit(join(f.data, 'voorbeeld-status.yaml'), (t) => t.replace('status: oranje', 'status: geel')), message: /voorbeeld-status\.yaml:\d+:\d+ {2}themas\[0\]\.status: "geel" is geen stoplichtkleur; kies rood, oranje of groen/ },
  { kind: 'unknown prop', breakIt: (f) => edit(md(f), (t) => t.replace('::data-table{dataset="voorbeeld-tabel"}', '::data-table{dataset="voorbeeld-tabel" kleur="rood"}')), message: /brief-md\.md:\d+:1 {2}<DataTable>: onbekende eigenschap "kleur"/ },
  { kind: 'wrong prop value', breakIt: (f) => edit(md(f), (t) => t.replace(':stoplight{status="groen"}', ':stoplight{status="paars"}')), message: /brief-md\.md:\d+:\d+ {2}<Stoplight>: eigenschap "status"/ },
  { kind: 'link to a question that does not exist', breakIt: (f) => appendFileSync(md(f), '\nZie ook [vraag 9 van de andere brief](/stukken/brief-mdx/#vraag-9).\n'), message: /brief-md\.md:\d+:\d+ {2}de link wijst naar #vraag-9 in "brief-mdx", maar die kop bestaat daar niet/ },
  {
    kind: 'mistakes in frontmatter and body at once',
    breakIt: (f) => edit(md(f), (t) => t.replace('datum: 2024-09-10', 'datum: 2024-13-01').replace('::stoplight-legend', '::stoplicht-legenda')),
    message: /brief-md\.md:\d+:\d+ {2}datum: [^\n]*bestaat niet[\s\S]*brief-md\.md:\d+:1 {2}onbekende component "stoplicht-legenda"|brief-md\.md:\d+:1 {2}onbekende component "stoplicht-legenda"[\s\S]*brief-md\.md:\d+:\d+ {2}datum: [^\n]*bestaat niet/,
  },
  { kind: 'unknown directive', breakIt: (f) => edit(md(f), (t) => t.replace('::stoplight-legend', '::stoplicht-legenda')), message: /brief-md\.md:\d+:1 {2}onbekende component "stoplicht-legenda"\n {2}→ Bedoelt u "stoplight-legend"\?/ },
  { kind: 'unknown MDX component', breakIt: (f) => edit(mdx(f), (t) => t.replace('<StoplightLegend />', '<Legenda />')), message: /brief-mdx\.mdx:\d+:1 {2}onbekende component <Legenda>/ },
  { kind: 'HTML comment in MDX', breakIt: (f) => edit(mdx(f), (t) => t.replace('## Vraag 1', '<!-- nog nakijken -->\n\n## Vraag 1')), message: /brief-mdx\.mdx:\d+:\d+ {2}een HTML-commentaar \(<!-- … -->\) werkt niet in een \.mdx-bestand/ },
  { kind: 'unclosed tag in MDX', breakIt: (f) => edit(mdx(f), (t) => t.replace('> Hoeveel?', '> Hoeveel <b>precies?')), message: /brief-mdx\.mdx:\d+:\d+ {2}de tag <b> wordt niet afgesloten/ },
  { kind: 'bare < in MDX prose', breakIt: (f) => edit(mdx(f), (t) => t.replace('> Hoeveel?', '> Hoeveel? Minder dan <5 per jaar?')), message: /brief-mdx\.mdx:\d+:\d+ {2}een < in de tekst wordt gelezen als het begin van een component of tag\n {2}→ Schrijf “kleiner dan”/ },
  { kind: 'braces in MDX prose', breakIt: (f) => edit(mdx(f), (t) => t.replace('> Hoeveel?', '> Hoeveel {ongeveer}?')), message: /brief-mdx\.mdx:\d+:\d+ {2}\{ongeveer\} in de tekst wordt gelezen als code/ },
  { kind: 'import in MDX', breakIt: (f) => edit(mdx(f), (t) => t.replace('## Vraag 1', "import Iets from 'https://cdn.example/iets.js';\n\n## Vraag 1")), message: /brief-mdx\.mdx:\d+:\d+ {2}import van "https:\/\/cdn\.example\/iets\.js" is niet toegestaan/ },
  { kind: 'script from another host', breakIt: (f) => appendFileSync(md(f), '\n<script src="https://cdn.example/x.js"></script>\n'), message: /brief-md\.md:\d+:\d+ {2}<script> is niet toegestaan in een stuk/ },
  { kind: 'image from another host', breakIt: (f) => appendFileSync(md(f), '\n![kaart](https://elders.example/kaart.png)\n'), message: /brief-md\.md:\d+:1 {2}de afbeelding https:\/\/elders\.example\/kaart\.png staat op een andere site/ },
  { kind: 'invalid UTF-8', breakIt: (f) => writeFileSync(table(f), Buffer.concat([readFileSync(table(f)), Buffer.from([0x0a, 0x23, 0x20, 0xe9, 0x0a])])), message: /voorbeeld-tabel\.yaml {2}het bestand is geen geldige UTF-8-tekst/ },
  { kind: 'empty file', breakIt: (f) => writeFileSync(join(f.content, 'stukken/leeg.md'), ''), message: /stukken\/leeg\.md {2}het bestand is leeg/ },
  { kind: 'file of several megabytes', breakIt: (f) => appendFileSync(md(f), `\n${'Dit is een heel lange regel tekst die steeds terugkomt. '.repeat(60_000)}\n`), message: /brief-md\.md {2}het bestand is te groot \(3\.\d MB\)/ },
  {
    kind: 'CSV from Excel with a cell that is not a number',
    breakIt: (f) => {
      writeFileSync(join(f.data, 'excel.yaml'), 'titel: Uit Excel\nbron: Testbron\nperiode: "2024"\nkolommen:\n  - { id: gemeente, label: Gemeente, type: tekst }\n  - { id: kosten, label: Kosten, type: bedrag }\n');
      // Windows-1252, as older Excel saves "CSV (gescheiden door lijstscheidingsteken)".
      writeFileSync(join(f.data, 'excel.csv'), Buffer.from('Gemeente;Kosten\r\nAlmelo;\x80 1.234\r\nBorne;\x80 1.234,5O\r\n', 'latin1'));
    },
    message: /data\/excel\.csv:3:2 {2}kolom “Kosten”: “€ 1\.234,5O” is geen getal/,
  },
  { kind: 'CSV without its description', breakIt: (f) => writeFileSync(join(f.data, 'los.csv'), 'a;b\n1;2\n'), message: /data\/los\.csv {2}bij dit CSV-bestand ontbreekt een YAML-bestand/ },
];

function runCheck(fixture: Fixture) {
  return spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['scripts/check.ts'], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', RAADSARCHIEF_CONTENT: fixture.content, RAADSARCHIEF_DATA: fixture.data },
    timeout: 60_000,
  });
}

describe('bad input', () => {
  it('the unbroken fixture passes check and build', () => {
    const fixture = copyFixture('basis');
    expect(runCheck(fixture).status).toBe(0);
  });

  it.each(CASES)('$kind: check and build fail and say where and what', ({ breakIt, message }) => {
    const fixture = copyFixture('basis');
    breakIt(fixture);
    const check = runCheck(fixture);
    expect(check.status, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).toMatch(message);
    const built = build(fixture);
    expect(built.status).not.toBe(0);
    expect(built.output).toMatch(message);
  });
});


describe('links that would run code', () => {
  const lineOf = (path: string, needle: string) => readFileSync(path, 'utf8').split('\n').findIndex((line) => line.includes(needle)) + 1;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const refused = 'is niet toegestaan: een javascript:-adres voert code uit';

  it('every script scheme, however written, fails check and build with file and line, all at once', () => {
    const fixture = copyFixture('basis');
    appendFileSync(
      md(fixture),
      [
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
        'Een autolink <javascript:alert(2)>.',
        '',
        'Een [verwijzing][uitleg].',
        '',
        '[uitleg]: javascript:alert(3)',
        '',
      ].join('\n'),
    );
    appendFileSync(mdx(fixture), ['', '<a href="javascript:alert(4)">a</a>', '', "<a href={'javascript:alert(5)'}>b</a>", '', 'Een [verwijzing][uitleg].', '', '[uitleg]: javascript:alert(6)', ''].join('\n'));
    const expected: Array<[file: string, needle: string, message: string]> = [
      [md(fixture), '(javascript:alert(document.cookie))', `de link javascript:alert(document.cookie) ${refused}`],
      [md(fixture), 'JaVaScRiPt:', `de link JaVaScRiPt:alert(1) ${refused}`],
      [md(fixture), 'data:text/html', 'de link data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== is niet toegestaan: een data:-adres kan een hele pagina met code bevatten'],
      [md(fixture), 'vbscript:', 'de link vbscript:msgbox(1) is niet toegestaan: een vbscript:-adres voert code uit'],
      [md(fixture), 'met een tab', `<a href="javascript:alert(1)"> ${refused}`],
      [md(fixture), 'met een entiteit', `<a href="javascript:alert(1)"> ${refused}`],
      [md(fixture), 'autolink', `de link javascript:alert(2) ${refused}`],
      [md(fixture), '[uitleg]:', `de link javascript:alert(3) ${refused}`],
      [mdx(fixture), 'alert(4)', `<a href="javascript:alert(4)"> ${refused}`],
      [mdx(fixture), 'alert(5)', 'een {…}-waarde op <a href> is niet toegestaan'],
      [mdx(fixture), '[uitleg]:', `de link javascript:alert(6) ${refused}`],
    ];
    const check = runCheck(fixture);
    const built = build(fixture);
    expect(check.status, check.stdout + check.stderr).toBe(1);
    expect(built.status).not.toBe(0);
    for (const [path, needle, message] of expected) {
      const name = path.endsWith('.mdx') ? 'brief-mdx\\.mdx' : 'brief-md\\.md';
      const where = new RegExp(`stukken/${name}:${lineOf(path, needle)}(?::\\d+)? {2}${escape(message)}`);
      expect(check.stderr, needle).toMatch(where);
      expect(built.output, needle).toMatch(where);
    }
    expect(check.stderr).toContain('→ Gebruik een webadres dat begint met https://, een mailto:- of tel:-adres, of een link binnen het archief (/stukken/…).');
  });

  it('http, https, mailto, tel and links within the archive pass, and the built pages hold no script address', () => {
    const fixture = copyFixture('basis');
    appendFileSync(
      md(fixture),
      '\n## Vraag 2\n\nZie [de site](https://www.almelo.nl/), [het oude adres](http://www.almelo.nl/), [mail de griffie](mailto:griffie@almelo.nl), [bel](tel:+31546541111), [het rapport](/stukken/brief-mdx/), [vraag 2](#vraag-2), [terug](../x), [zoeken](?q=1) en <https://www.almelo.nl/contact>.\n\n<a href="mailto:griffie@almelo.nl">de griffie</a>\n',
    );
    appendFileSync(mdx(fixture), '\n<a href="https://www.almelo.nl/">de site</a> of <a href="tel:+31546541111">bel</a>, of [mail](mailto:griffie@almelo.nl).\n');
    const check = runCheck(fixture);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const built = build(fixture);
    expect(built.status, built.output).toBe(0);
    for (const page of ['stukken/brief-md/index.html', 'stukken/brief-mdx/index.html']) {
      const html = built.read(page);
      expect(html).toContain('href="mailto:griffie@almelo.nl"');
      expect(html).not.toMatch(/javascript:|vbscript:|data:text/i);
      for (const [, href] of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
        expect(href, page).toMatch(/^(?:https?:|mailto:|tel:|[^:]*$)/i);
      }
    }
    expect(built.read('stukken/brief-md/index.html')).toContain('href="tel:+31546541111"');
  });
});

describe('many letters with the same point to review', () => {
  it('names the message and what to do once, with the files under it: all in `npm run check`, ten in the build log, and nothing about the bundler', () => {
    const fixture = copyFixture('basis');
    // As an imported archive has them: letters whose day is not known.
    const letter = readFileSync(md(fixture), 'utf8')
      .replace('type: vragen-raadslid', 'type: raadsinformatiebrief')
      .replace('datum: 2024-09-10', 'datum: onbekend')
      .replace(/^vragen:\n(?: {2}.*\n)+/m, '')
      .replace('gerelateerd: [brief-mdx]\n', '');
    const ids = Array.from({ length: 14 }, (_, i) => `ongedateerd-${String(i + 1).padStart(2, '0')}`);
    for (const id of ids) writeFileSync(join(fixture.content, 'stukken', `${id}.md`), letter.replace('Testbrief in Markdown', `Brief zonder datum ${id}`).replace('Inleiding', `Inleiding van ${id}`));

    const check = runCheck(fixture);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const heading = /14 bestanden: wordt niet aangeboden aan de Woo-index: de datum is niet bekend\n/;
    expect(check.stdout).toMatch(heading);
    for (const id of ids) expect(check.stdout).toContain(`  ${join(fixture.content, 'stukken', `${id}.md`)}:`);
    // Once for the fourteen, once for the fixture's letter dated only by its year (another message).
    expect(check.stdout.match(/→ De Woo-index vraagt de dag van het stuk/g)).toHaveLength(2);

    const built = build(fixture);
    expect(built.status, built.output).toBe(0);
    expect(built.output).toMatch(heading);
    expect(built.output).toContain('… en 4 andere (`npm run check` noemt ze allemaal)');
    expect(built.output.match(/→ De Woo-index vraagt de dag van het stuk/g)).toHaveLength(2);
    // The fixture's .mdx letter was built, without the bundler's notice about Astro's own directive in it.
    expect(built.read('stukken/brief-mdx/index.html')).toContain('</html>');
    expect(built.output).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(built.output).not.toContain('astro:head-inject');
  });
});
