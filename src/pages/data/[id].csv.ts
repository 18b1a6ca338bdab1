/** Every dataset as CSV for Dutch Excel (UTF-8 with BOM, semicolons, decimal comma). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadKey } from '../../lib/site/cache-keys';
import { loadDatasets, type Dataset } from '../../lib/datasets/load';
import { datasetToCsv } from '../../lib/publication/open-data';

export const getStaticPaths = (() => [...loadDatasets().values()].map((dataset) => ({ params: { id: dataset.id }, props: { dataset }, cacheKey: downloadKey(dataset) }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(datasetToCsv((props as { dataset: Dataset }).dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
