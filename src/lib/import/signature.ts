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
const PERSON = /^(?:[A-Z]\.\s?){1,5}(?:(?:van|de|der|den|ter|ten|te|het)\s+)*[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?$|^(?:drs?\.|mr\.|ir\.|ing\.|prof\.)\s/u;

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
  let open: OfficeHolder | undefined;
  for (const line of lines) {
    if (/^(?:met vriendelijke groet|hoogachtend|met (?:hartelijke|collegiale) groet|namens deze)/i.test(line)) continue;
    if (!signature.namens && NAMENS.test(line)) {
      signature.namens = line.replace(/^namens\s+/i, '').replace(/[,.]$/, '').replace(/^(\p{Ll})/u, (c) => c.toUpperCase());
      continue;
    }
    const role = ROLE.exec(line);
    if (role) {
      open = { functie: roleName(role[1]!) };
      const name = role[2]?.trim();
      if (name && PERSON.test(name)) open.naam = name;
      signature.personen.push(open);
      continue;
    }
    // "J.H. Dijkstra, secretaris" or a name under its office.
    const trailing = new RegExp(`^(.+?),\\s*(?:de\\s+)?(${OFFICE_ROLES.join('|')}|gemeentesecretaris)\\b`, 'i').exec(line);
    if (trailing && PERSON.test(trailing[1]!.trim())) {
      signature.personen.push({ functie: roleName(trailing[2]!), naam: trailing[1]!.trim() });
      open = undefined;
      continue;
    }
    if (open && !open.naam && PERSON.test(line)) {
      open.naam = line.replace(/\s+/g, ' ').replace(/^((?:[A-Z]\.)+)\s+(?=[A-Z]\.)/, '$1');
      continue;
    }
  }
  return signature;
}
