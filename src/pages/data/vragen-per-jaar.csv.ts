/**
 * The figures per year of the register of written questions, as CSV like every dataset:
 * the chart on /vragen/ links here. Computed from the register at build time, so no cache key.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/content/archive';

import { datasetToCsv } from '../../lib/publication/open-data';
import { buildDate } from '../../lib/site/build-date';
import { questionFiguresDataset } from '../../lib/site/question-figures';
import { questionFiguresPerYear } from '../../lib/site/questions';
import { answerTerm, questionsOf } from '../../lib/site/registers';

export const GET: APIRoute = async () => {
  const dataset = questionFiguresDataset(questionFiguresPerYear(questionsOf(await getArchive())), answerTerm(), buildDate());
  if (!dataset) return new Response('\uFEFF', { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  return new Response(datasetToCsv(dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
