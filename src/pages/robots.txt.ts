/**
 * robots.txt: everything may be indexed; points at the sitemap, and the
 * Woo-index at its sitemap index per information category (the harvester reads
 * the indexes from here, never the sitemaps).
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../lib/content/archive';
import { wooIndexSitemapIndexes } from '../lib/publication/diwoo';
import { siteOrigin } from '../lib/site/origin';
import { url } from '../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? siteOrigin();
  const woo = wooIndexSitemapIndexes({ ...(await getArchive()), site: origin }).map((address) => `Sitemap: ${address}\n`);
  const body = `User-agent: *\nAllow: /\n\nSitemap: ${new URL(url('sitemap-index.xml'), origin).href}\n${woo.length ? `\n# Woo-index (DiWoo): een sitemapindex per informatiecategorie\n${woo.join('')}` : ''}`;
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
