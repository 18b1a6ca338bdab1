/**
 * A bad dataset, bad frontmatter and a bad component prop each stop the build
 * with a message that names the file (and line) and says what to do.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, copyFixture } from './helpers/build';

function edit(path: string, change: (text: string) => string) {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('a broken archive does not build', () => {
  it('fails on a dataset cell of the wrong type, naming file and line', () => {
    const fixture = copyFixture('basis');
    edit(join(fixture.data, 'voorbeeld-tabel.yaml'), (t) => t.replace('[2022, 1432, 16143, 12.3]', '[2022, "1.432", 16143, 12.3]'));
    const result = build(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/voorbeeld-tabel\.yaml:10:\d+ {2}rij 1, kolom "Aantal": "1\.432" is geen getal/);
  });

  it('fails on bad frontmatter, naming file, line and the allowed values', () => {
    const fixture = copyFixture('basis');
    edit(join(fixture.content, 'stukken/brief-md.md'), (t) => t.replace('type: vragen-raadslid', 'type: raadsbrief'));
    const result = build(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/stukken\/brief-md\.md:2:7 {2}type: "raadsbrief" is geen bekend documenttype; kies uit vragen-raadslid/);
  });

  it('fails on a wrong component prop in MDX, naming component, value and choices', () => {
    const fixture = copyFixture('basis');
    edit(join(fixture.content, 'stukken/brief-mdx.mdx'), (t) => t.replace('<Stoplight status="groen" />', '<Stoplight status="geel" />'));
    const result = build(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/brief-mdx\.mdx:8:\d+ {2}<Stoplight>: eigenschap "status": "geel" is geen stoplichtkleur; kies rood, oranje of groen/);
  });

  it('publishes totals that do not add up with a note, and fails on them only in strict mode', () => {
    const fixture = copyFixture('basis');
    edit(join(fixture.data, 'voorbeeld-tabel.yaml'), (t) => t.replace('[Totaal, 1461, 16143, 17.3]', '[Totaal, 1470, 16143, 17.3]'));
    const lenient = build(fixture);
    expect(lenient.status).toBe(0);
    expect(lenient.output).toMatch(/voorbeeld-tabel\.yaml:12 {2}totaal klopt niet: Totaal, kolom “Aantal”: de bron noemt 1\.470, de optelling van de rijen geeft 1\.461\./);
    expect(lenient.read('stukken/brief-md/index.html')).toContain('Totaal, kolom “Aantal”: de bron noemt 1.470, de optelling van de rijen geeft 1.461.');
    const strict = build({ ...fixture, env: { RAADSARCHIEF_STRIKT: '1' } });
    expect(strict.status).not.toBe(0);
    expect(strict.output).toContain('totaal klopt niet: Totaal, kolom “Aantal”');
    // Confirmed as the source prints it: still said under the table, and a strict build goes on.
    edit(join(fixture.data, 'voorbeeld-tabel.yaml'), (t) => t.replace(/^(bron:.*)$/m, '$1\ntotalenZoalsInBron: true'));
    const confirmed = build({ ...fixture, env: { RAADSARCHIEF_STRIKT: '1' } });
    expect(confirmed.status, confirmed.output).toBe(0);
    expect(confirmed.read('stukken/brief-md/index.html')).toContain('Totaal, kolom “Aantal”: de bron noemt 1.470, de optelling van de rijen geeft 1.461.');
  });

  it('fails on a directive citing a dataset that does not exist', () => {
    const fixture = copyFixture('basis');
    edit(join(fixture.content, 'stukken/brief-md.md'), (t) => t.replace('dataset="voorbeeld-tabel"', 'dataset="onbekende-tabel"'));
    const result = build(fixture);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/brief-md\.md:18:\d+ {2}<DataTable>: dataset "onbekende-tabel" bestaat niet/);
  });
});
