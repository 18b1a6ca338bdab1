/**
 * Who sent a letter: the municipality that the letterhead, the running
 * header, the return address, the signature or a web or e-mail address of
 * the municipality names — never one the text merely mentions. Names are
 * looked up in the official list of municipalities and matched against the
 * letter's date, so a letter keeps the sender of its own day: Haaren in 2019,
 * although Haaren joined other municipalities in 2021.
 */
import { commonName, existedOn, foldName, municipalities, nameIndex, type Municipality, type NameIndex } from './municipalities/municipalities';

export interface SenderClues {
  /** Lines of the letterhead (labels and values), the subject line included: it is skipped. */
  letterheadText?: string;
  /** The running header or footer of the pages after the first ("Gemeente Amsterdam Datum … Pagina 2 van 4"). */
  headerText?: string;
  /** The address block: the addressee, and often the return address above it. */
  addressLines?: ReadonlyArray<string>;
  /** "Aan: De raad van de gemeente Almelo". */
  aan?: string;
  /** The signature block: "Burgemeester en wethouders van Almelo, …". */
  signatureText?: string;
  /** The body: only a web or e-mail address of the municipality counts here, never a name. */
  bodyText?: string;
  /** The letter's date, as a day, month or year (2019-05-14, 2019-05, 2019). */
  date?: string;
}

export interface RecognisedSender {
  /** CBS code: GM0363. */
  code: string;
  /** "Gemeente Amsterdam". */
  naam: string;
  municipality: Municipality;
  /** Where the letter says so, in Dutch for the clerk: “retouradres “Postbus 202, 1000 AE Amsterdam””. */
  evidence: string[];
  /** The municipality's site as the letter gives it (https://www.amsterdam.nl). */
  website?: string;
}

export interface SenderReading {
  sender?: RecognisedSender;
  /** Why no sender was chosen, when the letter names one that does not fit. */
  notes: string[];
}

/** How much each kind of clue counts. A name in the body counts nothing. */
const WEIGHT = {
  header: 5,
  letterhead: 5,
  returnAddress: 4,
  signature: 4,
  domain: 4,
  logoLine: 4,
  postbox: 3,
  addressDomain: 3,
  addressGemeente: 3,
  placeAndDate: 3,
  letterheadMention: 2,
  bodyDomain: 2,
  addressee: 1,
} as const;

/** Lines of the letterhead that name someone else's municipality. */
const NOT_THE_SENDER = /^(?:onderwerp|betreft|uw\s+(?:kenmerk|brief|e-?mail|referentie)|aan\b|cc\b|afschrift|bijlage|kopie)/i;
const RETURN_ADDRESS = /^(?:retour(?:adres)?|afzender|post\s?adres|bezoek\s?adres|correspondentieadres)\b/i;
const POSTCODE = /(?<![\p{L}\d])[\dl]{4} ?[a-z]{2} +/gu;
const SENDER_PHRASES = /(?:burgemeester en wethouders|het college(?: van burgemeester en wethouders)?|de burgemeester|de gemeenteraad|de raad|het dagelijks bestuur|namens het college) van (?:de gemeente )?/g;
const DOMAIN = /(@|https?:\/\/|www\.)?(?:[a-z0-9-]+\.)*?([a-z0-9-]+)\.n[l1](?![a-z0-9])/gi;

/** What the clerk calls the address the town was read from. */
function addressKind(line: string, afterReturnLabel: boolean): string {
  if (afterReturnLabel || /^(?:retour|afzender)/i.test(line)) return 'retouradres';
  if (/^bezoek/i.test(line)) return 'bezoekadres';
  if (/post\s?adres|postbus|antwoordnummer|correspondentie/i.test(line)) return 'postadres';
  return 'adres in het briefhoofd';
}

const PLACE_AND_DATE = /^[^,]{2,40}, (?:\d{1,2} [a-z]+\.? \d{4}|\d{1,2} \d{1,2} \d{4})$/;

const quoteLine = (line: string) => `“${line.trim().replace(/\s+/g, ' ').slice(0, 90)}”`;
/** An address as evidence, from the post box or the postcode on: the line may start with a person's name. */
const quoteAddress = (line: string) => quoteLine(/(?:postbus|antwoordnummer)\s*\d.*$/i.exec(line)?.[0] ?? /[\dl]{4} ?[A-Z]{2} +\S.*$/.exec(line)?.[0] ?? line);
/** What the addressee line says about the council, not who else it names. */
const quoteCouncil = (line: string) => quoteLine(/(?:de )?(?:gemeente)?raad van .*$/i.exec(line)?.[0] ?? line);

/** The names that start exactly at `at` in a folded line. */
function nameAt(index: NameIndex, folded: string, at: number): string | undefined {
  index.sticky.lastIndex = at;
  return index.sticky.exec(folded)?.[0];
}

/** The names that follow each match of `anchor` in a folded line. */
function namesAfter(index: NameIndex, folded: string, anchor: RegExp): string[] {
  const names: string[] = [];
  for (const match of folded.matchAll(new RegExp(anchor.source, anchor.flags.includes('g') ? anchor.flags : `${anchor.flags}g`))) {
    const name = nameAt(index, folded, match.index + match[0].length);
    if (name) names.push(name);
  }
  return names;
}

export function readSender(clues: SenderClues, list: ReadonlyArray<Municipality> = municipalities()): SenderReading {
  const index = nameIndex(list);
  const scores = new Map<Municipality, { points: number; evidence: string[] }>();
  const notes = new Set<string>();
  const websites = new Map<Municipality, string>();

  /** Credits the one municipality of that name that existed on the letter's date. */
  const credit = (found: Municipality[] | undefined, points: number, evidence: string) => {
    if (!found?.length) return undefined;
    let fitting = clues.date ? found.filter((m) => existedOn(m, clues.date!)) : found;
    if (!clues.date && fitting.some((m) => !m.einde)) fitting = fitting.filter((m) => !m.einde);
    // The same municipality in two provinces (Vianen) is one sender.
    const codes = new Set(fitting.map((m) => m.code));
    if (codes.size !== 1) {
      if (codes.size > 1) notes.add(`${evidence} past bij meer dan één gemeente (${[...codes].join(', ')})`);
      if (!fitting.length && clues.date) {
        const gone = found[0]!;
        notes.add(`${commonName(gone)} (${gone.code}) bestond op ${clues.date} niet${gone.einde && gone.einde <= clues.date ? ` meer (tot ${gone.einde})` : ' (nog)'}`);
      }
      return undefined;
    }
    const municipality = fitting[0]!;
    const score = scores.get(municipality) ?? { points: 0, evidence: [] };
    score.points += points;
    if (!score.evidence.includes(evidence)) score.evidence.push(evidence);
    scores.set(municipality, score);
    return municipality;
  };
  const creditName = (name: string, points: number, evidence: string) => credit(index.byName.get(name), points, evidence);

  const creditDomains = (text: string, points: number) => {
    for (const match of text.matchAll(DOMAIN)) {
      const label = match[2]!.toLowerCase();
      const isMail = match[1] === '@';
      const shown = isMail ? `e-mailadres …@${label}.nl` : `webadres ${match[0].replace(/\.n1$/i, '.nl')}`;
      const municipality = credit(index.byDomain.get(label), points, shown);
      if (municipality && !isMail && match[1]) websites.set(municipality, `https://${match[0].replace(/^https?:\/\//i, '').replace(/\.n1$/i, '.nl').toLowerCase()}`);
    }
  };

  /** Postcode and town ("1000 AE Amsterdam") in a line: the town, if it is a municipality. */
  const postcodeTowns = (folded: string) => namesAfter(index, folded, POSTCODE);

  // The running header: "Gemeente Amsterdam  Datum …  Pagina 2 van 4".
  for (const line of (clues.headerText ?? '').split('\n').filter((l) => l.trim())) {
    const folded = foldName(line);
    for (const name of namesAfter(index, folded, /(?:^|\s)gemeente /g)) creditName(name, WEIGHT.header, `kop van de pagina’s ${quoteLine(line)}`);
    const first = nameAt(index, folded, 0);
    if (first && !/^gemeente /.test(folded)) creditName(first, WEIGHT.header - 1, `kop van de pagina’s ${quoteLine(line)}`);
    creditDomains(line, WEIGHT.domain);
  }

  // The letterhead, without the lines that name the addressee or the subject.
  const letterheadLines = (clues.letterheadText ?? '').split('\n').filter((l) => l.trim());
  let afterReturnLabel = false;
  for (const line of letterheadLines) {
    const trimmed = line.trim();
    if (NOT_THE_SENDER.test(trimmed)) {
      afterReturnLabel = false;
      continue;
    }
    const folded = foldName(trimmed);
    creditLetterheadLine(trimmed, folded, afterReturnLabel, WEIGHT.letterhead);
    afterReturnLabel = RETURN_ADDRESS.test(trimmed) && postcodeTowns(folded).length === 0;
  }

  function creditLetterheadLine(line: string, folded: string, afterReturnLabel: boolean, gemeenteWeight: number) {
    const atStart = /^(?:(?:college van burgemeester en wethouders|burgemeester en wethouders|de burgemeester|de gemeenteraad|de raad) van )?(?:de )?gemeente /.exec(folded);
    if (atStart) {
      const name = nameAt(index, folded, atStart[0].length);
      if (name) creditName(name, gemeenteWeight, `briefhoofd ${quoteLine(line)}`);
    } else if (index.byName.has(folded)) {
      creditName(folded, WEIGHT.logoLine, `briefhoofd ${quoteLine(line)}`);
    } else if (PLACE_AND_DATE.test(folded)) {
      // "Amsterdam, 3 april 2025": where the letter was written.
      const place = nameAt(index, folded, 0);
      if (place && folded.slice(place.length).startsWith(',')) creditName(place, WEIGHT.placeAndDate, `plaats en datum ${quoteLine(line)}`);
    } else {
      for (const name of namesAfter(index, folded, /(?:^|\s)gemeente /g)) creditName(name, WEIGHT.letterheadMention, `briefhoofd ${quoteLine(line)}`);
    }
    const towns = postcodeTowns(folded);
    if (towns.length) {
      const isReturn = afterReturnLabel || RETURN_ADDRESS.test(line);
      for (const town of towns) creditName(town, isReturn ? WEIGHT.returnAddress : WEIGHT.postbox, `${addressKind(line, afterReturnLabel)} ${quoteAddress(line)}`);
    }
    creditDomains(line, WEIGHT.domain);
  }

  // The address block: only the return address and the municipality's own lines; a resident's town is not the sender.
  const address = (clues.addressLines ?? []).map((l) => l.trim()).filter(Boolean);
  address.forEach((line, i) => {
    const folded = foldName(line);
    const previous = address[i - 1] ?? '';
    const isReturn = RETURN_ADDRESS.test(line) || (RETURN_ADDRESS.test(previous) && postcodeTowns(foldName(previous)).length === 0);
    const towns = postcodeTowns(folded);
    if (isReturn) for (const town of towns) creditName(town, WEIGHT.returnAddress, `${addressKind(RETURN_ADDRESS.test(line) ? line : previous, false)} ${quoteAddress(line)}`);
    else if (/postbus|antwoordnummer/i.test(line) || /postbus|antwoordnummer/i.test(previous)) for (const town of towns) creditName(town, WEIGHT.postbox - 1, `postadres ${quoteAddress(line)}`);
    const own = /^(?:de )?gemeente /.exec(folded);
    if (own) {
      const name = nameAt(index, folded, own[0].length);
      if (name) creditName(name, WEIGHT.addressGemeente, `briefhoofd ${quoteLine(line)}`);
    } else if (index.byName.has(folded) && i === 0) {
      creditName(folded, WEIGHT.addressGemeente, `briefhoofd ${quoteLine(line)}`);
    } else if (PLACE_AND_DATE.test(folded)) {
      const place = nameAt(index, folded, 0);
      if (place && folded.slice(place.length).startsWith(',')) creditName(place, WEIGHT.placeAndDate, `plaats en datum ${quoteLine(line)}`);
    }
    for (const name of namesAfter(index, folded, /(?:^|\s)(?:de )?(?:gemeente)?raad van (?:de gemeente )?/g)) creditName(name, WEIGHT.addressee, `geadresseerde ${quoteCouncil(line)}`);
    creditDomains(line, WEIGHT.addressDomain);
  });
  if (clues.aan) {
    const folded = foldName(clues.aan);
    for (const name of namesAfter(index, folded, /(?:^|\s)(?:de )?(?:gemeente)?raad van (?:de gemeente )?|(?:^|\s)gemeenteraad van /g)) creditName(name, WEIGHT.addressee, `geadresseerde ${quoteCouncil(clues.aan)}`);
  }

  // The signature: "Burgemeester en wethouders van Almelo".
  for (const line of (clues.signatureText ?? '').split('\n').filter((l) => l.trim())) {
    const folded = foldName(line);
    for (const name of namesAfter(index, folded, SENDER_PHRASES)) creditName(name, WEIGHT.signature, `ondertekening ${quoteLine(line)}`);
    const own = /^(?:de )?gemeente /.exec(folded);
    const name = own && nameAt(index, folded, own[0].length);
    if (name) creditName(name, WEIGHT.signature, `ondertekening ${quoteLine(line)}`);
    creditDomains(line, WEIGHT.addressDomain);
  }

  // The body: a municipality's web or e-mail address says who writes; its name may be anyone's.
  creditDomains(clues.bodyText ?? '', WEIGHT.bodyDomain);

  const ranked = [...scores].sort((a, b) => b[1].points - a[1].points);
  const [best, second] = ranked;
  if (!best) return { notes: [...notes] };
  if (second && second[1].points === best[1].points) {
    notes.add(`de brief noemt zowel ${commonName(best[0])} als ${commonName(second[0])} als afzender`);
    return { notes: [...notes] };
  }
  const [municipality, { evidence }] = best;
  const website = websites.get(municipality);
  return { sender: { code: municipality.code, naam: `Gemeente ${commonName(municipality)}`, municipality, evidence, ...(website ? { website } : {}) }, notes: [...notes] };
}

/** The municipality that sent the letter, or nothing when the letter does not say so clearly. */
export function recogniseSender(clues: SenderClues, list?: ReadonlyArray<Municipality>): RecognisedSender | undefined {
  return readSender(clues, list).sender;
}

export interface OrganisationName {
  key: string;
  naam: string;
  /** The CBS code of a municipality (gemeente). */
  cbsCode?: string;
}

/**
 * Whether an organisation can have sent a letter of `date`: a municipality
 * only while it existed; anything the list does not know, always.
 */
export function couldSendOn(organisation: OrganisationName, date: string | undefined, list: ReadonlyArray<Municipality> = municipalities()): boolean {
  if (!organisation.cbsCode || !date) return true;
  const periods = list.filter((m) => m.code === organisation.cbsCode);
  return !periods.length || periods.some((m) => existedOn(m, date));
}

/** The organisation in content/organisaties/ that the letter names, when exactly one fits. */
export function findOrganisation(text: string, organisations: ReadonlyArray<OrganisationName>): string | undefined {
  const names = (o: OrganisationName) => [o.naam, o.naam.replace(/^(?:gemeente|de)\s+/i, ''), o.key.replace(/-/g, ' ')].filter((n) => n.length > 2);
  const found = organisations.filter((o) => names(o).some((name) => new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu').test(text)));
  return found.length === 1 ? found[0]!.key : undefined;
}
