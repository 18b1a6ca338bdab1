/**
 * Values from data files and frontmatter are text, never markup: a `<script>`
 * typed into a table cell (YAML or CSV from Excel) or into a title shows as
 * text in the built page and runs nowhere — not in the body, the <title>, the
 * breadcrumbs, the listings or the feeds.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, copyFixture, textOf, type BuildResult } from './helpers/build';

const SCRIPT_CELL = '<script>alert("cel")</script>';
const SCRIPT_TITLE = '<script>alert("titel")</script> Testbrief';
const CSV_CELL = '<img src=x onerror=alert("csv")>';

let built: BuildResult;

beforeAll(() => {
  const fixture = copyFixture('basis');
  const table = join(fixture.data, 'voorbeeld-tabel.yaml');
  writeFileSync(table, readFileSync(table, 'utf8').replace('[2022, 1432, 16143, 12.3]', `['${SCRIPT_CELL}', 1432, 16143, 12.3]`));
  writeFileSync(join(fixture.data, 'uit-excel.yaml'), 'titel: Uit Excel\nbron: Testbron\nperiode: "2024"\nkolommen:\n  - { id: gemeente, label: Gemeente, type: tekst }\n  - { id: kosten, label: Kosten, type: bedrag }\n');
  // Quoted with doubled quotes, as Excel writes a cell that contains quotes.
  writeFileSync(join(fixture.data, 'uit-excel.csv'), `Gemeente;Kosten\r\n"${CSV_CELL.replace(/"/g, '""')}";1.234\r\n`);
  const letter = join(fixture.content, 'stukken/brief-md.md');
  writeFileSync(
    letter,
    readFileSync(letter, 'utf8')
      .replace('titel: Testbrief in Markdown', `titel: '${SCRIPT_TITLE}'`)
      .replace('::stoplight-legend', '::stoplight-legend\n\n::data-table{dataset="uit-excel"}'),
  );
  built = build({ content: fixture.content, data: fixture.data });
}, 300_000);

/** Every built file that can carry the title or a cell. */
function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml|json|jsonld|csv)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('escaping', () => {
  it('builds', () => {
    expect(built.status, built.output).toBe(0);
  });

  it('shows a <script> in a table cell and an <img onerror> from a CSV as text', () => {
    const html = built.read('stukken/brief-md/index.html');
    expect(html).not.toContain(SCRIPT_CELL);
    expect(html).not.toContain(CSV_CELL);
    expect(html).toContain('&lt;script&gt;alert(&quot;cel&quot;)&lt;/script&gt;');
    const text = textOf(html).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    expect(text).toContain('<script>alert("cel")</script>');
    expect(text).toContain('<img src=x onerror=alert("csv")>');
  });

  it('shows a <script> in the title as text in the heading and the <title>', () => {
    const html = built.read('stukken/brief-md/index.html');
    expect(html).toMatch(/<h1[^>]*>&lt;script&gt;alert\(&quot;titel&quot;\)&lt;\/script&gt; Testbrief<\/h1>/);
    expect(html).toMatch(/<title>&lt;script&gt;alert\(&quot;titel&quot;\)&lt;\/script&gt; Testbrief/);
  });

  it('never puts the markup itself in any built page, feed or download', () => {
    const offenders = builtFiles(built.outDir).filter((file) => {
      // Inside a quoted attribute value (og:title) a < is only text; look at the markup around it.
      const markup = readFileSync(file, 'utf8').replace(/="[^"]*"/g, '=""');
      return markup.includes('<script>alert(') || markup.includes('<img src=x onerror');
    });
    // Open-data downloads (CSV, JSON) carry the raw value on purpose: they are data, not pages.
    const pages = offenders.filter((file) => !/\.(csv|json)$/.test(file) || /\.jsonld$/.test(file));
    expect(pages.map((file) => relative(built.outDir, file))).toEqual([]);
  });
});
