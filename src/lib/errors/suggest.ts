/**
 * "Bedoelt u …?": the nearest known name to a mistyped one, so a clerk who
 * wrote data-tabel or parkeren-centrum is pointed at data-table or
 * parkeren-centrum-2024 instead of at a list.
 */

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name closest to `name`, when it is close enough to be a typo or a shortened form. */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    const score = lower.startsWith(wanted) || wanted.startsWith(lower) ? 0.5 : distance(wanted, lower);
    if (score <= Math.max(2, Math.floor(wanted.length / 4)) && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** "Bedoelt u "x"? " or nothing. */
export const didYouMean = (name: string, known: Iterable<string>) => {
  const match = closest(name, known);
  return match ? `Bedoelt u "${match}"? ` : '';
};
