/**
 * The signature block at the end of a letter: on whose behalf, and who signed
 * in which office. Only office holders are taken; a name is kept only next
 * to its office.
 */
import { OFFICE_ROLES, type OfficeHolder } from '../../schemas/briefing';
import { blockText, type Block } from './blocks';

const GREETING = /^(?:met vriendelijke groet(?:en)?|hoogachtend|met (?:hartelijke|collegiale) groet(?:en)?|namens (?:het college|deze)|burgemeester en wethouders van|het college van burgemeester en wethouders)/i;
const ROLE = new RegExp(`^(?:de |het |uw )?(gemeentesecretaris|loco-secretaris|locoburgemeester|${OFFICE_ROLES.join('|')})\\b[,.]?(?:\\s+(?:van|voor)\\s+[^,]+)?[,.]?\\s*(.*)$`, 'i');
const NAMENS = /^(?:namens\s+)?(?:(?:het college van )?burgemeester en wethouders(?: van [\p{L} -]+)?|de (?:gemeente)?raad van [\p{L} -]+|het college(?: van [\p{L} -]+)?|het dagelijks bestuur(?: van [\p{L} -]+)?)[,.]?$/iu;
const TITLES = "(?:(?:[Dd]rs?|[Mm]r|[Ii]r|[Ii]ng|[Pp]rof|[Dd]r)\\.\\s*)*";
const PREFIXES = "(?:(?:van|de|der|den|ter|ten|te|het|in 't|van de|van der|van den)\\s+)*";
/** "J.H. Dijkstra", "mr. drs. A. de Boer", "R.T.A. Korteland". */
const INITIALS_NAME = `${TITLES}(?:[A-Z]\\.\\s?){1,5}${PREFIXES}[A-Z][\\p{L}'’]+(?:-[A-Z][\\p{L}'’]+)?`;
/** "Femke Halsema": only next to an office, where nothing else can stand. */
const FULL_NAME = `${TITLES}[A-Z][\\p{Ll}'’]+(?:-[A-Z][\\p{Ll}'’]+)?\\s+${PREFIXES}[A-Z][\\p{Ll}'’]+(?:-[A-Z][\\p{Ll}'’]+)?`;
const PERSON = new RegExp(`^(?:${INITIALS_NAME}|${FULL_NAME})$`, 'u');
const PERSONS = new RegExp(`${INITIALS_NAME}`, 'gu');
/** Words that make a line something other than a person's name. */
const NOT_A_NAME = /\b(?:gemeente|college|raad|burgemeester|wethouder|secretaris|griffier|groet|hoogachtend|namens|bijlage|postbus|pagina|datum)\b/i;
export interface Signature {
  namens?: string;
  personen: OfficeHolder[];
  /** Index of the first block of the signature: everything from here on is not body text. */
  start: number;
}

/** The lines of a block in reading order; a signature table is read column by column. */
function linesOf(block: Block): string[] {
  if (block.kind !== 'table') return blockText(block).split('\n');
  const width = Math.max(...block.rows.map((r) => r.length));
  const lines: string[] = [];
  for (let column = 0; column < width; column++) for (const row of block.rows) lines.push(...(row[column] ?? '').split('\n'));
  return lines;
}

const ROLES = new RegExp(`(?:de |het |uw )?(gemeentesecretaris|loco-secretaris|locoburgemeester|${OFFICE_ROLES.join('|')})\\b[,.]?\\s*`, 'gi');
/** "J.H.  Dijkstra" → "J.H. Dijkstra"; "J. H. Dijkstra" keeps its initials together. */
const normaliseName = (name: string) => name.replace(/\s+/g, ' ').replace(/[,.]$/, (c) => (c === '.' && /\b[A-Z]\.$/.test(name) ? c : '')).replace(/^((?:[A-Z]\.)+)\s+(?=[A-Z]\.)/, '$1').trim();

const roleName = (role: string): OfficeHolder['functie'] => {
  const lower = role.toLowerCase();
  if (lower.includes('secretaris')) return 'secretaris';
  if (lower.includes('burgemeester')) return 'burgemeester';
  return lower as OfficeHolder['functie'];
};

/** Reads the signature from the end of the body, if the letter has one. */
export function readSignature(blocks: ReadonlyArray<Block>): Signature | undefined {
  // The greeting is looked for from the end: "met vriendelijke groet" can also stand in a quoted e-mail.
  let start = -1;
  for (let i = blocks.length - 1; i >= 0 && i >= blocks.length - 12; i--) {
    const block = blocks[i]!;
    const first = linesOf(block)[0]?.trim() ?? '';
    if ((GREETING.test(first) && first.length < 80) || (block.kind === 'table' && linesOf(block).some((l) => ROLE.test(l.trim())))) start = i;
  }
  if (start < 0) return undefined;
  const lines = blocks.slice(start).flatMap(linesOf).map((l) => l.trim()).filter(Boolean);
  const signature: Signature = { personen: [], start };
  // An office and its holder's name stand in either order: the office above the name, or the name above the office.
  const openOffices: OfficeHolder[] = [];
  const waitingNames: string[] = [];
  const addName = (name: string) => {
    const office = openOffices.shift();
    if (office) office.naam = name;
    else waitingNames.push(name);
  };
  const addOffice = (functie: OfficeHolder['functie'], naam?: string) => {
    const office: OfficeHolder = { functie };
    signature.personen.push(office);
    if (naam) office.naam = naam;
    else if (waitingNames.length) office.naam = waitingNames.shift()!;
    else openOffices.push(office);
  };
  for (const line of lines) {
    if (/^(?:met vriendelijke groet|hoogachtend|met (?:hartelijke|collegiale) groet|namens deze)/i.test(line)) continue;
    if (!signature.namens && NAMENS.test(line)) {
      signature.namens = line.replace(/^namens\s+/i, '').replace(/[,.]$/, '').replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
      continue;
    }
    // Two columns read as one line: "de secretaris,   de burgemeester," or "J.H. Dijkstra   R.T.A. Korteland".
    const roles = [...line.matchAll(ROLES)];
    if (roles.length > 1 && line.replace(ROLES, '').trim() === '') {
      for (const role of roles) addOffice(roleName(role[1]!));
      continue;
    }
    const persons = [...line.matchAll(PERSONS)];
    if (persons.length > 1 && line.replace(PERSONS, '').trim() === '') {
      for (const person of persons) addName(normaliseName(person[0]));
      continue;
    }
    const role = ROLE.exec(line);
    if (role) {
      // "De burgemeester, R.T.A. Korteland", "Wethouder Jeugd, A. Bakker".
      const rest = role[2]?.trim() ?? '';
      const name = [rest, rest.split(/,\s*/).pop() ?? ''].find((candidate) => candidate && PERSON.test(candidate) && !NOT_A_NAME.test(candidate));
      addOffice(roleName(role[1]!), name && normaliseName(name));
      continue;
    }
    // "J.H. Dijkstra, secretaris".
    const trailing = new RegExp(`^(.+?),?\\s+(?:de\\s+)?(${OFFICE_ROLES.join('|')}|gemeentesecretaris|loco-secretaris|locoburgemeester)\\b[,.]?$`, 'i').exec(line);
    if (trailing && PERSON.test(trailing[1]!.replace(/,$/, '').trim())) {
      signature.personen.push({ functie: roleName(trailing[2]!), naam: normaliseName(trailing[1]!.replace(/,$/, '').trim()) });
      continue;
    }
    if (PERSON.test(line) && !NOT_A_NAME.test(line)) addName(normaliseName(line));
  }
  return signature;
}
