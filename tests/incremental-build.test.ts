/**
 * A rebuild copies unchanged pages from the previous build (Astro's incremental
 * build with the keys of src/lib/site/cache-keys.ts). It must never publish a stale
 * page: after changing a briefing, a dataset, an attachment and adding a letter, the rebuilt
 * site is byte for byte the site a cold build makes.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, fingerprint, projectCopy } from './helpers/build';

const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8');
  expect(text, `${path} bevat "${from}"`).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

/** Pages the build log reports as copied from the previous build. */
// Astro logs a file route with a slash after it (…/bijlage.pdf/); the file itself has none.
const reused = (log: string) => [...log.matchAll(/(\/\S+)\s*\((?:cached|restored)\)/g)].map((m) => m[1]!.replace(/(\.[a-z0-9]+)\/$/, '$1'));

describe('incremental rebuild', () => {
  it('reuses unchanged pages and rebuilds exactly what a change touches', () => {
    const root = projectCopy();
    const first = build({ root });
    expect(first.status, first.output).toBe(0);
    expect(reused(first.output)).toEqual([]);

    const again = build({ root });
    expect(again.status, again.output).toBe(0);
    expect(reused(again.output)).toContain('/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/index.html');
    // Nothing changed: every shard of the search index, and its signpost, comes from the cache.
    expect(again.output).toMatch(/zoekindex in delen: 0 van de 2 delen opnieuw gemaakt \(geen\), 2 uit de cache \(2013-2025, zonder-jaar\), wegwijzer uit de cache/);
    // The pages stayed in place: none is read again for the keys of the shards.
    expect(again.output).toMatch(/zoekindex gemaakt: 5 stukken \(0 pagina's opnieuw gelezen, de andere ongewijzigd\)/);
    // Registers are keyed by what they show, verdicts counted to the build date included: unchanged, they are copied too.
    const registers = ['/vragen/index.html', '/vragen/fractie/partij-vrij-almelo/index.html', '/moties/status/afgehandeld/index.html', '/moties/de-juiste-basis-voor-effectieve-jeugdzorg-2024-07-11/index.html', '/raadsleden/de-olde/index.html', '/fracties/partij-vrij-almelo/index.html'];
    for (const page of registers) expect(reused(again.output), page).toContain(page);

    // A title shown on two other letters (related briefings) and in listings, a dataset's source,
    // and a new letter that goes to the top of every list it is in.
    edit(join(root, 'content/stukken/almelo-2024-jeugdzorg-vragen-de-olde.md'), 'titel: "Jeugdzorg in Almelo:', 'titel: "Jeugdhulp in Almelo:');
    edit(join(root, 'data/twente-tabel-3-kosten-per-financieringsbron.yaml'), 'I&O Research, mei 2013', 'I&O Research, juni 2013');
    writeFileSync(
      join(root, 'content/stukken/almelo-2026-nieuwe-brief.md'),
      '---\ntype: vragen-raadslid\ntitel: Een nieuwe brief over wachttijden\norganisatie: almelo\ndatum: 2026-11-20\nvragen:\n  gesteldDoor: { soort: raadslid, naam: A. Nieuw }\n  gesteldOp: 2026-11\nonderwerpen: [jeugdzorg]\n---\n## Vraag 1\n\n> Hoe lang zijn de wachttijden?\n\nGemiddeld zes weken.\n',
    );
    // An attachment replaced by a new version (other bytes, same name).
    cpSync(join(root, 'content/stukken/bijlagen/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf'), join(root, 'content/stukken/bijlagen/twente-2013-bijlage-3-historische-verdeling-middelen.pdf'));
    const rebuilt = build({ root });
    expect(rebuilt.status, rebuilt.output).toBe(0);
    const copied = reused(rebuilt.output);
    expect(copied).toContain('/stukken/twente-2013-regionale-samenwerking-jeugdzorg/twente-2013-bijlage-2-aangescherpte-aantallen.xlsx');
    expect(copied).not.toContain('/stukken/twente-2013-regionale-samenwerking-jeugdzorg/twente-2013-bijlage-3-historische-verdeling-middelen.pdf');
    // Untouched: the Almere report and the Almere listing.
    expect(copied).toContain('/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html');
    expect(copied).toContain('/organisatie/almere/index.html');
    // Touched by a change: rendered again, not copied.
    for (const page of [
      '/stukken/almelo-2024-jeugdzorg-vragen-de-olde/index.html',
      '/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/index.html',
      '/stukken/almelo-jeugdbescherming-vragen-inwoner/index.html',
      '/stukken/twente-2013-regionale-samenwerking-jeugdzorg/index.html',
      '/datasets/twente-tabel-3-kosten-per-financieringsbron/index.html',
      '/data/twente-tabel-3-kosten-per-financieringsbron.json',
      '/archief/index.html',
      '/organisatie/almelo/index.html',
      // A new set of questions and a changed title: the register and the asker's page show both.
      '/vragen/index.html',
      '/raadsleden/de-olde/index.html',
    ]) {
      expect(copied, page).not.toContain(page);
    }
    expect(rebuilt.read('stukken/almelo-2026-nieuwe-brief/index.html')).toContain('Een nieuwe brief over wachttijden');
    expect(rebuilt.read('stukken/almelo-2025-motie-juiste-basis-jeugdzorg/index.html')).toContain('Jeugdhulp in Almelo');

    // The same files built from scratch, in a fresh copy with its own empty cache.
    const fresh = projectCopy();
    for (const folder of ['content', 'data']) {
      rmSync(join(fresh, folder), { recursive: true });
      cpSync(join(root, folder), join(fresh, folder), { recursive: true });
    }
    const cold = build({ root: fresh });
    expect(cold.status, cold.output).toBe(0);
    expect(reused(cold.output)).toEqual([]);
    const rebuiltFiles = fingerprint(rebuilt.outDir);
    // The search bundles are part of the comparison, the newest shard grown by the new year too.
    expect(Object.keys(rebuiltFiles)).toContain('pagefind/2013-2026/pagefind-entry.json');
    expect(rebuiltFiles).toEqual(fingerprint(cold.outDir));

    // An organisation's name is on every page that lists its briefings: nothing is copied.
    edit(join(root, 'content/organisaties/almere.yaml'), 'naam: Gemeente Almere', 'naam: Gemeente Almere (Flevoland)');
    const renamed = build({ root });
    expect(renamed.status, renamed.output).toBe(0);
    expect(reused(renamed.output)).not.toContain('/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html');
    expect(renamed.read('stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html')).toContain('Gemeente Almere (Flevoland)');
    expect(renamed.read('organisatie/almere/index.html')).toContain('Gemeente Almere (Flevoland)');

    // A new attachment: the report's page links it and the file is published.
    cpSync(join(root, 'content/stukken/bijlagen/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf'), join(root, 'content/stukken/bijlagen/almere-2018-h2-grafieken.pdf'));
    edit(join(root, 'content/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp.mdx'), '\ndatum:', '\nbijlagen:\n  - { titel: "Bijlage 1: Grafieken", bestand: bijlagen/almere-2018-h2-grafieken.pdf }\ndatum:');
    // Another day: the register states the date it counts to, so it is made again.
    const attached = build({ root, env: { RAADSARCHIEF_BUILDDATUM: '2030-01-02' } });
    expect(attached.status, attached.output).toBe(0);
    expect(reused(attached.output)).not.toContain('/vragen/index.html');
    expect(attached.read('vragen/index.html')).toContain('2 januari 2030');
    expect(reused(attached.output)).not.toContain('/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html');
    expect(attached.read('stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/index.html')).toContain('/stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/almere-2018-h2-grafieken.pdf');
    expect(readFileSync(join(attached.outDir, 'stukken/almere-2018-h2-halfjaarrapportage-jeugdhulp/almere-2018-h2-grafieken.pdf')).length).toBeGreaterThan(1000);
  }, 240_000);
});
