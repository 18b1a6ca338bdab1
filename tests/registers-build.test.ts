/**
 * The registers as built pages: the sample archive's answer to De Olde, and a
 * fixture archive with questions answered late, on time and not yet, a motion
 * with two letters, a commitment made and closed and one past its term; and
 * the check's errors for commitments a clerk got wrong, with file and line.
 * The same fixture with sixty more answers proves the paging, the search
 * filters and, in Chromium, the in-page filters over the whole register.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { build, copyFixture, projectRoot, textOf, type BuildResult } from './helpers/build';
import { serve, type StaticServer } from './helpers/serve';

const BUILD_DATE = { RAADSARCHIEF_BUILDDATUM: '2025-03-01' };
const basisData = join(projectRoot, 'tests/fixtures/basis/data');
let sample: BuildResult;
let fixture: BuildResult;
let paged: BuildResult;

/** 130 answers from one raadslid in 2023, every other one late: more than two pages of fifty in every list they are in. */
function addSeries(stukken: string): void {
  for (let n = 1; n <= 130; n++) {
    const nr = String(n).padStart(3, '0');
    const late = n % 2 === 1;
    writeFileSync(
      join(stukken, `reeks-${nr}.md`),
      `---\ntype: vragen-raadslid\ntitel: Antwoorden op vragen over parkeren ${nr}\nonderwerp: Parkeren in de wijk ${nr}\norganisatie: almelo\ndatum: ${late ? '2023-04-01' : '2023-02-15'}\nvragen:\n  gesteldDoor: { soort: raadslid, naam: C. Bakker, fractie: Reeks Partij }\n  gesteldOp: 2023-02-01\nonderwerpen: [parkeren]\n---\n## Vraag 1\n\n> Waar kan ik parkeren?\n\nIn de garage.\n`,
    );
  }
}

beforeAll(() => {
  sample = build({ env: BUILD_DATE });
  if (sample.status !== 0) throw new Error(`sample build failed:\n${sample.output}`);
  fixture = build({ content: join(projectRoot, 'tests/fixtures/registers/content'), data: basisData, env: BUILD_DATE });
  if (fixture.status !== 0) throw new Error(`fixture build failed:\n${fixture.output}`);
  const copy = copyFixture('registers');
  addSeries(join(copy.content, 'stukken'));
  paged = build({ content: copy.content, data: basisData, env: BUILD_DATE });
  if (paged.status !== 0) throw new Error(`paged build failed:\n${paged.output}`);
}, 600_000);

describe('the sample archive', () => {
  it('lists the answers to De Olde as asked on 30 July 2024, with no days and no verdict for an unknown answer date', () => {
    const html = sample.read('vragen/index.html');
    const entry = textOf(html.slice(html.indexOf('id="vragen-almelo-2024-jeugdzorg-vragen-de-olde"')).split('</li>')[0]!);
    expect(entry).toContain('De Olde');
    expect(entry).toContain('Partij Vrij Almelo');
    expect(entry).toContain('Gesteld op 30 juli 2024');
    expect(entry).toContain('datum onbekend');
    expect(entry).toContain('Dagen niet te bepalen');
    expect(entry).toContain('de datum van het antwoord is onbekend');
    expect(entry).not.toMatch(/binnen de termijn|over de termijn|\d+ dagen/);
  });

  it('names no resident and gives no page to one', () => {
    const text = textOf(sample.read('vragen/index.html'));
    expect(text).toContain('een inwoner');
    expect(textOf(sample.read('fracties/index.html'))).not.toContain('inwoner van Almelo');
  });
});

describe('the fixture archive', () => {
  const item = (html: string, id: string) => textOf(html.slice(html.indexOf(`id="${id}"`)).split('</li>')[0]!);

  it('gives each verdict against the term of site.yaml, counted to the build date', () => {
    const html = fixture.read('vragen/index.html');
    expect(textOf(html)).toContain('binnen 30 dagen');
    expect(item(html, 'vragen-vragen-laat')).toContain('21 dagen over de termijn');
    expect(item(html, 'vragen-vragen-laat')).toContain('Dagen 51');
    expect(item(html, 'vragen-antwoord-op-tijd')).toContain('binnen de termijn');
    expect(item(html, 'vragen-vragen-open')).toContain('nog niet beantwoord — 40 dagen open (stand op 1 maart 2025)');
    expect(item(html, 'vragen-antwoord-inwoner')).toContain('alleen bekend als april 2024');
  });

  it('has a listing page per filter, and the register as CSV and JSON', () => {
    expect(textOf(fixture.read('vragen/status/over-termijn/index.html'))).toContain('Wachttijden jeugdzorg');
    expect(textOf(fixture.read('vragen/status/over-termijn/index.html'))).not.toContain('Schoolzwemmen');
    expect(textOf(fixture.read('vragen/fractie/lokaal-belang/index.html'))).toContain('Openingstijden bibliotheek');
    const csv = fixture.read('vragen/register.csv');
    expect(csv.startsWith('\uFEFFOnderwerp;Gesteld door;')).toBe(true);
    expect(csv).toContain('Wachttijden jeugdzorg;A. Jansen (Lokaal Belang);Lokaal Belang;2024-01-10;2024-03-01;51;over-termijn;21 dagen over de termijn;');
    const json = JSON.parse(fixture.read('vragen/register.json'));
    expect(json).toMatchObject({ beantwoordingstermijnDagen: 30, standOp: '2025-03-01' });
    // Counted by the year asked: the resident's questions have no known date asked, so they are in no year.
    expect(fixture.read('data/vragen-per-jaar.csv')).toContain('2024;2;2;35;50');
  });

  it('links an answer and its questions letter both ways', () => {
    expect(textOf(fixture.read('stukken/antwoord-laat/index.html'))).toContain('Brief met de vragen Schriftelijke vragen over wachttijden in de jeugdzorg');
    expect(textOf(fixture.read('stukken/vragen-laat/index.html'))).toContain('Antwoord Antwoorden op vragen over wachttijden in de jeugdzorg');
  });

  it('has a page per motion with its submitters, meeting and status history', () => {
    const text = textOf(fixture.read('moties/sterke-wijkteams-2024-07-11/index.html'));
    expect(text).toContain('Ingediend door Lokaal Belang Groen Almelo');
    expect(text).toContain('Raadsvergadering 11 juli 2024');
    expect(text.indexOf('Eerste brief')).toBeLessThan(text.indexOf('Tweede brief'));
    expect(text).toMatch(/Status Afgehandeld/);
    expect(textOf(fixture.read('moties/status/afgehandeld/index.html'))).toContain('Sterke wijkteams');
  });

  it('lists commitments open and done, with the letters that made and closed them and an overdue one marked', () => {
    const html = fixture.read('toezeggingen/index.html');
    const done = item(html, 'toezegging-wachttijden-cijfers');
    expect(done).toContain('Afgedaan');
    expect(done).toContain('Toegezegd in Antwoorden op vragen over wachttijden in de jeugdzorg');
    expect(done).toContain('Afgedaan in Antwoorden op vragen over schoolzwemmen');
    expect(item(html, 'toezegging-evaluatie-wijkteams')).toContain('Termijn verstreken');
  });

  it('gives fracties and raadsleden a page with their questions and motions', () => {
    const fractie = textOf(fixture.read('fracties/lokaal-belang/index.html'));
    expect(fractie).toContain('Wachttijden jeugdzorg');
    expect(fractie).toContain('Openingstijden bibliotheek');
    expect(fractie).toContain('Sterke wijkteams');
    expect(textOf(fixture.read('raadsleden/a-jansen/index.html'))).toContain('Wachttijden jeugdzorg');
  });

  it('puts the registers in the sitemap', () => {
    const sitemap = fixture.read('sitemap-0.xml');
    for (const path of ['vragen/', 'toezeggingen/', 'moties/sterke-wijkteams-2024-07-11/', 'fracties/lokaal-belang/', 'raadsleden/a-jansen/']) expect(sitemap).toContain(path);
  });
});

describe('the check', () => {
  it('reports a commitment closed twice, closed before it was made and closed but never made, with file and line', () => {
    const copy = copyFixture('registers');
    const stukken = join(copy.content, 'stukken');
    writeFileSync(join(stukken, 'nog-eens.md'), '---\ntype: raadsinformatiebrief\ntitel: Nog eens\norganisatie: almelo\ndatum: 2024-08-01\nafgedaan:\n  - wachttijden-cijfers\n  - bestaat-niet\n---\nTekst.\n');
    writeFileSync(join(stukken, 'te-vroeg.md'), '---\ntype: raadsinformatiebrief\ntitel: Te vroeg\norganisatie: almelo\ndatum: 2024-02-01\nafgedaan: [evaluatie-wijkteams]\n---\nTekst.\n');
    const { errors } = checkArchive({ contentRoot: copy.content, dataRoot: basisData });
    const found = errors.map((e) => [e.file.replace(/^.*\//, ''), e.line, e.message]);
    expect(found).toEqual(expect.arrayContaining([
      ['nog-eens.md', 7, expect.stringContaining('"wachttijden-cijfers" is al afgedaan in')],
      ['nog-eens.md', 8, 'afgedaan: toezegging "bestaat-niet" is in geen enkele brief gedaan'],
      ['te-vroeg.md', 6, expect.stringContaining('vóór zij werd gedaan')],
    ]));
  });
});

/** The sets of questions a built register page lists itself (not the templates the in-page filter fills). */
const listed = (html: string) => [...html.slice(html.indexOf('id="register-lijst"')).split('id="register-resultaat"')[0]!.matchAll(/<li class="ra-list__item" id="vragen-([^"]+)"/g)].map((m) => m[1]);
const itemsOn = (html: string) => [...html.matchAll(/<li class="ra-list__item" id="vragen-([^"]+)"/g)].map((m) => m[1]);
const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

describe('paging the registers', () => {
  it('splits the register into blocks of fifty from the oldest, the newest at /vragen/, with links, canonical and sitemap', () => {
    // 134 sets: a closed block of the fifty oldest at /vragen/1/, the 84 newest on the first page.
    const first = paged.read('vragen/index.html');
    const second = paged.read('vragen/1/index.html');
    expect(listed(first)).toHaveLength(84);
    expect(listed(second)).toHaveLength(50);
    expect(new Set([...listed(first), ...listed(second)]).size).toBe(134);
    // Newest first: the fixture's own sets open page 1, the resident's (date unknown) closes page 2.
    expect(listed(first)[0]).toBe('vragen-open');
    expect(listed(second).at(-1)).toBe('antwoord-inwoner');
    expect(textOf(first)).toContain('134 sets vragen');
    expect(textOf(first)).toContain('Pagina 1 van 2 (134 sets vragen)');
    expect(first).toMatch(/<a href="\/vragen\/1\/" rel="next"/);
    expect(second).toMatch(/<a href="\/vragen\/" rel="prev"/);
    expect(textOf(second)).toContain('Schriftelijke vragen (pagina 2)');
    // A closed block changes only when a letter in it does: it does not say how long the register has become.
    expect(textOf(second)).toContain('Pagina 2 van 2');
    expect(textOf(second)).not.toContain('134');
    expect(textOf(second)).toContain('Reeks Partij');
    expect(textOf(second)).not.toMatch(/Reeks Partij \(\d+\)/);
    expect(canonical(first)).toMatch(/\/vragen\/$/);
    expect(canonical(second)).toMatch(/\/vragen\/1\/$/);
    // The figures per year and the downloads are on the first page only.
    expect(first).toContain('id="cijfers-kop"');
    expect(second).not.toContain('id="cijfers-kop"');
    expect(second).not.toContain('register.csv');
  });

  it('pages every filter, fractie and raadslid with a hundred sets or more', () => {
    expect(listed(paged.read('vragen/fractie/reeks-partij/index.html'))).toHaveLength(80);
    expect(listed(paged.read('vragen/fractie/reeks-partij/1/index.html'))).toHaveLength(50);
    expect(listed(paged.read('vragen/jaar/2023/1/index.html'))).toHaveLength(50);
    // A filter with fewer sets keeps one page and no pagination.
    const late = paged.read('vragen/status/over-termijn/index.html');
    expect(listed(late)).toHaveLength(66);
    expect(late).not.toContain('class="ra-paginering"');
    const fractie = paged.read('fracties/reeks-partij/index.html');
    expect(itemsOn(fractie)).toHaveLength(80);
    expect(itemsOn(paged.read('fracties/reeks-partij/1/index.html'))).toHaveLength(50);
    expect(textOf(paged.read('fracties/reeks-partij/1/index.html'))).toContain('Fractie Reeks Partij (pagina 2)');
    expect(fractie).toMatch(/<a href="\/fracties\/reeks-partij\/1\/" rel="next"/);
    expect(itemsOn(paged.read('raadsleden/c-bakker/1/index.html'))).toHaveLength(50);
    // The fractie with its motions: on the first page, pointed at from the others.
    expect(textOf(paged.read('fracties/lokaal-belang/index.html'))).toContain('Sterke wijkteams');
    const sitemap = paged.read('sitemap-0.xml');
    for (const path of ['vragen/1/', 'vragen/fractie/reeks-partij/1/', 'vragen/jaar/2023/1/', 'fracties/reeks-partij/1/', 'raadsleden/c-bakker/1/']) expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).not.toContain('vragen/2/');
  });

  it('keeps the downloads complete', () => {
    const json = JSON.parse(paged.read('vragen/register.json'));
    expect(json.rijen).toHaveLength(134);
    expect(json.rijen.filter((r: { fractie: string }) => r.fractie === 'Reeks Partij')).toHaveLength(130);
    expect(json.rijen[0]).toMatchObject({ onderwerp: 'Openingstijden bibliotheek', onderwerpen: 'bibliotheek' });
    expect(paged.read('vragen/register.csv').trim().split('\r\n')).toHaveLength(135);
  });
});

describe('the register filters in the search', () => {
  it('offers fractie, answer term and motion status from the registers', () => {
    const html = paged.read('zoeken/index.html');
    const options = (name: string) => [...(new RegExp(`<select id="filter-${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '').matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]);
    expect(options('fractie')).toEqual(['', 'Groen Almelo', 'Lokaal Belang', 'Reeks Partij']);
    expect(options('termijn')).toEqual(['', 'Binnen de termijn', 'Over de termijn', 'Beantwoord, termijn niet te bepalen']);
    expect(options('motiestatus')).toEqual(['', 'In uitvoering', 'Afgehandeld']);
    expect(textOf(html)).toContain('Antwoordtermijn');
  });

  it('gives each letter the fractie, verdict and motion status its register row shows', () => {
    const filters = (id: string) => [...paged.read(`stukken/${id}/index.html`).matchAll(/data-pagefind-filter="([a-z]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
    expect(filters('antwoord-laat')).toEqual(expect.arrayContaining(['fractie=Lokaal Belang', 'termijn=Over de termijn']));
    expect(filters('antwoord-op-tijd')).toEqual(expect.arrayContaining(['fractie=Groen Almelo', 'termijn=Binnen de termijn']));
    expect(filters('vragen-open')).toContain('fractie=Lokaal Belang');
    expect(filters('vragen-open').some((f) => f.startsWith('termijn='))).toBe(false);
    // A resident is in no fractie.
    expect(filters('antwoord-inwoner').some((f) => f.startsWith('fractie='))).toBe(false);
    // Each letter by what it says itself: the first names the submitters, the second reports the motion done.
    expect(filters('motie-wijkteams-2024')).toEqual(expect.arrayContaining(['fractie=Lokaal Belang', 'fractie=Groen Almelo', 'motiestatus=In uitvoering']));
    expect(filters('motie-wijkteams-2025')).toContain('motiestatus=Afgehandeld');
  });
});

describe('the in-page filters, in Chromium', () => {
  const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serve(paged.outDir);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('stay hidden without JavaScript, where the filter links are the filters', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/vragen/`);
    expect(await page.isVisible('form[data-registerfilter]')).toBe(false);
    expect(await page.locator('.ra-filters a[href="/vragen/fractie/reeks-partij/"]').count()).toBe(1);
    expect(await page.locator('#register-lijst li.ra-list__item').count()).toBe(84);
    await context.close();
  });

  it('combine filters over the whole register by keyboard, announce the count and show more on request', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${server.origin}/vragen/`);
    const form = page.locator('form[data-registerfilter]');
    await form.waitFor({ state: 'visible' });
    const status = page.locator('[data-registerfilter-status]');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');

    // By keyboard: focus the fractie select and step to its last value, Reeks Partij.
    await page.focus('#registerfilter-fractie');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#registerfilter-fractie')).toBe('Reeks Partij');
    await page.waitForFunction(() => /gevonden/.test(document.querySelector('[data-registerfilter-status]')?.textContent ?? ''));
    expect(await status.textContent()).toBe('130 sets vragen gevonden met Fractie: Reeks Partij.');
    expect(await page.isVisible('#register-lijst')).toBe(false);
    const results = page.locator('#register-resultaat li.ra-list__item');
    expect(await results.count()).toBe(50);
    const more = page.locator('#register-resultaat button');
    expect(await more.textContent()).toBe('Meer tonen (nog 80 van 130)');
    await more.focus();
    await page.keyboard.press('Enter');
    expect(await results.count()).toBe(100);
    expect(await more.textContent()).toBe('Meer tonen (nog 30 van 130)');
    // Focus goes to the first row that was added, so a keyboard user reads on from there.
    expect(await page.evaluate(() => [...document.querySelectorAll('#register-resultaat li')].indexOf(document.activeElement as Element))).toBe(50);

    // Combined with a status: the late half of the series, with the verdict and the links of a server-built row.
    await page.selectOption('#registerfilter-status', 'over-termijn');
    await page.waitForFunction(() => /Status/.test(document.querySelector('[data-registerfilter-status]')?.textContent ?? ''));
    expect(await status.textContent()).toBe('65 sets vragen gevonden met Fractie: Reeks Partij, Status: Over de termijn.');
    expect(await results.count()).toBe(50);
    const row = textOf(await results.first().innerHTML());
    expect(row).toContain('Parkeren in de wijk 001');
    expect(row).toContain('Gesteld door C. Bakker (Reeks Partij)');
    expect(row).toContain('Gesteld op 1 februari 2023');
    expect(row).toContain('Beantwoord op 1 april 2023');
    expect(row).toContain('Dagen 59');
    expect(row).toContain('29 dagen over de termijn');
    expect(await results.first().locator('a').getAttribute('href')).toBe('/stukken/reeks-001/');
    expect(await results.first().locator('.ra-status--laat svg').count()).toBe(1);

    // The rows made in the page pass the same accessibility rules as the built ones.
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag21a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);

    // Nothing matches: said in words. Cleared: the page's own list is back.
    await page.selectOption('#registerfilter-jaar', '2025');
    await page.waitForFunction(() => /Geen vragen/.test(document.querySelector('[data-registerfilter-status]')?.textContent ?? ''));
    expect(await results.count()).toBe(0);
    await page.click('[data-registerfilter-wissen]');
    await page.waitForFunction(() => /weer/.test(document.querySelector('[data-registerfilter-status]')?.textContent ?? ''));
    expect(await page.isVisible('#register-lijst')).toBe(true);
    expect(await page.isVisible('#register-resultaat')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('start on a filter page with its filter chosen, and clearing it shows the whole register', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/vragen/onderwerp/parkeren/1/`);
    await page.locator('form[data-registerfilter]').waitFor({ state: 'visible' });
    expect(await page.inputValue('#registerfilter-onderwerp')).toBe('parkeren');
    await page.click('[data-registerfilter-wissen]');
    await page.waitForFunction(() => /gevonden/.test(document.querySelector('[data-registerfilter-status]')?.textContent ?? ''));
    expect(await page.textContent('[data-registerfilter-status]')).toBe('134 sets vragen gevonden zonder filter.');
    await page.close();
  });
});
