/** Every dataset as JSON with its metadata: source, reference date, unit, licence, notes, disclosure control. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadKey } from '../../lib/site/cache-keys';
import { loadDatasets, type Dataset } from '../../lib/datasets/load';
import { datasetToJson } from '../../lib/publication/open-data';
import { loadSiteSettings } from '../../lib/content/site-settings';

export const getStaticPaths = (() => [...loadDatasets().values()].map((dataset) => ({ params: { id: dataset.id }, props: { dataset }, cacheKey: downloadKey(dataset) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetToJson((props as { dataset: Dataset }).dataset, loadSiteSettings()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
