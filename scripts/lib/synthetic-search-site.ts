/**
 * A search index of a large archive without the build that large archive takes
 * (21 minutes at 100,000 letters): briefing pages written straight into a built
 * site, in the shape the site's briefing pages have for Pagefind (the
 * `data-pagefind-body` article, the hidden filter and meta spans, the letter's
 * heading, details and text), with records for the PDFs of raadsinformatie-
 * brieven the way src/lib/publication/search-records.ts makes them, then
 * indexed by the build's own code (`briefingPages`, `writeShardedIndex`).
 * The archive follows `npm run bench`: fifteen years, 2019 far larger, 15%
 * without a date, five organisations, the same words.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { close } from 'pagefind';
import { briefingPages, type BriefingFile, shardPagesTarget, type ShardedIndex, writeShardedIndex } from '../../src/integrations/search-index';
import { DOCUMENT_TYPES } from '../../src/schemas/document-types';
import { BIG_YEAR, BIG_YEAR_LETTERS, FIRST_YEAR, LAST_YEAR, ORGANISATIONS, random, TOPICS, UNDATED_SHARE, textOf } from './bench-words';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SyntheticSearchSite extends ShardedIndex {
  letters: number;
  files: number;
  writeMs: number;
}

/** Writes `count` briefing pages into the built site at `site` and indexes every briefing page in it. */
export async function writeSyntheticSearchSite(site: string, count: number, progress: (line: string) => void): Promise<SyntheticSearchSite> {
  const rand = random(20261204);
  const { pick, int, sentence, paragraph } = textOf(rand);

  const started = performance.now();
  const bigShare = Math.min(BIG_YEAR_LETTERS, Math.floor(count / 2)) / count;
  const files: BriefingFile[] = [];
  for (let n = 1; n <= count; n++) {
    const roll = rand();
    const type = roll < 0.04 ? 'rapportage' : roll < 0.14 ? 'raadsinformatiebrief' : roll < 0.2 ? 'motie-uitvoering' : roll < 0.26 ? 'schriftelijke-vragen' : rand() < 0.2 ? 'vragen-inwoner' : 'vragen-raadslid';
    const place = rand();
    const mayLackDate = type === 'raadsinformatiebrief' || type === 'vragen-raadslid' || type === 'vragen-inwoner';
    const year = place < bigShare ? BIG_YEAR : mayLackDate && place < bigShare + UNDATED_SHARE ? undefined : int(FIRST_YEAR, LAST_YEAR);
    const organisationId = pick(ORGANISATIONS);
    const organisation = organisationId === 'twente' ? 'Regio Twente' : `Gemeente ${organisationId}`;
    const subject = pick(TOPICS);
    const topics = [...new Set([pick(TOPICS), pick(TOPICS)])];
    const soort = DOCUMENT_TYPES[type].label;
    const id = `${organisationId}${year ? `-${year}` : ''}-${type}-${subject}-${n}`;
    const title = `${soort} ${n} over ${subject}`;
    const datum = year ? `${int(1, 28)} ${pick(MONTHS)} ${year}` : 'datum onbekend';
    const kenmerk = `UIT-${year ?? ''}${String(n).padStart(6, '0')}`;
    const filters: Record<string, string[]> = { soort: [soort], organisatie: [organisation], ...(year ? { jaar: [String(year)] } : {}), onderwerp: topics };
    const questions = type === 'rapportage' || type === 'raadsinformatiebrief' || type === 'motie-uitvoering' ? 0 : int(3, 10);
    const body = [
      `<p>${paragraph()}</p>`,
      ...Array.from({ length: questions }, (_, q) => `<h2 id="vraag-${q + 1}">Vraag ${q + 1}</h2><blockquote><p>${sentence()}</p></blockquote><p>${paragraph()}</p>`),
      ...(questions ? [] : ['Aanleiding', 'Kernboodschap', 'Stand van zaken'].map((heading) => `<h2>${heading}</h2><p>${paragraph()}</p><p>${paragraph()}</p>`)),
    ].join('');
    const html =
      `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escape(title)} · Raadsarchief</title></head><body>` +
      `<nav><a href="/">Raadsarchief</a> <a href="/archief/">Archief</a></nav><main id="inhoud"><article data-pagefind-body><div hidden data-pagefind-ignore>` +
      Object.entries(filters)
        .flatMap(([name, values]) => values.map((value) => `<span data-pagefind-filter="${name}">${escape(value)}</span>`))
        .join('') +
      `<span data-pagefind-meta="title">${escape(title)}</span><span data-pagefind-meta="soort">${escape(soort)}</span><span data-pagefind-meta="organisatie">${escape(organisation)}</span><span data-pagefind-meta="datum">${datum}</span></div>` +
      `<header class="ra-brief-kop"><p class="ra-brief-kop__soort">${escape(soort)}</p><h1>${escape(title)}</h1><dl class="ra-brief-kop__gegevens">` +
      `<div><dt>Afzender</dt><dd>${escape(organisation)}</dd></div><div><dt>Datum</dt><dd>${datum}</dd></div><div><dt>Kenmerk</dt><dd>${kenmerk}</dd></div></dl></header>` +
      `${body}</article></main><footer><p>Raadsarchief</p></footer></body></html>`;
    mkdirSync(join(site, 'stukken', id), { recursive: true });
    writeFileSync(join(site, 'stukken', id, 'index.html'), html);
    if (type === 'raadsinformatiebrief') {
      // The signed original and one or two attachments, each a record of its own with the letter's filters.
      const names = [`${id}-ondertekend.pdf`, ...Array.from({ length: int(1, 2) }, (_, a) => `${id}-bijlage-${a + 1}.pdf`)];
      names.forEach((file, i) => {
        const fileTitle = i === 0 ? `Origineel document: ${title}` : `Bijlage ${i}`;
        files.push({
          briefing: id,
          record: {
            url: `/stukken/${id}/${file}`,
            content: `${fileTitle}. ${sentence()} ${sentence()} ${sentence()}`,
            language: 'nl',
            meta: { title: fileTitle, soort, organisatie: organisation, datum, briefing: title, briefingUrl: `/stukken/${id}/`, fileRole: i === 0 ? 'origineel' : 'bijlage' },
            filters,
          },
        });
      });
    }
    if (n % 10_000 === 0) progress(`${n.toLocaleString('nl-NL')} pagina's geschreven`);
  }
  const writeMs = performance.now() - started;

  rmSync(join(site, 'pagefind'), { recursive: true, force: true });
  const pages = briefingPages(site);
  progress(`${pages.length.toLocaleString('nl-NL')} pagina's van stukken en ${files.length.toLocaleString('nl-NL')} bestanden indexeren …`);
  try {
    const index = await writeShardedIndex({ root: site, pages, files, target: shardPagesTarget() });
    return { ...index, letters: pages.length, files: files.length, writeMs };
  } finally {
    await close();
  }
}
