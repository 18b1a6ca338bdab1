/** The machine-readable catalogue of all datasets (DCAT-AP-NL fields, JSON-LD). */
import type { APIRoute } from 'astro';
import { loadDatasets } from '../../lib/datasets/load';
import { dcatCatalogue } from '../../lib/publication/open-data';
import { loadSiteSettings } from '../../lib/content/site-settings';
import { url } from '../../lib/site/urls';

export const GET: APIRoute = ({ site }) => {
  const root = new URL(url(''), site ?? 'https://raadsarchief.example').href;
  const catalogue = dcatCatalogue({ datasets: [...loadDatasets().values()], site: loadSiteSettings(), root });
  return new Response(`${JSON.stringify(catalogue, null, 2)}\n`, { headers: { 'Content-Type': 'application/ld+json; charset=utf-8' } });
};
