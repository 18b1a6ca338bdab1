/** The machine-readable catalogue of all datasets (DCAT-AP-NL 3.0, JSON-LD), for open-data portals to harvest. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/content/archive';
import { loadDatasets } from '../../lib/datasets/load';
import { dcatCatalogue, type CitingBriefing } from '../../lib/publication/dcat';
import { loadSiteSettings } from '../../lib/content/site-settings';
import { url } from '../../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const root = new URL(url(''), site ?? 'https://raadsarchief.example').href;
  const archive = await getArchive();
  // Who sent each citing briefing, and when: the catalogue names them as creator and release date.
  const citations = new Map<string, CitingBriefing[]>(
    [...archive.citations].map(([id, briefings]) => [id, briefings.map((b) => ({ id: b.id, datum: b.data.datum, organisation: archive.organisations.get(b.data.organisatie) }))]),
  );
  const catalogue = dcatCatalogue({ datasets: [...loadDatasets().values()], site: loadSiteSettings(), root, citations });
  return new Response(`${JSON.stringify(catalogue, null, 2)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
