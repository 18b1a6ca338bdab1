/**
 * A private person who wrote to the municipality is never named in the
 * archive. Their name is found where a letter puts it — the salutation and
 * the address block — and every mention of it is taken out of the text
 * before anything is written; the letter's salutation is not carried over.
 */

const TITLE = /^(?:de\s+)?(?:heer|mevrouw|meneer|mw\.?|mevr\.?|dhr\.?|familie|fam\.)\s+/i;
const NAME = /((?:[A-Z]\.\s?)*(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|[Ii]n 't|'t)\s+)*[A-ZÀ-Ý][\p{Ll}'’]+(?:-[A-ZÀ-Ý][\p{Ll}'’]+)?)/u;

/** Names of private persons in the salutation ("Geachte heer Hümmels,") and the address block ("De heer M. Hümmels"). */
export function privateNames(salutation: string | undefined, address: ReadonlyArray<string>): string[] {
  const names = new Set<string>();
  const candidates = [salutation?.replace(/^(?:Geachte|Beste|Lieve|Hooggeachte)\s+/, '').replace(/[,:!]\s*$/, ''), ...address].filter((l): l is string => !!l);
  for (const line of candidates) {
    const titled = TITLE.exec(line.trim());
    if (!titled) continue;
    const name = NAME.exec(line.trim().slice(titled[0].length).replace(/\s+en\s+.*$/, ''));
    if (!name || /^(?:Burgemeester|Wethouder|Voorzitter|Griffier|Secretaris|Raadslid|Leden|Directeur)$/i.test(name[1]!)) continue;
    names.add(name[1]!.trim());
  }
  // The surname alone is how a letter refers back to a person ("mevrouw Hümmels", "Hümmels").
  for (const name of [...names]) {
    const surname = name.replace(/^(?:[A-Z]\.\s?)+/, '').trim();
    if (surname.length > 2) names.add(surname);
  }
  // A lone prefix ("De") would take every sentence that starts with it.
  return [...names].filter((n) => n.length > 2 && !/^(?:van|de|der|den|het|ter|ten)$/i.test(n)).sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text without the names: "de heer Hümmels" and "Hümmels" both become
 * "de vraagsteller". Returns how many mentions were taken out.
 */
export function removeNames(text: string, names: ReadonlyArray<string>): { text: string; removed: number } {
  if (!names.length) return { text, removed: 0 };
  let removed = 0;
  const alternatives = names.map(escapeRegExp).join('|');
  const pattern = new RegExp(`(?:\\b(?:[Dd]e\\s+)?(?:heer|mevrouw|meneer|familie|dhr\\.|mw\\.)\\s+)?(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, 'gu');
  const result = text.replace(pattern, (_match, offset: number, whole: string) => {
    removed++;
    const sentenceStart = offset === 0 || /(?:^|[.!?]\s+|\n\s*|>\s*)$/.test(whole.slice(Math.max(0, offset - 4), offset));
    return sentenceStart ? 'De vraagsteller' : 'de vraagsteller';
  });
  return { text: result, removed };
}
