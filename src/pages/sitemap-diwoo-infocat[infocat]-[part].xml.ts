/**
 * The DiWoo sitemaps of each information category: every document with its
 * DiWoo metadata, at most 50,000 (and 50 MB) a file. See
 * src/lib/publication/diwoo.ts.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { createHash } from 'node:crypto';
import { getArchive } from '../lib/content/archive';
import { archiveWooIndexFiles } from '../lib/publication/diwoo';
import { assertSiteOrigin, siteOrigin } from '../lib/site/origin';

export const getStaticPaths = (async () => {
  const { sitemaps } = archiveWooIndexFiles({ ...(await getArchive()), site: siteOrigin() });
  // The file is made here already (to split it at the limits), so its own bytes are the key.
  return sitemaps.map(({ category, part, xml }) => ({
    params: { infocat: category.infocat, part: String(part) },
    props: { xml },
    cacheKey: createHash('sha256').update(xml).digest('base64url'),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  assertSiteOrigin(site);
  return new Response((props as { xml: string }).xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
