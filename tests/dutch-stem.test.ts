import { describe, expect, it } from 'vitest';
import { dutchStem } from '../src/lib/formats/dutch-stem';
import { isRealMatch, matchedWords, queryTerms } from '../src/lib/publication/search-fallback';

describe('the Dutch stemmer Pagefind uses', () => {
  it('stems as Snowball does', () => {
    const cases: Record<string, string> = {
      woningen: 'woning',
      gemeentelijke: 'gemeent',
      gemeenten: 'gemeent',
      kinderen: 'kinder',
      aanbieders: 'aanbieder',
      mogelijkheden: 'mogelijk',
      lichamelijk: 'licham',
      opgaven: 'opgav',
      maan: 'man',
      jeugdzorg: 'jeugdzorg',
      doorbraakmethode: 'doorbraakmethod',
    };
    expect(Object.fromEntries(Object.keys(cases).map((word) => [word, dutchStem(word)]))).toEqual(cases);
  });
});

describe("telling a real match from Pagefind's fallback", () => {
  it('accepts a match on the word or another form of it', () => {
    expect(isRealMatch(queryTerms('doorbraakmethode'), matchedWords({ excerpt: 'met de <mark>doorbraakmethode</mark> een doorbraak' }))).toBe(true);
    expect(isRealMatch(queryTerms('woningen'), matchedWords({ excerpt: 'een <mark>woning</mark> voor' }))).toBe(true);
    expect(isRealMatch(queryTerms('Gemeentelijke'), ['gemeenten'])).toBe(true);
  });

  it('refuses the shorter word Pagefind falls back to', () => {
    expect(isRealMatch(queryTerms('doorbraakmethode'), matchedWords({ excerpt: 'van eerdere kabinetten <mark>door.</mark> De opdracht' }))).toBe(false);
    expect(isRealMatch(queryTerms('kangoeroewoning'), ['kangoeroe'])).toBe(false);
  });

  it('needs every word of the search, and reads the match locations too', () => {
    const fragment = { excerpt: '<mark>jeugdzorg</mark> in Almelo', content: 'Over jeugdzorg en wachttijden in Almelo', locations: [1, 3] };
    expect(matchedWords(fragment)).toEqual(['jeugdzorg', 'jeugdzorg', 'wachttijden']);
    expect(isRealMatch(queryTerms('jeugdzorg wachttijd'), matchedWords(fragment))).toBe(true);
    expect(isRealMatch(queryTerms('jeugdzorg wachtlijst'), matchedWords(fragment))).toBe(false);
  });

  it('leaves a quoted phrase alone: Pagefind searches it exactly', () => {
    expect(queryTerms('"de juiste basis"')).toEqual([]);
  });
});
