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

const PLACEHOLDER = /\[VUL IN(?::[^\]]*)?\]/g;

export const hasPlaceholder = (text: string) => text.includes(PLACEHOLDER_MARK);

/** The text without its placeholders, spaces tidied; empty when nothing else was there. */
export function stripPlaceholders(text: string): string {
  return text
    .replace(PLACEHOLDER, '')
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

/** Strings of `value` without placeholders; a string that was only a placeholder becomes undefined, and is dropped from arrays. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!hasPlaceholder(value)) return value;
    return stripPlaceholders(value) || undefined;
  }
  if (Array.isArray(value)) return value.map(clean).filter((item) => item !== undefined);
  if (value && typeof value === 'object' && !(value instanceof Date) && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => {
      const cleaned = clean(item);
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
  const cleaned = clean(data) as BriefingData;
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
