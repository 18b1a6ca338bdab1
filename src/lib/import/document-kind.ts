/**
 * Not every file in a real archive's folder is a letter: a Woo decision comes
 * with the e-mails it releases, its inventory list, and sometimes the notice
 * that announced it. Those are told apart here by what their first lines say,
 * so the import never makes a letter of them: they become an attachment of
 * their decision, or are reported with the reason.
 */
import { parsePartialDate, type PartialDate } from '../../schemas/partial-date';
import { privateNameMentions } from '../content/privacy';
import { formatPartialDate } from '../formats/dates';
import { blockText, type Block } from './blocks';
import { parseDutchDate } from './letterhead';

export type DocumentKind = 'brief' | 'e-mail' | 'inventarislijst' | 'bekendmaking';

export const KIND_LABELS: Readonly<Record<Exclude<DocumentKind, 'brief'>, string>> = {
  'e-mail': 'een e-mail',
  inventarislijst: 'een inventarislijst',
  bekendmaking: 'een bekendmaking',
};

/** The first lines of a document as text, tables and lists included. */
function openingLines(blocks: ReadonlyArray<Block>, count: number): string[] {
  return blocks
    .flatMap((block) => blockText(block).split('\n'))
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, count);
}

export function documentKind(blocks: ReadonlyArray<Block>): DocumentKind {
  const lines = openingLines(blocks, 15);
  // An e-mail printout starts with its header: from whom and when it was sent; a letter has no "Van:" and "Verzonden:".
  const from = lines.some((line) => /^(?:van|from)\s*:/i.test(line));
  const sent = lines.some((line) => /^(?:verzonden|sent|verstuurd)\s*:/i.test(line));
  if (from && sent) return 'e-mail';
  const top = lines.slice(0, 5).join('\n');
  if (/^inventaris(?:lijst)?\b/im.test(top) || /\binventarislijst\b/i.test(lines[0] ?? '')) return 'inventarislijst';
  const greets = lines.some((line) => /^(?:geachte|beste|hooggeachte)\b/i.test(line));
  if (!greets && /^(?:bekendmaking|kennisgeving|officiële bekendmaking)\b/im.test(top)) return 'bekendmaking';
  return 'brief';
}

/**
 * A title for the attachment: "Inventarislijst", "E-mail van 3 maart 2021".
 * The title is published, the file perhaps not: an e-mail's subject line
 * ("RE: vraag van Jan Jansen") and its sender are left out, and its date is
 * taken only as a date.
 */
export function attachmentTitle(kind: Exclude<DocumentKind, 'brief'>, blocks: ReadonlyArray<Block>): string {
  const lines = openingLines(blocks, 15);
  const field = (label: RegExp) => lines.find((line) => label.test(line))?.replace(label, '').trim();
  if (kind === 'e-mail') {
    const sent = parseDutchDate(field(/^(?:verzonden|sent|verstuurd|datum|date)\s*:\s*/i) ?? '');
    return `E-mail${sent ? ` van ${formatPartialDate(parsePartialDate(sent) as PartialDate)}` : ''}`;
  }
  if (kind === 'inventarislijst') return 'Inventarislijst';
  const first = lines[0]?.slice(0, 120);
  return first && !privateNameMentions(first).length ? first : 'Bekendmaking';
}

/** Whether the document names a private person anywhere (an e-mail's Van: line, a salutation, a signature): then it is not published as it is. */
export const namesPrivatePerson = (blocks: ReadonlyArray<Block>) => privateNameMentions(blocks.map(blockText).join('\n')).length > 0;
