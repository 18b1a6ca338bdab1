/**
 * The Snowball stemmer for Dutch (snowballstem.org, "dutch"), the one Pagefind
 * applies to the words it indexes and to the words searched for. The search
 * page needs it to tell a real match from Pagefind's fallback (see
 * src/lib/publication/search-fallback.ts).
 */
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è']);
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

const ACCENTS: Record<string, string> = { ä: 'a', ë: 'e', ï: 'i', ö: 'o', ü: 'u', á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/** R1 or R2: the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = Math.max(from, 0) + 1; i < word.length; i++) if (!isVowel(word[i]) && isVowel(word[i - 1])) return i + 1;
  return word.length;
}

export function dutchStem(input: string): string {
  let word = [...input.toLowerCase()].map((c) => ACCENTS[c] ?? c).join('');
  // Initial y, y after a vowel and i between vowels are consonants here.
  word = [...word]
    .map((c, i, all) => {
      if (c === 'y' && (i === 0 || isVowel(all[i - 1]))) return 'Y';
      if (c === 'i' && isVowel(all[i - 1]) && isVowel(all[i + 1])) return 'I';
      return c;
    })
    .join('');
  if (word.length < 3) return word.replace(/Y/g, 'y').replace(/I/g, 'i');

  // R2 is sought from where R1 starts before it is moved to leave at least three letters.
  const r1Start = regionAfter(word, 0);
  const r1 = Math.max(3, r1Start);
  const r2 = regionAfter(word, r1Start);
  const inR1 = (suffix: string) => word.length - suffix.length >= r1;
  const inR2 = (suffix: string) => word.length - suffix.length >= r2;
  const before = (suffix: string, n = 1) => word.slice(word.length - suffix.length - n, word.length - suffix.length);
  const undouble = () => {
    if (/(kk|dd|tt)$/.test(word)) word = word.slice(0, -1);
  };
  const validEnEnding = (suffix: string) => {
    const c = before(suffix);
    return c !== '' && !isVowel(c) && before(suffix, 3) !== 'gem';
  };
  const validSEnding = (suffix: string) => {
    const c = before(suffix);
    return c !== '' && !isVowel(c) && c !== 'j';
  };
  const removeEn = () => {
    for (const suffix of ['ene', 'en']) {
      if (word.endsWith(suffix)) {
        if (inR1(suffix) && validEnEnding(suffix)) {
          word = word.slice(0, -suffix.length);
          undouble();
        }
        return;
      }
    }
  };

  // Step 1
  if (word.endsWith('heden')) {
    if (inR1('heden')) word = `${word.slice(0, -5)}heid`;
  } else if (word.endsWith('ene') || word.endsWith('en')) removeEn();
  else if (word.endsWith('se') || word.endsWith('s')) {
    const suffix = word.endsWith('se') ? 'se' : 's';
    if (inR1(suffix) && validSEnding(suffix)) word = word.slice(0, -suffix.length);
  }

  // Step 2
  let eFound = false;
  const step2 = () => {
    if (word.endsWith('e') && inR1('e') && !isVowel(before('e')) && before('e') !== '') {
      word = word.slice(0, -1);
      eFound = true;
      undouble();
    }
  };
  step2();

  // Step 3a
  if (word.endsWith('heid') && inR2('heid') && before('heid') !== 'c') {
    word = word.slice(0, -4);
    if (word.endsWith('en')) removeEn();
  }

  // Step 3b
  if (word.endsWith('end') || word.endsWith('ing')) {
    const suffix = word.endsWith('end') ? 'end' : 'ing';
    if (inR2(suffix)) {
      word = word.slice(0, -3);
      if (word.endsWith('ig') && inR2('ig') && before('ig') !== 'e') word = word.slice(0, -2);
      else undouble();
    }
  } else if (word.endsWith('ig')) {
    if (inR2('ig') && before('ig') !== 'e') word = word.slice(0, -2);
  } else if (word.endsWith('lijk')) {
    if (inR2('lijk')) {
      word = word.slice(0, -4);
      step2();
    }
  } else if (word.endsWith('baar')) {
    if (inR2('baar')) word = word.slice(0, -4);
  } else if (word.endsWith('bar')) {
    if (inR2('bar') && eFound) word = word.slice(0, -3);
  }

  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant.
  if (/[^aeiouyè](aa|ee|oo|uu)[^aeiouyèI]$/.test(word)) word = `${word.slice(0, -2)}${word.slice(-1)}`;

  return word.replace(/Y/g, 'y').replace(/I/g, 'i');
}
