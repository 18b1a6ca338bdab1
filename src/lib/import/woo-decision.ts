/**
 * A decision on a Woo or Wob request, as the letter says it: what was asked,
 * when the request came in, what was decided, the grounds cited and, for a
 * partial decision, its number. Only what the letter says is taken; the
 * requester is a private person and is never read.
 */
import type { WooDecision } from '../../schemas/briefing';
import { normaliseGround } from '../site/woo-decisions';
import { parseDutchDate } from './letterhead';

export interface WooReading {
  verzoek?: string;
  ontvangen?: string;
  besluit?: WooDecision['besluit'];
  gronden: string[];
  wet: WooDecision['wet'];
  deelbesluit?: number;
}

/** "Woo-verzoek", "informatieverzoek", "verzoek om openbaarmaking", "openbaarmakingsverzoek": each asks the municipality to make documents public. */
const ABOUT_A_REQUEST = /\b(?:wo[ob]-?verzoek|(?:informatie|openbaarmakings?)-?verzoek|verzoek\s+(?:om|tot)\s+(?:informatie|openbaarmaking)|wet\s+open\s+overheid|wet\s+openbaarheid\s+van\s+bestuur|\(?wo[ob]\)?)\b/i;
const A_DECISION = /\b(?:besluit|beslissing|besloten|beslis|deelbesluit)\b/i;

/** A Woo or Wob decision letter: it is about a request for information and it decides. */
export function isWooDecision(onderwerp: string | undefined, body: string): boolean {
  const opening = `${onderwerp ?? ''}\n${body.slice(0, 1500)}`;
  return ABOUT_A_REQUEST.test(opening) && (A_DECISION.test(onderwerp ?? '') || /\b(?:(?:ik|wij|we)\s+(?:heb|hebben)\s+besloten|besluit\b|deelbesluit)/i.test(body));
}

/** The first phrase after "over", "inzake", … in a sentence about the request, cut at the sentence's end. */
function subjectOfRequest(text: string): string | undefined {
  const about = /(?:verzoek|besluit|informatie|documenten|openbaarmaking)[^.?!\n]{0,80}?\b(?:over|inzake|betreffende|met betrekking tot|aangaande|omtrent|m\.b\.t\.)\s+([^.;:?!\n(]{3,140})/i.exec(text);
  if (!about) return undefined;
  const subject = about[1]!
    .replace(/\s+(?:en|die|dat|welke)\s+(?:u|uw|wij|ik)\b.*$/i, '')
    .replace(/\s+(?:ontvangen|ingediend|gedaan)\b.*$/i, '')
    .replace(/[\s,]+$/, '')
    .trim();
  return subject.length >= 3 ? subject : undefined;
}

const OUTCOMES: ReadonlyArray<readonly [RegExp, WooDecision['besluit']]> = [
  [/\bgeen\s+(?:(?:relevante|onder\s+uw\s+verzoek\s+vallende)\s+)?(?:documenten|informatie|stukken)\s+(?:zijn\s+)?(?:aangetroffen|gevonden|berusten|aanwezig)|\bberusten\s+geen\s+documenten/i, 'geen-documenten'],
  [/\b(?:buiten\s+behandeling|niet\s+in\s+behandeling)\b/i, 'buiten-behandeling'],
  [/\b(?:gedeeltelijk|deels|grotendeels)\s+(?:openbaar|toe\s+te\s+wijzen|in\s+te\s+willigen|toegewezen)/i, 'deels-openbaar'],
  [/\b(?:reeds|al)\s+openbaar\b/i, 'reeds-openbaar'],
  [/\b(?:af\s+te\s+wijzen|afgewezen|niet\s+openbaar\s+(?:te\s+)?ma(?:ken|ak)|weiger)/i, 'niet-openbaar'],
  [/\b(?:toe\s+te\s+wijzen|in\s+te\s+willigen|(?:volledig\s+)?openbaar\s+(?:te\s+)?ma(?:ken|ak))/i, 'openbaar'],
];

const GROUND = /\b(?:artikel\s+)?(5\.1(?:[.,]?\s*(?:lid\s*)?[12](?:[.,]?\s*(?:sub|onder)?\s*[a-i])?|[.,]?\s*(?:eerste|tweede|vijfde)\s+lid(?:,?\s*onder\s+[a-i])?)|5\.2|10(?:[.,]?\s*(?:lid\s*)?[12](?:[.,]?\s*(?:sub|onder)?\s*[a-g])|[.,]?\s*(?:eerste|tweede)\s+lid(?:,?\s*onder\s+[a-g])?)|11(?:\.1)?(?=\s+(?:van\s+de\s+)?Wob))\b/gi;

/** The day the Woo replaced the Wob. */
const WOO_IN_FORCE = '2022-05-01';

/**
 * Woo or Wob. What the letter cites wins: the Woo by name makes it a Woo
 * decision whatever its date says. The date decides only when the law is not
 * named, or both are ("de Wob is vervangen door de Woo"), and only when the
 * whole of what it says lies on one side of 1 May 2022: "2022-04-30" and
 * "2021" are before it, but "2022" or "2022-05" may be after — read as text
 * they would sort before "2022-05-01" and make any 2022 decision a Wob one.
 */
function lawOf(text: string, letterDate: string | undefined): WooDecision['wet'] {
  const woo = /\bWoo\b|wet open overheid/i.test(text);
  const wob = /\bWob\b|openbaarheid van bestuur/i.test(text);
  if (woo && !wob) return 'woo';
  if (wob && !woo) return 'wob';
  // The last day the date could mean: a year ends on 31 December, a month on its 31st at most (as text, "-31" is late enough).
  const lastDay = !letterDate ? undefined : /^\d{4}$/.test(letterDate) ? `${letterDate}-12-31` : /^\d{4}-\d{2}$/.test(letterDate) ? `${letterDate}-31` : letterDate;
  return lastDay && lastDay < WOO_IN_FORCE ? 'wob' : 'woo';
}

export function readWooDecision(onderwerp: string | undefined, body: string, decisionSection: string, letterDate: string | undefined): WooReading {
  const text = `${onderwerp ?? ''}\n${body}`;
  const verzoek = subjectOfRequest(onderwerp ?? '') ?? subjectOfRequest(body);
  // "Op 25 november 2020 hebben wij uw verzoek ontvangen", "Bij e-mail van 3 maart 2021 heeft u verzocht", "uw verzoek van …".
  const requestSentence = body.split(/(?<=[.!?])\s+/).find((sentence) => /\bverzo(?:ek|cht)\b/i.test(sentence) && /\b(?:ontvangen|van|verzocht|ingediend|gedateerd)\b/i.test(sentence) && parseDutchDate(sentence));
  const ontvangen = requestSentence && parseDutchDate(requestSentence);
  const where = decisionSection || body;
  const besluit = OUTCOMES.find(([pattern]) => pattern.test(where))?.[1] ?? OUTCOMES.find(([pattern]) => pattern.test(body))?.[1];
  const gronden = [...new Set([...text.matchAll(GROUND)].map((match) => normaliseGround(match[1]!.replace(/\s+/g, ' ')) ?? match[1]!))];
  const wet = lawOf(text, letterDate);
  const part = /\b(?:deelbesluit\s+(\d{1,2})|(\d{1,2})e\s+deelbesluit)\b/i.exec(text);
  return { verzoek, ontvangen, besluit, gronden, wet, ...(part ? { deelbesluit: Number(part[1] ?? part[2]) } : {}) };
}
