/** Every dataset as JSON with its metadata: source, reference date, unit, licence, notes, disclosure control. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadKey } from '../../lib/cache-keys';
import { loadDatasets, type Dataset } from '../../lib/datasets';
import { datasetToJson } from '../../lib/open-data';
import { loadSiteSettings } from '../../lib/site';

export const getStaticPaths = (() => [...loadDatasets().values()].map((dataset) => ({ params: { id: dataset.id }, props: { dataset }, cacheKey: downloadKey(dataset) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetToJson((props as { dataset: Dataset }).dataset, loadSiteSettings()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
