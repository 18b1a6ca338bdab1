/**
 * What a briefing publishes while it still holds the template's or the
 * import's placeholders (`[VUL IN: …]`): never the placeholder itself. An
 * optional field that is still a placeholder is left out; a placeholder inside
 * a text is cut from it; a briefing whose title, asker or motion is
 * still a placeholder is a draft and is not published at all. `npm run check`
 * lists each of them for review, so the clerk sees what waits.
 */
import type { BriefingData } from '../../schemas/briefing';
import { PLACEHOLDER_MARK } from './body-check';

export const hasPlaceholder = (text: string) => text.includes(PLACEHOLDER_MARK);

/** Part of a text that is a placeholder: `[start, end)`. */
export interface PlaceholderSpan {
  start: number;
  end: number;
}

/**
 * Where the placeholders in `text` are: from `[VUL IN` (with a backslash that
 * escapes it) through its closing bracket, brackets inside it counted, so
 * `[VUL IN: zie [1]]` is one placeholder and the closing bracket may be on a
 * later line of the same text. One that is never closed runs to the end of its
 * line (`unclosed: 'line'`, for text that is read line by line, such as a
 * paragraph) or of the whole text (`'text'`, for a field of the frontmatter):
 * a clerk who forgot the `]` still publishes nothing of it.
 */
export function placeholderSpans(text: string, unclosed: 'line' | 'text' = 'text'): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(PLACEHOLDER_MARK, from);
    if (at === -1) return spans;
    let depth = 0;
    let end = -1;
    for (let i = at; i < text.length; i++) {
      if (text[i] === '[') depth++;
      else if (text[i] === ']' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    if (end === -1) {
      const lineEnd = unclosed === 'line' ? text.indexOf('\n', at) : -1;
      end = lineEnd === -1 ? text.length : lineEnd;
    }
    spans.push({ start: at > 0 && text[at - 1] === '\\' ? at - 1 : at, end });
    from = end;
  }
}

/**
 * `text` without the parts in `spans`. A space left before a cut is dropped
 * when a space or a punctuation mark follows it, so "De wethouder [VUL IN:
 * naam] meldt" reads "De wethouder meldt"; the text's own edges are kept.
 */
function cutSpans(text: string, spans: readonly PlaceholderSpan[]): string {
  let result = '';
  let from = 0;
  for (const { start, end } of spans) {
    let kept = text.slice(from, start);
    if (/[ \t,.;:!?)]/.test(text.charAt(end))) kept = kept.replace(/[ \t]+$/, '');
    result += kept;
    from = end;
  }
  return result + text.slice(from);
}

/** A text inside a larger one (a text node of a paragraph, a code span): its placeholders cut, unclosed ones to the end of the line, its edges untouched. */
export function cutPlaceholders(text: string): string {
  return hasPlaceholder(text) ? cutSpans(text, placeholderSpans(text, 'line')) : text;
}

/** The text without its placeholders, spaces tidied; empty when nothing else was there. */
export function stripPlaceholders(text: string): string {
  return cutSpans(text, placeholderSpans(text, 'text'))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '');
}

export interface Publishable {
  /** The data as it is published; undefined for a draft. */
  data?: BriefingData;
  /** For a draft: the fields that are still a placeholder and keep it offline. */
  missing: string[];
}

/** Strings of `value` without placeholders; a string that was only a placeholder becomes undefined, and is dropped from arrays and objects. */
export function withoutPlaceholders(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!hasPlaceholder(value)) return value;
    return stripPlaceholders(value) || undefined;
  }
  if (Array.isArray(value)) return value.map(withoutPlaceholders).filter((item) => item !== undefined);
  if (value && typeof value === 'object' && !(value instanceof Date) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => {
      const cleaned = withoutPlaceholders(item);
      return cleaned === undefined ? [] : [[key, cleaned]];
    }));
  }
  return value;
}

/**
 * The briefing as the site shows it. Cheap for the usual briefing without
 * placeholders: its data is returned as it is.
 */
export function publishable(data: BriefingData): Publishable {
  if (!hasPlaceholder(JSON.stringify(data))) return { data, missing: [] };
  const cleaned = withoutPlaceholders(data) as BriefingData;
  const missing: string[] = [];
  if (!cleaned.titel) missing.push('titel');
  const asker = cleaned.vragen?.gesteldDoor as Record<string, unknown> | undefined;
  const askerKind = data.vragen?.gesteldDoor.soort;
  if (asker && (askerKind === 'raadslid' || askerKind === 'organisatie') && !asker.naam) missing.push('vragen.gesteldDoor.naam');
  if (asker && askerKind === 'fractie' && !asker.fractie) missing.push('vragen.gesteldDoor.fractie');
  if (data.motie && (!cleaned.motie?.titel || !cleaned.motie.verzoeken?.length)) missing.push(!cleaned.motie?.titel ? 'motie.titel' : 'motie.verzoeken');
  if (missing.length) return { missing };
  // An attachment keeps its place in the list, under a neutral name, until the clerk gives it its title.
  cleaned.bijlagen = data.bijlagen.map((attachment, index) => ({ ...attachment, titel: (attachment.titel && stripPlaceholders(attachment.titel)) || `Bijlage ${index + 1}`, ...(attachment.opmerking && hasPlaceholder(attachment.opmerking) ? { opmerking: stripPlaceholders(attachment.opmerking) || undefined } : {}) }));
  // A commitment without its "what" cannot be followed.
  cleaned.toezeggingen = (cleaned.toezeggingen ?? []).filter((commitment) => commitment.wat && commitment.id);
  if (cleaned.bron && !cleaned.bron.omschrijving) delete cleaned.bron;
  return { data: cleaned, missing: [] };
}
