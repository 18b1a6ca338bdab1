/**
 * How a decision on a Woo or Wob request reads for a reader: the outcome in
 * the law's words, and each ground for withholding with what it protects, so
 * "5.1.2e" on a page says "eerbiediging van de persoonlijke levenssfeer".
 */
import type { WooDecision } from '../../schemas/briefing';

export const WOO_DECISION_LABELS: Readonly<Record<NonNullable<WooDecision['besluit']>, string>> = {
  openbaar: 'toegewezen: de informatie wordt openbaar gemaakt',
  'deels-openbaar': 'deels toegewezen: de informatie wordt gedeeltelijk openbaar gemaakt',
  'niet-openbaar': 'afgewezen: de informatie wordt niet openbaar gemaakt',
  'geen-documenten': 'geen documenten gevonden',
  'reeds-openbaar': 'de informatie was al openbaar',
  'buiten-behandeling': 'het verzoek is niet in behandeling genomen',
};

/** Short labels for filters and lists. */
export const WOO_DECISION_SHORT: Readonly<Record<NonNullable<WooDecision['besluit']>, string>> = {
  openbaar: 'Toegewezen',
  'deels-openbaar': 'Deels toegewezen',
  'niet-openbaar': 'Afgewezen',
  'geen-documenten': 'Geen documenten gevonden',
  'reeds-openbaar': 'Al openbaar',
  'buiten-behandeling': 'Niet in behandeling genomen',
};

/** Woo articles 5.1 and 5.2 (in force since 1 May 2022), by "article.lid.letter". */
const WOO_GROUNDS: Record<string, string> = {
  '5.1.1.a': 'de eenheid van de Kroon',
  '5.1.1.b': 'de veiligheid van de Staat',
  '5.1.1.c': 'vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens',
  '5.1.1.d': 'bijzondere persoonsgegevens',
  '5.1.1.e': 'identificatienummers, zoals het burgerservicenummer',
  '5.1.2.a': 'de betrekkingen van Nederland met andere staten en internationale organisaties',
  '5.1.2.b': 'de economische of financiële belangen van de overheid',
  '5.1.2.c': 'de opsporing en vervolging van strafbare feiten',
  '5.1.2.d': 'inspectie, controle en toezicht door bestuursorganen',
  '5.1.2.e': 'de eerbiediging van de persoonlijke levenssfeer',
  '5.1.2.f': 'concurrentiegevoelige bedrijfs- en fabricagegegevens',
  '5.1.2.g': 'de bescherming van het milieu',
  '5.1.2.h': 'de beveiliging van personen en bedrijven en het voorkomen van sabotage',
  '5.1.2.i': 'het goed functioneren van de overheid',
  '5.1.5': 'het voorkomen van onevenredige benadeling',
  '5.2': 'persoonlijke beleidsopvattingen in documenten voor intern beraad',
  '5.2.1': 'persoonlijke beleidsopvattingen in documenten voor intern beraad',
};

/** Wob articles 10 and 11 (until 1 May 2022). */
const WOB_GROUNDS: Record<string, string> = {
  '10.1.a': 'de eenheid van de Kroon',
  '10.1.b': 'de veiligheid van de Staat',
  '10.1.c': 'vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens',
  '10.1.d': 'bijzondere persoonsgegevens',
  '10.2.a': 'de betrekkingen van Nederland met andere staten en internationale organisaties',
  '10.2.b': 'de economische of financiële belangen van de overheid',
  '10.2.c': 'de opsporing en vervolging van strafbare feiten',
  '10.2.d': 'inspectie, controle en toezicht door bestuursorganen',
  '10.2.e': 'de eerbiediging van de persoonlijke levenssfeer',
  '10.2.f': 'het belang dat de geadresseerde er als eerste kennis van neemt',
  '10.2.g': 'het voorkomen van onevenredige bevoordeling of benadeling',
  '11': 'persoonlijke beleidsopvattingen in documenten voor intern beraad',
  '11.1': 'persoonlijke beleidsopvattingen in documenten voor intern beraad',
};

/**
 * A ground as letters write it — "5.1.2e", "5.1.2.e", "5.1, tweede lid, onder e",
 * "artikel 5.1 lid 2 sub e", "10.2.e" — as "5.1.2.e", or undefined.
 */
export function normaliseGround(written: string): string | undefined {
  const ordinals: Record<string, string> = { eerste: '1', tweede: '2', derde: '3', vierde: '4', vijfde: '5' };
  const text = written
    .toLowerCase()
    .replace(/^\s*(?:artikel|art\.?)\s*/, '')
    .replace(/\b(eerste|tweede|derde|vierde|vijfde)\s+lid\b/g, (_, word: string) => `lid ${ordinals[word]}`)
    .replace(/\b(?:wob|woo)\b/g, '')
    .trim();
  const match = /^(\d+)(?:\.(\d+))?(?:[\s,.]*(?:lid\s*)?(\d+))?(?:[\s,.]*(?:sub|onder|onderdeel)?\s*([a-z]))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, article, sub, lid, letter] = match;
  return [article, sub, lid, letter].filter(Boolean).join('.');
}

/** "5.1.2e" → "artikel 5.1, tweede lid, onder e Woo (de eerbiediging van de persoonlijke levenssfeer)". */
export function describeGround(written: string, law: WooDecision['wet']): string {
  const key = normaliseGround(written);
  const meaning = key ? (law === 'wob' ? WOB_GROUNDS : WOO_GROUNDS)[key] : undefined;
  if (!key || !meaning) return written;
  const parts = key.split('.');
  const article = law === 'woo' ? parts.slice(0, 2).join('.') : parts[0]!;
  const rest = law === 'woo' ? parts.slice(2) : parts.slice(1);
  const ordinal = ['', 'eerste', 'tweede', 'derde', 'vierde', 'vijfde'];
  const lid = rest[0] && /^\d$/.test(rest[0]) ? `, ${ordinal[Number(rest[0])]} lid` : '';
  const letter = rest.find((part) => /^[a-z]$/.test(part));
  return `artikel ${article}${lid}${letter ? `, onder ${letter}` : ''} ${law === 'woo' ? 'Woo' : 'Wob'} (${meaning})`;
}
