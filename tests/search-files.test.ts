/**
 * In a real browser: the search finds signed originals and attachments. A word
 * that only a PDF contains finds that PDF, the result links to the file and
 * names its briefing, filters apply to files as to briefings, an attachment
 * that is not a PDF is found by its title, and so is a scan without a text
 * layer. A rebuild reads no PDF again. The sample archive is built with one
 * extra letter whose attachments are printed here: a report, a scan and a
 * damaged file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, fingerprint, projectCopy, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const EXTRA = 'almere-2019-vragen-mantelzorgwoningen';
const REPORT = `/stukken/${EXTRA}/almere-2019-verslag-werkbezoeken.pdf`;
const SCAN = `/stukken/${EXTRA}/almere-2019-presentielijst-scan.pdf`;
const TWENTE = '/stukken/twente-2013-regionale-samenwerking-jeugdzorg/';
const ALMELO = '/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/';

let root: string;
let site: BuildResult;
let server: StaticServer;
let browser: Browser;

async function printPdf(html: string, draw?: () => void): Promise<Buffer> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="nl"><body>${html}</body></html>`);
  if (draw) await page.evaluate(draw);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return pdf;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  root = projectCopy();
  const attachments = join(root, 'content/stukken/bijlagen');
  mkdirSync(attachments, { recursive: true });
  // "Kangoeroewoning" is in the report only: not in any briefing, title or other file.
  writeFileSync(join(attachments, 'almere-2019-verslag-werkbezoeken.pdf'), await printPdf('<h1>Verslag</h1><p>Bij twee bezoeken is een kangoeroewoning bekeken.</p>'));
  writeFileSync(
    join(attachments, 'almere-2019-presentielijst-scan.pdf'),
    await printPdf('<canvas width="600" height="200"></canvas>', () => {
      const context = document.querySelector('canvas')!.getContext('2d')!;
      context.font = '32px sans-serif';
      context.fillText('Handtekeningen van de aanwezigen', 10, 100);
    }),
  );
  // Starts like a PDF, so it is published; pdf.js cannot read it.
  writeFileSync(join(attachments, 'almere-2019-begroting-beschadigd.pdf'), '%PDF-1.7\nafgebroken bij het opslaan\n');
  writeFileSync(
    join(root, 'content/stukken', `${EXTRA}.md`),
    [
      '---',
      'type: vragen-raadslid',
      'titel: Vragen over mantelzorgwoningen in Almere',
      'organisatie: almere',
      'datum: 2019-03-12',
      'vragen:',
      '  gesteldDoor: { soort: raadslid, naam: A. Nieuw }',
      '  gesteldOp: 2019-02',
      'onderwerpen: [wonen]',
      'bijlagen:',
      '  - titel: "Bijlage 1: Verslag van de werkbezoeken"',
      '    bestand: bijlagen/almere-2019-verslag-werkbezoeken.pdf',
      '  - titel: "Bijlage 2: Ondertekende presentielijst"',
      '    bestand: bijlagen/almere-2019-presentielijst-scan.pdf',
      '  - titel: "Bijlage 3: Meerjarenraming"',
      '    bestand: bijlagen/almere-2019-begroting-beschadigd.pdf',
      '---',
      '## Vraag 1',
      '',
      '> Hoeveel mantelzorgwoningen zijn er?',
      '',
      'Dat wordt nog geteld.',
      '',
    ].join('\n'),
  );
  site = build({ root });
  if (site.status !== 0) throw new Error(site.output);
  server = await serve(site.outDir);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Result {
  href: string;
  title: string;
  partOf?: { text: string; href: string };
  text: string;
}

/** Searches through the address (as a shared link would) and reads the listed results. */
async function search(query: Record<string, string>): Promise<Result[]> {
  const page: Page = await browser.newPage();
  await page.goto(`${server.origin}/zoeken/?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => /gevonden/.test(document.getElementById('zoekstatus')?.textContent ?? ''));
  const results = await page.$$eval('#zoekresultaten > li', (items) =>
    items.map((li) => {
      const title = li.querySelector<HTMLAnchorElement>('.ra-list__title a')!;
      const partOf = [...li.querySelectorAll<HTMLElement>('.ra-list__meta')].find((p) => p.querySelector('a'));
      return {
        href: title.getAttribute('href')!,
        title: title.textContent!,
        partOf: partOf ? { text: partOf.textContent!, href: partOf.querySelector('a')!.getAttribute('href')! } : undefined,
        text: li.textContent!,
      };
    }),
  );
  await page.close();
  return results;
}

describe('search in originals and attachments', () => {
  it('says in the build log which PDFs have no readable text, and still builds', () => {
    expect(site.output).toMatch(/almere-2019-presentielijst-scan\.pdf \(bij stukken\/almere-2019-vragen-mantelzorgwoningen\): geen tekstlaag/);
    expect(site.output).toMatch(/almere-2019-begroting-beschadigd\.pdf \(bij stukken\/almere-2019-vragen-mantelzorgwoningen\): pdf\.js kan de tekst niet lezen/);
    expect(site.output).toMatch(/tekst van pdf's: 5 gelezen in [\d,]+ s, 0 uit de cache/);
    expect(site.output).toMatch(/zoekindex gemaakt: 6 stukken en 7 bestanden doorzoekbaar/);
  });

  it('finds a word that only a PDF contains, links to the PDF and names its briefing', async () => {
    const results = await search({ q: 'kangoeroewoning' });
    expect(results.map((r) => r.href)).toEqual([REPORT]);
    expect(results[0]!.title).toMatch(/^Bijlage 1: Verslag van de werkbezoeken \(PDF, [\d,]+ kB\)$/);
    expect(results[0]!.partOf).toEqual({ text: 'Bijlage bij: Vragen over mantelzorgwoningen in Almere', href: `/stukken/${EXTRA}/` });
    expect(results[0]!.text).toContain('Gemeente Almere');
  }, 60_000);

  it('finds the text of the sample PDFs: Bijlage 3 and a signed original', async () => {
    // The Bijlage 3 PDF is found by its text: "Meicirculaire" is not in its title.
    const meicirculaire = await search({ q: 'Meicirculaire' });
    const bijlage3 = meicirculaire.find((r) => r.href === `${TWENTE}twente-2013-bijlage-3-historische-verdeling-middelen.pdf`);
    expect(bijlage3?.title).toMatch(/^Bijlage 3: Overzicht van de historische verdeling/);
    expect(bijlage3?.partOf).toEqual({ text: 'Bijlage bij: Regionale samenwerking in de jeugdzorg: notitie van de veertien Twentse gemeenten', href: TWENTE });

    const original = (await search({ q: 'doorbraakmethode' })).find((r) => r.href === `${ALMELO}almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf`);
    expect(original?.title).toMatch(/^Ondertekende brief \(PDF, [\d,]+ kB\)$/);
    expect(original?.partOf?.text).toBe("Origineel van: Uitvoering van de motie 'De juiste basis voor effectieve jeugdzorg' (Almelo)");
  }, 60_000);

  it('finds an attachment that is not a PDF by its title', async () => {
    const results = await search({ q: 'Aangescherpte' });
    const excel = results.find((r) => r.href === `${TWENTE}twente-2013-bijlage-2-aangescherpte-aantallen.xlsx`);
    expect(excel?.title).toMatch(/^Bijlage 2: Aangescherpte inschatting van het aantal jongeren in jeugdzorg per gemeente \(Excel, [\d,]+ kB\)$/);
    expect(excel?.partOf?.href).toBe(TWENTE);
    // The title is also part of the briefing's own text, in its letter header.
    expect(results.map((r) => r.href)).toContain(TWENTE);
  }, 60_000);

  it('finds a scan and an unreadable PDF by their titles only', async () => {
    expect((await search({ q: 'presentielijst' })).map((r) => r.href)).toContain(SCAN);
    expect((await search({ q: 'aanwezigen' })).map((r) => r.href)).not.toContain(SCAN);
    expect((await search({ q: 'Meerjarenraming' })).map((r) => r.href)).toContain(`/stukken/${EXTRA}/almere-2019-begroting-beschadigd.pdf`);
  }, 60_000);

  it('applies the filters to files as to their briefings', async () => {
    expect((await search({ q: 'kangoeroewoning', organisatie: 'Gemeente Almere' })).map((r) => r.href)).toEqual([REPORT]);
    expect(await search({ q: 'kangoeroewoning', organisatie: 'Gemeente Almelo' })).toEqual([]);
    expect((await search({ q: 'kangoeroewoning', jaar: '2019', onderwerp: 'wonen', soort: 'Beantwoording schriftelijke vragen' })).map((r) => r.href)).toEqual([REPORT]);
    const twente = await search({ q: 'Meicirculaire', organisatie: 'Veertien Twentse gemeenten' });
    expect(twente.map((r) => r.href)).toContain(`${TWENTE}twente-2013-bijlage-3-historische-verdeling-middelen.pdf`);
  }, 60_000);

  it('reads no PDF again on a rebuild, and makes the same index', () => {
    const again = build({ root, outDir: join(root, 'dist-opnieuw') });
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/tekst van 5 pdf's uit de cache/);
    expect(fingerprint(join(again.outDir, 'pagefind'))).toEqual(fingerprint(join(site.outDir, 'pagefind')));
  }, 600_000);
});
