/** The index of all briefings as JSON: /stukken/index.json, with a link to each briefing's own JSON. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/content/archive';
import { briefingIndexJson } from '../../lib/publication/briefing-json';

export const GET: APIRoute = async ({ site }) =>
  new Response(`${JSON.stringify(briefingIndexJson(await getArchive(), site!), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
