/**
 * What the synthetic archives of the benchmarks are made of: organisations,
 * topics and the words of their letters, and a seeded random generator, so
 * `npm run bench` and `npm run bench:search -- --nagebootst` write the same
 * kind of text and the same run twice writes the same archive.
 */

/** Deterministic pseudo-random numbers, so two runs build the same archive. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export const ORGANISATIONS = ['almelo', 'almere', 'enschede', 'hengelo', 'twente'];
export const TOPICS = ['jeugdzorg', 'wmo', 'parkeren', 'wonen', 'onderwijs', 'armoede', 'veiligheid', 'sport', 'cultuur', 'financien'];
export const WORDS =
  'de het een gemeente raad college brief vraag antwoord jeugdzorg wijkteam inwoners beleid kosten budget uitvoering motie rapportage cijfers verbetering samenwerking aanbieders wachttijd norm onderzoek afspraken regio toezicht kwaliteit'.split(
    ' ',
  );

/** One year far larger than the rest, as a large city's, or a year an archive was imported in full. */
export const BIG_YEAR = 2019;
export const BIG_YEAR_LETTERS = 5_000;
/** Letters whose date is unknown, as in an imported archive: together they are the undated search shard. */
export const UNDATED_SHARE = 0.15;
/** Forty years of history, as a digitised archive reaches back, up to the current year: a new letter lands in a year the archive already has. */
export const FIRST_YEAR = 1986;
export const LAST_YEAR = 2026;

/** Sentences and paragraphs of benchmark letters, drawn from `rand`: the same words in every benchmark. */
export function textOf(rand: () => number) {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const sentence = () => {
    const words = Array.from({ length: int(8, 18) }, () => pick(WORDS));
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  return { pick, int, sentence, paragraph: () => Array.from({ length: int(2, 5) }, sentence).join(' ') };
}
