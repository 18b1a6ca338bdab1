/** The register of written questions as CSV for Dutch Excel. Rendered every build: open questions are counted to the build date. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/content/archive';
import { registerToCsv } from '../../lib/publication/register-download';
import { QUESTION_COLUMNS, questionRows } from '../../lib/site/questions';
import { questionsOf } from '../../lib/site/registers';
import { briefingUrl } from '../../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const sets = questionsOf(await getArchive());
  const absolute = (id: string) => new URL(briefingUrl(id), site).href;
  return new Response(registerToCsv(QUESTION_COLUMNS, questionRows(sets, absolute)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
