/**
 * A private person who wrote to the municipality is never named in the
 * archive. Their name is found where a letter puts it — the salutation and
 * the address block — by the same recogniser the check uses
 * (src/lib/content/privacy.ts), and every mention of it is taken out of the
 * text before anything is written; the letter's salutation is not carried over.
 */
import { privateNameMentions, spellingsOf, NAME_LEAD } from '../content/privacy';

/**
 * Names of private persons in the salutation ("Geachte heer Hümmels,") and the
 * address block ("De heer M. Hümmels"): each as written and as the letter
 * refers back to the person ("Hümmels"), longest first. `officeNames` are
 * office holders the letter names by right (its signatories, the council
 * member who asked).
 */
export function privateNames(salutation: string | undefined, address: ReadonlyArray<string>, officeNames: ReadonlyArray<string> = []): string[] {
  const names = new Set<string>();
  for (const mention of privateNameMentions([...address, salutation ?? ''].join('\n'), { officeNames, signature: true })) {
    for (const name of [mention.name, mention.familyName]) for (const spelling of spellingsOf(name)) names.add(spelling);
  }
  // A lone prefix ("De") would take every sentence that starts with it.
  return [...names].filter((n) => n.length > 2 && !/^(?:van|de|der|den|het|ter|ten)$/i.test(n)).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text without the names: "de heer Hümmels" and "Hümmels" both become
 * `who` ("de vraagsteller" for a resident, "de verzoeker" for a Woo
 * requester). Returns how many mentions were taken out.
 */
export function removeNames(text: string, names: ReadonlyArray<string>, who = 'de vraagsteller'): { text: string; removed: number } {
  if (!names.length) return { text, removed: 0 };
  let removed = 0;
  const alternatives = names.map(escapeRegExp).join('|');
  const pattern = new RegExp(`${NAME_LEAD}(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'gu');
  const result = text.replace(pattern, (_match, offset: number, whole: string) => {
    removed++;
    const sentenceStart = offset === 0 || /(?:^|[.!?]\s+|\n\s*|>\s*)$/.test(whole.slice(Math.max(0, offset - 4), offset));
    return sentenceStart ? who.charAt(0).toUpperCase() + who.slice(1) : who;
  });
  return { text: result, removed };
}
