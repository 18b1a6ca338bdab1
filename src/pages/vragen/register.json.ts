/** The register of written questions as JSON, with the term and the date open questions were counted to. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/content/archive';
import { loadSiteSettings } from '../../lib/content/site-settings';
import { registerToJson } from '../../lib/publication/register-download';
import { buildDate } from '../../lib/site/build-date';
import { QUESTION_COLUMNS, questionRows } from '../../lib/site/questions';
import { answerTerm, questionsOf } from '../../lib/site/registers';
import { briefingUrl } from '../../lib/site/urls';

export const GET: APIRoute = async ({ site }) => {
  const sets = questionsOf(await getArchive());
  const settings = loadSiteSettings();
  const absolute = (id: string) => new URL(briefingUrl(id), site).href;
  const json = registerToJson(
    {
      titel: 'Register schriftelijke vragen',
      beschrijving: 'Elke set schriftelijke vragen: wie ze stelde, wanneer, de antwoordbrief, het aantal dagen en het oordeel tegen de beantwoordingstermijn. Dagen alleen waar beide datums op de dag bekend zijn.',
      beantwoordingstermijnDagen: answerTerm(),
      standOp: buildDate().iso,
      licentie: settings.licentie,
      uitgever: settings.uitgever,
    },
    QUESTION_COLUMNS,
    questionRows(sets, absolute),
  );
  return new Response(json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
