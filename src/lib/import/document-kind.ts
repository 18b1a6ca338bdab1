/**
 * Not every file in a real archive's folder is a letter: a Woo decision comes
 * with the e-mails it releases, its inventory list, and sometimes the notice
 * that announced it. Those are told apart here by what their first lines say,
 * so the import never makes a letter of them: they become an attachment of
 * their decision, or are reported with the reason.
 */
import { blockText, type Block } from './blocks';

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

/** A title for the attachment: "Inventarislijst", "E-mail van 3 maart 2021 over …". */
export function attachmentTitle(kind: Exclude<DocumentKind, 'brief'>, blocks: ReadonlyArray<Block>): string {
  const lines = openingLines(blocks, 15);
  const field = (label: RegExp) => lines.find((line) => label.test(line))?.replace(label, '').trim();
  if (kind === 'e-mail') {
    const subject = field(/^(?:onderwerp|subject)\s*:\s*/i);
    const sent = field(/^(?:verzonden|sent|verstuurd)\s*:\s*/i);
    return `E-mail${sent ? ` van ${sent.replace(/\s+\d{1,2}:\d{2}.*$/, '')}` : ''}${subject ? `: ${subject.replace(/^(?:re|fw|fwd|antw|doorst)\s*:\s*/i, '')}` : ''}`;
  }
  if (kind === 'inventarislijst') return 'Inventarislijst';
  return lines[0]?.slice(0, 120) ?? 'Bekendmaking';
}
