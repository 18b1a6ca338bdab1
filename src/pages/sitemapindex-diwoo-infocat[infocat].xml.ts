/**
 * The Woo-index's way in, one per information category: a sitemap index listing
 * that category's DiWoo sitemaps. robots.txt names each; see
 * src/lib/publication/diwoo.ts for what is offered.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { getArchive } from '../lib/content/archive';
import { archiveWooIndexFiles } from '../lib/publication/diwoo';
import { assertSiteOrigin, siteOrigin } from '../lib/site/origin';

export const getStaticPaths = (async () => {
  const { indexes } = archiveWooIndexFiles({ ...(await getArchive()), site: siteOrigin() });
  // The file is made here already, so its own bytes are the key: nothing it shows can change without changing the key.
  return indexes.map(({ category, xml }) => ({ params: { infocat: category.infocat }, props: { xml }, cacheKey: createHash('sha256').update(xml).digest('base64url') }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  assertSiteOrigin(site);
  return new Response((props as { xml: string }).xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
