/**
 * The archive for machines: every briefing as JSON with its original,
 * attachments, datasets and related briefings, an index of all of them, and
 * feeds that say where they live and never invent a moment the source lacks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleBuild, type BuildResult } from './helpers/build';

let site: BuildResult;
const origin = 'https://raadsarchief.example';

beforeAll(async () => {
  site = await sampleBuild();
  if (site.status !== 0) throw new Error(`build failed:\n${site.output}`);
});

const json = (path: string) => JSON.parse(site.read(path));
/** The <item> of a feed whose <title> is `title`. */
const item = (feed: string, title: string) =>
  [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!).find((i) => i.includes(`<title>${title.replace(/&/g, '&amp;').replace(/'/g, '&apos;')}</title>`)) ?? '';

describe('briefings as JSON', () => {
  it('lists every briefing in an index, each with a link to its own JSON', () => {
    const index = json('stukken/index.json');
    expect(index.aantal).toBe(5);
    for (const entry of index.stukken) {
      expect(entry.json).toBe(`${origin}/stukken/${entry.id}.json`);
      expect(json(`stukken/${entry.id}.json`).titel).toBe(entry.titel);
    }
  });

  it('gives the organisation with CBS code and TOOI URI, the Woo category, and the date with its precision', () => {
    const letter = json('stukken/almelo-2025-motie-juiste-basis-jeugdzorg.json');
    expect(letter.organisatie).toMatchObject({ naam: 'Gemeente Almelo', gemeente: 'gm0141', cbsCode: 'GM0141', tooi: 'https://identifier.overheid.nl/tooi/id/gemeente/gm0141' });
    expect(letter.datum).toEqual({ waarde: '2025-07-15', precisie: 'dag' });
    expect(letter.wooinformatiecategorie).toBe('c_8c840238');
    expect(letter.webpaginalink).toBe(`${origin}/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/`);
    expect(letter.origineel).toMatchObject({ mediatype: 'application/pdf', formaat: 'PDF', url: `${origin}/stukken/almelo-2025-motie-juiste-basis-jeugdzorg/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend.pdf` });
    expect(letter.gerelateerdinformatieobjecten.map((r: { id: string }) => r.id)).toContain('almelo-2024-jeugdzorg-vragen-de-olde');
    expect(json('stukken/almelo-2024-jeugdzorg-vragen-de-olde.json').datum).toEqual({ waarde: null, precisie: 'onbekend' });
  });

  it('lists the original, the attachments with type and size, the one that is not public, and the datasets cited', () => {
    const note = json('stukken/twente-2013-regionale-samenwerking-jeugdzorg.json');
    expect(note.datum).toEqual({ waarde: '2013', precisie: 'jaar' });
    expect(note.organisatie.tooi).toBeUndefined();
    expect(note.origineel.omvang).toBeGreaterThan(1000);
    expect(note.bijlagen.map((b: { openbaar: boolean; formaat?: string }) => [b.openbaar, b.formaat])).toEqual([
      [false, undefined],
      [true, 'Excel'],
      [true, 'PDF'],
    ]);
    expect(note.bijlagen[1].mediatype).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(note.datasets.map((d: { id: string }) => d.id)).toContain('twente-tabel-1-jeugdigen-per-gemeente');
    expect(note.datasets[0].csv).toMatch(/^https:\/\/raadsarchief\.example\/data\/.+\.csv$/);
  });

  it('never names the resident who asked', () => {
    const answers = json('stukken/almelo-jeugdbescherming-vragen-inwoner.json');
    expect(answers.vragen.gesteldDoor).toMatch(/inwoner/);
  });
});

describe('feeds', () => {
  it('say where they are, link each channel to its own listing, and carry the original as enclosure', () => {
    const all = site.read('feed.xml');
    expect(all).toContain(`<atom:link href="${origin}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(all).toMatch(new RegExp(`<channel><title>[^<]+</title><description>[^<]+</description><link>${origin}/archief/</link>`));
    expect(item(all, "Uitvoering van de motie 'De juiste basis voor effectieve jeugdzorg' (Almelo)")).toMatch(
      /<enclosure url="https:\/\/raadsarchief\.example\/stukken\/almelo-2025-motie-juiste-basis-jeugdzorg\/almelo-2025-motie-juiste-basis-jeugdzorg-ondertekend\.pdf" length="\d+" type="application\/pdf"\/>/,
    );
    const motions = site.read('soort/motie-uitvoering/feed.xml');
    expect(motions).toContain(`<link>${origin}/soort/motie-uitvoering/</link>`);
    expect(motions).toContain(`<atom:link href="${origin}/soort/motie-uitvoering/feed.xml" rel="self"`);
    expect(site.read('soort/raadsinformatiebrief/feed.xml')).toContain(`<link>${origin}/soort/raadsinformatiebrief/</link>`);
  });

  it('give a briefing dated by year only that year, not a moment on 1 January', () => {
    const twente = item(site.read('feed.xml'), 'Regionale samenwerking in de jeugdzorg: notitie van de veertien Twentse gemeenten');
    expect(twente).toContain('<dc:date>2013</dc:date>');
    expect(twente).not.toContain('<pubDate>');
    const motion = item(site.read('feed.xml'), "Uitvoering van de motie 'De juiste basis voor effectieve jeugdzorg' (Almelo)");
    expect(motion).toContain('<pubDate>Tue, 15 Jul 2025 00:00:00 GMT</pubDate>');
  });
});
