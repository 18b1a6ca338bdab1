/**
 * Pagefind's fallback, and how the search page undoes it. When no word in an
 * index starts with a searched word, Pagefind searches the longest indexed word
 * the searched word starts with instead ("door" for "doorbraakmethode"). With
 * one index that only happens for a word the whole archive lacks; with the index
 * in slices (one per year) it happens in every year that lacks the word, and
 * those near matches then rank above the real ones. A slice's results are real
 * when the words its best result matched stem to the searched words, the way
 * Pagefind stems them.
 */
import { dutchStem } from '../formats/dutch-stem';

/** The searched words as Pagefind splits them; a quoted phrase is searched exactly and never falls back. */
export function queryTerms(query: string): string[] {
  if (/^\s*".+"\s*$/.test(query)) return [];
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** The words a result matched: those Pagefind marks in its excerpt and those at its match locations. */
export function matchedWords(fragment: { excerpt: string; content?: string; locations?: number[] }): string[] {
  const words = [...fragment.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!);
  if (fragment.content && fragment.locations) {
    const content = fragment.content.split(/\s+/);
    for (const at of fragment.locations) if (content[at]) words.push(content[at]!);
  }
  return words.map((w) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}

/** Whether every searched word is matched for real: some matched word's stem starts with the searched word's stem. */
export function isRealMatch(terms: readonly string[], words: readonly string[]): boolean {
  const stems = words.map(dutchStem);
  return terms.every((term) => {
    const stem = dutchStem(term);
    return stems.some((s) => s.startsWith(stem)) || words.some((w) => w.startsWith(stem));
  });
}
