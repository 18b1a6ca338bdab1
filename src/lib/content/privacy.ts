/**
 * A resident who wrote in, or who asked for information under the Woo, is a
 * private person and is never named. The schema
 * has no field for their name, but a name still slips in through the text: the
 * salutation ("Geachte heer Pietersen"), the addressee (`aan: De heer …`), or a
 * later mention anywhere in the archive. These are warnings, not errors: the
 * clerk decides, but is told each place the name appears.
 *
 * The one recogniser of a private person's name lives here
 * (`privateNameMentions`): the check, the test of a signed original before it
 * is published, and the import all ask it, so what the import takes out is what
 * the check looks for.
 */
import { createHash } from 'node:crypto';
import type { ContentErrorDetails } from '../errors/content-error';
import type { CheckMemo } from './check-memo';

export interface PrivacyInput {
  file: string;
  /** Document type; only letters to a resident or a Woo requester introduce a private person's name. */
  type: string;
  /** The whole file, frontmatter included: all of it is published. */
  text: string;
  /** Names of office holders in this briefing (signatories, the council member who asked). */
  officeNames: string[];
}

/** Letters to a private person: a resident's questions answered, a requester's Woo request decided. */
const PRIVATE_ADDRESSEE = new Set(['vragen-inwoner', 'woo-besluit']);

/** Horizontal white space only: a name never runs on over the end of a line (the next line is an address, or the body). */
const H = '[^\\S\\n]';
/** "heer" matching "heer", "Heer" and "HEER": an address block in capitals is as common as one in small letters. */
const anyCase = (word: string) => word.replace(/\p{L}/gu, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`);
const BEFORE = '(?<![\\p{L}\\p{N}])';

/** How a letter titles a person: "heer", "mevrouw", "Mevr.", "Dhr.", "Fam.", "familie". */
const TITLE_WORD = `(?:${['mijnheer', 'meneer', 'heer', 'mevrouw', 'juffrouw', 'familie'].map(anyCase).join('|')}|(?:${['mevr', 'mw', 'mej', 'dhr', 'fam'].map(anyCase).join('|')})\\.?|${anyCase('hr')}\\.)`;
/** "heer/mevrouw", "heer of mevrouw", "heer en mevrouw". */
const TITLES = `${TITLE_WORD}(?:(?:${H}*\\/${H}*|${H}+(?:${anyCase('of')}|${anyCase('en')}|&)${H}+)${TITLE_WORD})?`;
/** Academic titles between the title and the name: "De heer mr. J. Bosschaert". */
const ACADEMIC = `(?:(?:${['drs', 'dr', 'mr', 'ir', 'ing', 'prof', 'ds', 'bc'].map(anyCase).join('|')})\\.${H}*)*`;
const INITIALS = `(?:\\p{Lu}\\p{Ll}{0,2}\\.${H}*)+`;
/** Tussenvoegsels: "van der", "de", "in 't", in any case. */
const PREFIX_WORDS = ['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', 'op', 'uit', 'la', 'le', 'du', 'da', 'di', 'von'];
const PREFIX = `(?:${PREFIX_WORDS.map(anyCase).join('|')}|['’][tT])`;
const PREFIXES = `(?:${PREFIX}${H}+)*`;
/** One part of a surname: "Bosschaert", "BOSSCHAERT", "d'Hondt", "O'Neill". */
const WORD = `(?:[dDlLoO]['’])?\\p{Lu}[\\p{L}'’]*`;
/** "Jansen-de Vries", "Smit-Van Dam". */
const SURNAME = `${WORD}(?:-${PREFIXES}${WORD})*`;
const GIVEN = `(?:(?!${PREFIX}${H})\\p{Lu}\\p{Ll}+${H}+){1,2}`;
/**
 * A name: initials or given names, tussenvoegsels, a surname. Given names only
 * when the name ends the line or a clause ("Beste Jan Jansen,"), so that "de
 * heer Jansen Zij…" does not make "Zij" a surname.
 */
const NAME = `${ACADEMIC}(?:${INITIALS})?(?:${GIVEN}${PREFIXES}${SURNAME}(?=${H}*(?:[,;:!?()<]|$))|${PREFIXES}${SURNAME})`;
/** What may stand before a name the import takes out: "de heer", "Mevr. dr.", "J.". Taken out with it, so no "de heer de vraagsteller" is left. */
export const NAME_LEAD = `(?:${BEFORE}(?:${anyCase('de')}${H}+)?${TITLES}${H}+)?${ACADEMIC}(?:${BEFORE}${INITIALS})?`;
const SALUTE = '(?:Geachte|GEACHTE|Hooggeachte|HOOGGEACHTE|Beste|BESTE|Lieve|LIEVE|Hallo|HALLO)';

/** "Geachte heer Pietersen", "Geachte J. Bosschaert", "Beste Jan Jansen". */
const SALUTATION_NAME = new RegExp(`${BEFORE}(${SALUTE})${H}+(?:(${TITLES})${H}+)?(${NAME})`, 'gmu');
/** "De heer J. van Dam", "Mevr. A. Bosschaert", "Dhr. Bosschaert", "Fam. Jansen", "DE HEER J. BOSSCHAERT". */
const TITLED_NAME = new RegExp(`${BEFORE}(?:${anyCase('de')}${H}+)?(${TITLES})${H}+(${NAME})`, 'gmu');
/** "t.a.v. J. Bosschaert". */
const FOR_ATTENTION = new RegExp(`${BEFORE}${anyCase('t')}\\.?${H}?${anyCase('a')}\\.?${H}?${anyCase('v')}\\.?${H}+()(${NAME})`, 'gmu');
/** An e-mail's header: "Van: Jan Jansen <…>", "Aan: Bosschaert, J.". */
const HEADER_NAME = new RegExp(`^${H}*(?:${['van', 'aan', 'from', 'to', 'cc', 'afzender'].map(anyCase).join('|')})${H}*:${H}*()(${NAME}(?:,${H}*${INITIALS})?)`, 'gmu');
/** An address block without a title: "J. Bosschaert" above "Kerkstraat 1" and "7600 AA Almelo". */
const ADDRESS_NAME = new RegExp(`^${H}*()(${INITIALS}${PREFIXES}${SURNAME})${H}*$`, 'u');
/** A street and number; a Postbus is an organisation's address, where its staff are named by right. */
const STREET = /^[^\S\n]*(?![Pp]ostbus\b)\p{Lu}[\p{L}.'’ -]*[^\S\n]\d+/u;
const POSTCODE = /^[^\S\n]*\d{4}[^\S\n]?[A-Z]{2}\b/;
/** The end of a letter: what follows is the signature, where office holders are named. */
const CLOSING = /^[^\S\n]*(?:met\s+(?:(?:de\s+)?meeste\s+)?(?:vriendelijke\s+groet(?:en)?|hoogachting)|hoogachtend|vriendelijke\s+groet(?:en)?)\b/im;

/** An office named right after a name ("J. Jansen, raadslid D66", "Korteland (burgemeester)") or on the address line below it: an office holder, named by right. */
const OFFICE = /^[^\S\n]*(?:[,(–-][^\S\n]*)?(?:raadslid|lid\s+van\s+de\s+(?:gemeente)?raad|fractievoorzitter|(?:raads)?fractie|wethouder|burgemeester|griffier|gemeentesecretaris|statenlid|gedeputeerde|commissaris\s+van\s+de\s+koning|minister|staatssecretaris)\b/i;

/** Words that follow a title or a salutation without being a name ("Geachte heer Burgemeester", "Beste inwoners"). */
const NOT_A_NAME = new Set(
  [
    'burgemeester', 'wethouder', 'wethouders', 'voorzitter', 'griffier', 'secretaris', 'gemeentesecretaris', 'raadslid', 'raadsleden', 'leden', 'lid', 'directeur', 'college',
    'heer', 'heren', 'mevrouw', 'meneer', 'mijnheer', 'dames', 'familie', 'of', 'en', 'gemeenteraad', 'raad', 'commissie', 'fractie', 'fractievoorzitter', 'minister', 'staatssecretaris',
    'gedeputeerde', 'gedeputeerden', 'statenleden', 'inwoner', 'inwoners', 'bewoner', 'bewoners', 'buurtbewoners', 'omwonenden', 'lezer', 'lezers', 'collega', "collega's", 'allen', 'iedereen',
    'ondernemer', 'ondernemers', 'ouders', 'verzoeker', 'verzoekster', 'vraagsteller', 'indiener', 'indieners', 'klant', 'relatie', 'deelnemer', 'deelnemers', 'geadresseerde', 'ontvanger',
    'gemeente', 'provincie', 'griffie', 'team', 'afdeling', 'info', 'loket', 'postbus', 'secretariaat', 'bestuurssecretariaat', 'klantcontact', 'servicepunt', 'stichting', 'vereniging',
    'bestuur', 'medewerker', 'medewerkers', 'ambtenaar', 'woo', 'wob', 'woo-loket', 'woo-coördinator', 'mensen', 'vrienden', 'buren', 'allemaal', 'vraag', 'vragen',
  ],
);

export interface NameMention {
  /** The words as the text has them: "Geachte heer Bosschaert", "DE HEER J. BOSSCHAERT". */
  text: string;
  /** Where they start in the text. */
  index: number;
  /** Whether a salutation names the person: how the letter addresses them. */
  salutation: boolean;
  /** The name without title: "J. Bosschaert", "Jan Jansen", "Van der Berg". */
  name: string;
  /** Without initials and given names: "Bosschaert", "Jansen", "Van der Berg". How a letter refers back to the person. */
  familyName: string;
  /** The part that identifies: "Bosschaert", "Berg". */
  surname: string;
}

const PARSE = new RegExp(`^${ACADEMIC}(${INITIALS})?((?:${GIVEN})?)(${PREFIXES}${SURNAME})(?:,${H}*${INITIALS})?$`, 'u');
const isPrefix = (word: string) => PREFIX_WORDS.includes(word.toLowerCase()) || /^['’]t$/i.test(word);

/** The part of a name that identifies: "J. van der Berg" → "Berg", "Jansen-de Vries" → "Vries". */
export const surnameOf = (name: string) => name.trim().replace(/,.*$/, '').split(/[\s-]+/).pop()!.replace(/[.,;:]+$/, '');

/** A name in capitals is written in ordinary letters elsewhere: "BOSSCHAERT" is also "Bosschaert", "VAN DER BERG" also "van der Berg". */
export function spellingsOf(name: string): string[] {
  if (/\p{Ll}/u.test(name) || !/\p{Lu}{2}/u.test(name)) return [name];
  const ordinary = name
    .toLowerCase()
    .replace(/(^|[\s-])([^\s-]+)/g, (_, before: string, word: string) => before + (isPrefix(word) ? word : word.replace(/^([dlo]['’])?(\p{L})/u, (_m, apostrophe: string | undefined, c: string) => (apostrophe ?? '') + c.toUpperCase())));
  return [name, ordinary, ordinary.charAt(0).toUpperCase() + ordinary.slice(1)].filter((n, i, all) => all.indexOf(n) === i);
}

export interface RecogniseOptions {
  /** Office holders in the letter (signatories, the council member who asked): named by right, never a private person. */
  officeNames?: ReadonlyArray<string>;
  /** Leave out what follows "Met vriendelijke groet": a letter's signature names office holders. */
  signature?: boolean;
}

interface Candidate {
  index: number;
  text: string;
  /** The name as matched, title and salutation left off. */
  name: string;
  salutation: boolean;
  /** Without a title a name needs initials or a given name ("strict"), or for "Beste Jan," to end the clause ("loose"). */
  untitled: 'strict' | 'loose' | false;
}

const found = (match: RegExpExecArray, salutation: boolean, untitled: Candidate['untitled']): Candidate => ({ index: match.index, text: match[0], name: match[match.length - 1]!, salutation, untitled });

/**
 * Every place the text names a private person: a salutation ("Geachte
 * mijnheer Bosschaert", "Geachte J. Bosschaert", "Beste Jan Jansen"), a title
 * ("Mevr. A. Bosschaert", "Dhr. Bosschaert", "Familie Jansen", "DE HEER J.
 * BOSSCHAERT"), "t.a.v.", an e-mail's Van:/Aan: line, or an address block with
 * initials. A redaction code ("mevrouw 10.2.e", "5.1.2e") is no name, nor is a
 * title ("Geachte heer burgemeester", "Geachte leden van de raad"), nor an
 * office holder the letter names.
 */
const officeSurnameSets = new WeakMap<readonly string[], Set<string>>();
/** The check passes the whole archive's office holders with every line: made into surnames once per list, not once per line. */
function officeSurnames(names: readonly string[]): Set<string> {
  let surnames = officeSurnameSets.get(names);
  if (!surnames) {
    surnames = new Set(names.filter(Boolean).map((name) => surnameOf(name).toLowerCase()));
    officeSurnameSets.set(names, surnames);
  }
  return surnames;
}

export function privateNameMentions(text: string, options: RecogniseOptions = {}): NameMention[] {
  const closing = options.signature ? CLOSING.exec(text) : null;
  const scope = closing ? text.slice(0, closing.index) : text;
  const candidates: Candidate[] = [];
  for (const match of scope.matchAll(SALUTATION_NAME)) {
    // "Geachte J. Bosschaert" names a person; "Geachte Raad" does not, nor does one capitalised word after "Geachte".
    candidates.push(found(match, true, match[2] ? false : /^(?:Geachte|Hooggeachte)$/i.test(match[1]!) ? 'strict' : 'loose'));
  }
  for (const match of scope.matchAll(TITLED_NAME)) candidates.push(found(match, false, false));
  for (const match of scope.matchAll(FOR_ATTENTION)) candidates.push(found(match, false, 'strict'));
  for (const match of scope.matchAll(HEADER_NAME)) candidates.push(found(match, false, 'strict'));
  const lines = scope.split('\n');
  let offset = 0;
  lines.forEach((line, i) => {
    const match = ADDRESS_NAME.exec(line);
    const below = lines.slice(i + 1, i + 3);
    if (match && STREET.test(below[0] ?? '') && POSTCODE.test(below[1] ?? '')) candidates.push({ index: offset + match.index, text: match[0], name: match[2]!, salutation: false, untitled: false });
    offset += line.length + 1;
  });

  if (candidates.length === 0) return [];
  const office = officeSurnames(options.officeNames ?? []);
  const mentions: NameMention[] = [];
  // Earliest first: "Geachte heer X" is one mention, not also "heer X".
  for (const candidate of candidates.sort((a, b) => a.index - b.index)) {
    const end = candidate.index + candidate.text.length;
    if (mentions.some((m) => candidate.index < m.index + m.text.length && m.index < end)) continue;
    const name = candidate.name.trim();
    const parts = PARSE.exec(name);
    if (!parts) continue;
    const initials = parts[1];
    const given = parts[2]!.trim();
    const family = parts[3]!.trim();
    if (candidate.untitled === 'strict' && !initials && !given && !name.includes(',')) continue;
    // "Beste Jan," names Jan; "Beste Wensen voor…" does not.
    if (candidate.untitled === 'loose' && !initials && !given && !/^[^\S\n]*(?:[,!:]|$)/m.test(scope.slice(end, end + 3))) continue;
    const words = `${given} ${family}`.split(/[\s-]+/).filter((w) => w && !isPrefix(w));
    if (!words.length || words.some((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    const surname = surnameOf(family);
    if (!candidate.salutation) {
      const lineEnd = scope.indexOf('\n', end);
      const nextLine = lineEnd < 0 ? '' : scope.slice(lineEnd + 1, scope.indexOf('\n', lineEnd + 1) < 0 ? undefined : scope.indexOf('\n', lineEnd + 1));
      if (OFFICE.test(scope.slice(end, lineEnd < 0 ? undefined : lineEnd)) || (nextLine.length <= 60 && OFFICE.test(nextLine))) continue;
    }
    if (surname.length < 2 || isPrefix(surname) || /^x+$/i.test(surname) || office.has(surname.toLowerCase())) continue;
    mentions.push({ text: candidate.text.trim(), index: candidate.index + (candidate.text.length - candidate.text.trimStart().length), salutation: candidate.salutation, name: name.replace(new RegExp(`^${ACADEMIC}`, 'u'), ''), familyName: family, surname });
  }
  return mentions;
}

export function privacyWarnings(briefings: PrivacyInput[], memo?: Pick<CheckMemo, 'get' | 'set'>): ContentErrorDetails[] {
  const warnings: ContentErrorDetails[] = [];
  const officeNames = briefings.flatMap((b) => b.officeNames);
  const residents = new Map<string, { name: string; file: string; line: number }>();
  // What a letter names depends on its text and on who holds office in the archive; unchanged, the memo knows.
  const officeDigest = memo ? createHash('sha256').update(officeNames.join('\n')).digest('hex') : '';
  const mentionsOf = (text: string): Array<[number, NameMention]> => {
    const known = memo?.get<Array<[number, NameMention]>>('privenamen', [officeDigest, text]);
    if (known) return known;
    const found: Array<[number, NameMention]> = [];
    text.split('\n').forEach((line, index) => {
      // "Geachte mevrouw X" also reads as "mevrouw X": one warning a line.
      const mention = privateNameMentions(line, { officeNames })[0];
      if (mention) found.push([index, mention]);
    });
    memo?.set('privenamen', [officeDigest, text], found);
    return found;
  };

  for (const briefing of briefings) {
    if (!PRIVATE_ADDRESSEE.has(briefing.type)) continue;
    for (const [index, mention] of mentionsOf(briefing.text)) {
      for (const spelling of spellingsOf(mention.surname)) if (!residents.has(spelling)) residents.set(spelling, { name: mention.name, file: briefing.file, line: index + 1 });
      warnings.push({
        file: briefing.file,
        line: index + 1,
        column: mention.index + 1,
        message: `hier staat mogelijk de naam van ${briefing.type === 'woo-besluit' ? 'de verzoeker' : 'de inwoner die de vragen stelde'} (“${mention.text}”)`,
        hint: 'Een inwoner is een privépersoon en wordt niet bij naam genoemd. Schrijf bijvoorbeeld “De vraagsteller” of “Geachte heer/mevrouw”.',
      });
    }
  }
  if (residents.size === 0) return warnings;

  // The same name anywhere else in the archive, in any kind of briefing.
  const reported = new Set(warnings.map((w) => `${w.file}:${w.line}`));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${[...residents.keys()].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  for (const briefing of briefings) {
    briefing.text.split('\n').forEach((text, index) => {
      if (reported.has(`${briefing.file}:${index + 1}`)) return;
      const match = pattern.exec(text);
      if (!match) return;
      const source = residents.get(match[1]!)!;
      warnings.push({
        file: briefing.file,
        line: index + 1,
        column: match.index + 1,
        message: `“${match[1]}” is mogelijk de naam van een inwoner (${source.file}:${source.line} noemt “${source.name}”)`,
        hint: 'Een inwoner is een privépersoon; noem de naam nergens in het archief. Gaat het om iemand anders met dezelfde naam, dan kunt u deze waarschuwing negeren.',
      });
    });
  }
  return warnings;
}

/** Letters to a private person: their original names them unless it is the redacted version. */
export const addressesPrivatePerson = (type: string) => PRIVATE_ADDRESSEE.has(type);

/**
 * The private person a letter's opening greets or addresses by name ("Geachte
 * heer Bosschaert", "De heer J. Bosschaert"), or undefined: the salutation's
 * name first, it is how the letter speaks to them. The signature is left out;
 * it names office holders.
 */
export function addresseeNameIn(opening: string, officeNames: ReadonlyArray<string> = []): string | undefined {
  const mentions = privateNameMentions(opening, { officeNames, signature: true });
  return (mentions.find((m) => m.salutation) ?? mentions[0])?.familyName;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
