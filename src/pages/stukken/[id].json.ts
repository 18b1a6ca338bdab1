/** Every briefing as JSON: /stukken/<id>.json (see src/lib/publication/briefing-json.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, type Briefing } from '../../lib/content/archive';
import { briefingJson } from '../../lib/publication/briefing-json';
import { briefingPageKey } from '../../lib/site/cache-keys';

export const getStaticPaths = (async () => {
  const archive = await getArchive();
  // The JSON holds what the page shows, so it changes when the page does.
  return archive.briefings.map((briefing) => ({ params: { id: briefing.id }, props: { briefing }, cacheKey: briefingPageKey(archive, briefing) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await getArchive();
  const json = briefingJson(archive, (props as { briefing: Briefing }).briefing, site!);
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
