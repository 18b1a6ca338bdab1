/**
 * A resident who wrote in, or who asked for information under the Woo, is a
 * private person and is never named. The schema
 * has no field for their name, but a name still slips in through the text: the
 * salutation ("Geachte heer Pietersen"), the addressee (`aan: De heer …`), or a
 * later mention anywhere in the archive. These are warnings, not errors: the
 * clerk decides, but is told each place the name appears.
 */
import type { ContentErrorDetails } from '../errors/content-error';

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

const PREFIX = "(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Hh]et|'[Tt]|[Ii]n|[Oo]p|[Uu]it)";
const NAME = `((?:[A-Z]\\.\\s?)*(?:${PREFIX}\\s+)*[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ'’]+)?)`;
/** "Geachte heer Pietersen", "Beste mevrouw De Vries", "aan: De heer J. van Dam", "de familie Bos". */
const INTRODUCTIONS = [
  new RegExp(`\\b(?:Geachte|Beste|Lieve)\\s+(?:heer|mevrouw|meneer|mw\\.?|dhr\\.?|familie)\\s+${NAME}`, 'g'),
  new RegExp(`\\b(?:[Dd]e heer|[Mm]evrouw|[Dd]hr\\.|[Mm]w\\.|[Dd]e familie)\\s+${NAME}`, 'g'),
];
/** Titles that follow "Geachte heer" without being a name. */
const NOT_A_NAME = /^(?:Burgemeester|Wethouder|Voorzitter|Griffier|Secretaris|Raadslid|Raadsleden|Leden|Directeur|Heer|Mevrouw|Of|En)$/;

/** The part of a name that identifies: "J. van der Berg" → "Berg", "De Vries" → "Vries". */
const surname = (name: string) => name.trim().split(/\s+/).pop()!.replace(/[.,;:]+$/, '');

export function privacyWarnings(briefings: PrivacyInput[]): ContentErrorDetails[] {
  const warnings: ContentErrorDetails[] = [];
  const officeSurnames = new Set(briefings.flatMap((b) => b.officeNames.map(surname)));
  const residents = new Map<string, { name: string; file: string; line: number }>();

  for (const briefing of briefings) {
    if (!PRIVATE_ADDRESSEE.has(briefing.type)) continue;
    briefing.text.split('\n').forEach((text, index) => {
      // "Geachte mevrouw X" also reads as "mevrouw X": one warning a line.
      let warned = false;
      for (const pattern of INTRODUCTIONS) {
        for (const match of text.matchAll(pattern)) {
          if (warned) break;
          const name = match[1]!;
          const last = surname(name);
          if (NOT_A_NAME.test(last) || officeSurnames.has(last) || last.length < 2) continue;
          if (!residents.has(last)) residents.set(last, { name, file: briefing.file, line: index + 1 });
          warned = true;
          warnings.push({
            file: briefing.file,
            line: index + 1,
            column: match.index + 1,
            message: `hier staat mogelijk de naam van ${briefing.type === 'woo-besluit' ? 'de verzoeker' : 'de inwoner die de vragen stelde'} (“${match[0]}”)`,
            hint: 'Een inwoner is een privépersoon en wordt niet bij naam genoemd. Schrijf bijvoorbeeld “De vraagsteller” of “Geachte heer/mevrouw”.',
          });
        }
      }
    });
  }
  if (residents.size === 0) return warnings;

  // The same name anywhere else in the archive, in any kind of briefing.
  const reported = new Set(warnings.map((w) => `${w.file}:${w.line}`));
  const pattern = new RegExp(`(?<![\\wÀ-ÿ])(${[...residents.keys()].map(escapeRegExp).join('|')})(?![\\wÀ-ÿ])`, 'g');
  for (const briefing of briefings) {
    briefing.text.split('\n').forEach((text, index) => {
      if (reported.has(`${briefing.file}:${index + 1}`)) return;
      const match = pattern.exec(text);
      pattern.lastIndex = 0;
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
 * heer Bosschaert", "De heer J. Bosschaert"), or undefined. A redaction code
 * in the name's place ("mevrouw 10.2.e") is no name, nor is a title.
 */
export function addresseeNameIn(opening: string): string | undefined {
  for (const pattern of INTRODUCTIONS) {
    for (const match of opening.matchAll(pattern)) {
      const name = match[1]!;
      if (!NOT_A_NAME.test(surname(name)) && surname(name).length >= 2) return name;
    }
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
