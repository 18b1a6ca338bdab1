/**
 * The layout of a PDF letter read from its lines (page-text.ts), the same for
 * the text layer and for OCR: furniture off the pages (page-furniture.ts), the
 * letterhead's fields from its side column or table (letterhead-fields.ts),
 * and the body as headings, lists and paragraphs.
 *
 * A PDF has lines, not paragraphs. A paragraph ends at a wider gap, where
 * the next line's first word would still have fitted on the line, where the
 * type changes (a bold heading), or where a line starts like a list item, a
 * label or a greeting; it runs on across a page break. Tables cannot be told
 * from text reliably, so they stay text; the Word file gives them as tables.
 */
import { escapeMarkdown, type Block, type ListBlock, type ReadLetter, type TableBlock } from './blocks';
import { bodyColumn, placedLines, sameRow, type BodyColumn, type PlacedLine } from './layout-lines';
import { findFurniture, readFacts } from './page-furniture';
import { fieldLabel, readFields } from './letterhead-fields';
import { parseDutchDate, SALUTATION } from './letterhead';
import type { PageText } from './page-text';

/** One row of the body: the lines MuPDF or OCR gave for one baseline, left to right. */
interface Row {
  pieces: PlacedLine[];
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  page: number;
  ocr: boolean;
  column: BodyColumn;
}

const GREETING = /^(?:met vriendelijke groet(?:en)?|hoogachtend|met (?:hartelijke|collegiale) groet(?:en)?)\b/i;
const OFFICE = /^(?:de |het )?(?:secretaris|burgemeester|wethouder|griffier|gemeentesecretaris|loco-?secretaris|locoburgemeester|voorzitter)\b[,.]?$/i;
const NUMBER_ITEM = /^(\d{1,2})[.)]\s+(?=\S)/;
const LETTER_ITEM = /^([a-z]|ii|iii|iv|vi|vii|viii|ix)[.)]\s+(?=\S)/;
/** Bullets, including the private-use characters of the Symbol and Wingdings fonts. */
const BULLET_ITEM = /^(?:[•▪◦·●○■□►‣⁃∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf06e\uf0a8]\s*|[-–—*]\s+)(?=\S)/u;
/**
 * Lines that begin a block of their own, whatever the layout says. Case
 * matters: "antwoord" or "de burgemeester" can start a wrapped line mid-sentence.
 */
const STARTS_BLOCK = /^(?:(?:Ons |Uw )?[Kk]enmerk\s*:|Datum\s*:|Onderwerp\s*:|Betreft\s*:|Bijlagen?\s*:|Aan:|Geachte|Beste|Met vriendelijke groet|Hoogachtend|Namens\b|Vraag\s*\d+|Antwoord\b)/;
/** A numbered heading without a full stop after its number: "2 Wettelijk kader", "2.1 Reikwijdte". */
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?=\p{Lu})/u;
/** Woo and Wob redaction codes: "10.2.e", "10.2e", "5.1.2e", "5.1.2.e". */
const REDACTION = /\b\d{1,2}\.\d(?:\.\d)?\.?[a-i]\b/;

const itemStart = (text: string) => NUMBER_ITEM.test(text) || LETTER_ITEM.test(text) || BULLET_ITEM.test(text);

/** Joins the lines of a paragraph; a word broken at a line's end is whole again, "bewoners- en" keeps its dash. */
export function joinLines(lines: ReadonlyArray<string>): string {
  const parts: string[] = [];
  for (const line of lines) {
    const last = parts[parts.length - 1];
    if (last === undefined) parts.push(line);
    else if (/\p{Ll}-$/u.test(last) && /^\p{Ll}/u.test(line) && !/^(?:en|of|tot|t\/m|en\/of)\b/.test(line)) parts[parts.length - 1] = last.slice(0, -1) + line;
    else if (/\p{L}-$/u.test(last) && /^\p{Lu}/u.test(line)) parts[parts.length - 1] = last + line;
    else parts.push(line);
  }
  return parts.join(' ');
}

function rowsOf(lines: ReadonlyArray<PlacedLine>, column: BodyColumn): Row[] {
  const rows: PlacedLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => sameRow(r[0]!, line));
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((pieces) => {
    pieces.sort((a, b) => a.x - b.x);
    const inked = pieces.reduce((n, p) => n + p.text.length, 0);
    return {
      pieces,
      text: pieces.map((p) => p.text).join(' '),
      x: pieces[0]!.x,
      right: Math.max(...pieces.map((p) => p.right)),
      y: Math.min(...pieces.map((p) => p.y)),
      size: Math.max(...pieces.map((p) => p.size)),
      bold: pieces.filter((p) => p.bold).reduce((n, p) => n + p.text.length, 0) >= inked * 0.8,
      page: pieces[0]!.page,
      ocr: pieces[0]!.ocr,
      column,
    };
  });
}

/** Whether the next row's first word would still have fitted on `row`: then the line was ended on purpose. */
function endedEarly(row: Row, next: Row): boolean {
  if (/-$/.test(row.text)) return false;
  const word = next.text.split(' ')[0]!;
  const perCharacter = (next.right - next.x) / Math.max(1, next.text.length);
  return row.right + perCharacter * (word.length + 1) < row.column.right - 0.3 * row.size;
}

/** Whether `row` starts a new block after `previous` (in the same run of body text). */
function startsNewBlock(previous: Row, row: Row, block: Row[]): boolean {
  if (itemStart(row.text) || STARTS_BLOCK.test(row.text) || SALUTATION.test(row.text) || OFFICE.test(row.text)) return true;
  if (row.bold !== previous.bold || Math.abs(row.size - previous.size) > 0.15 * row.column.size) return true;
  const samePage = row.page === previous.page;
  if (samePage && row.y - previous.y > 1.45 * row.column.pitch * (Math.max(row.size, previous.size) / row.column.size)) return true;
  if (endedEarly(previous, row)) return true;
  // A paragraph cut by the page break runs on after the next page's header, unless the page ended a sentence well short of the margin.
  if (!samePage && /[.!?:]$/.test(previous.text) && /^\p{Lu}/u.test(row.text) && previous.right < previous.column.right - 2 * previous.size) return true;
  const first = block[0]!;
  // A list item's next lines hang under its text; without a hanging indent they start where its marker does.
  if (itemStart(first.text)) {
    const marker = first.pieces.length > 1 && itemStart(`${first.pieces[0]!.text} x`) && !itemStart(first.pieces[0]!.text.replace(/^\S+\s*/, ''));
    const markerLength = first.text.length - first.text.replace(NUMBER_ITEM, '').replace(LETTER_ITEM, '').replace(BULLET_ITEM, '').length;
    const textX = marker ? first.pieces[1]!.x : first.x + ((first.right - first.x) * markerLength) / first.text.length;
    if (row.x >= textX - 0.5 * row.size && row.x <= textX + 2 * row.size) return false;
    const flush = Math.abs(row.x - first.x) <= 0.5 * row.size && !marker && textX - first.x < 1.5 * row.size;
    return !flush || (/[.;:!?]$/.test(previous.text) && /^\p{Lu}/u.test(row.text));
  }
  // A paragraph's first line may be indented.
  if (block.length === 1 && first.x > row.x && first.x - row.x <= 4 * row.size) return false;
  return Math.abs(row.x - previous.x) > 2 * row.size;
}

type Kind = 'number' | 'letter' | 'bullet';
const itemKind = (text: string): Kind | undefined => (NUMBER_ITEM.test(text) ? 'number' : LETTER_ITEM.test(text) ? 'letter' : BULLET_ITEM.test(text) ? 'bullet' : undefined);

interface Piece {
  rows: Row[];
  text: string;
  /** Where the next block starts after a gap (not only after a change of type). */
  gapAfter: boolean;
  gapBefore: boolean;
}

/** A heading: bold (or clearly larger) and short, or numbered and alone; on OCR pages, a short line set apart. */
function headingLevel(piece: Piece, previous: Piece | undefined, next: Piece | undefined, boldMeansHeading: boolean): number | undefined {
  const { text, rows } = piece;
  const first = rows[0]!;
  if (rows.length > 2 || text.length > 100 || !/\p{L}{2}/u.test(text) || /[.,;:]$/.test(text)) return undefined;
  if (SALUTATION.test(text) || GREETING.test(text) || OFFICE.test(text) || fieldLabel(text) || (REDACTION.test(text) && text.replace(REDACTION, '').trim().length < 4)) return undefined;
  const numbered = NUMBERED_HEADING.exec(text);
  const level = numbered?.[1]!.includes('.') ? 2 : 1;
  const larger = first.size >= 1.15 * first.column.size;
  if ((boldMeansHeading && rows.every((r) => r.bold)) || larger) return larger && !rows.every((r) => r.bold) ? 1 : level;
  const nextIsItem = next && itemStart(next.text);
  const previousIsItem = previous && itemStart(previous.text);
  if (numbered && rows.length === 1 && text.length <= 60 && !/[!?]$/.test(text) && !nextIsItem && !previousIsItem && next) return level;
  // OCR cannot see bold: a short line alone, without final punctuation, before a paragraph.
  if (first.ocr && rows.length === 1 && piece.gapBefore && piece.gapAfter && text.length <= 50 && text.split(' ').length <= 6 && /^\p{Lu}/u.test(text) && !/[!?)\]]$/.test(text) && !/\d{4}\s?[A-Z]{2}\b|^(?:[A-Z]\.\s?)+/.test(text) && !parseDutchDate(text) && next && !itemStart(next.text) && (next.rows.length >= 2 || next.text.length >= 80)) return 1;
  return undefined;
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text, markdown: escapeMarkdown(text) });

/** The body's rows as blocks. */
function bodyBlocks(rows: ReadonlyArray<Row>): { blocks: Block[]; tableLike: boolean } {
  // From the last greeting on, each line is a block of its own, and a signature in two columns a table.
  const greeting = rows.map((r) => GREETING.test(r.text)).lastIndexOf(true);
  const text = greeting >= 0 ? rows.slice(0, greeting) : rows;
  const signature = greeting >= 0 ? rows.slice(greeting) : [];
  const boldShare = text.filter((r) => r.bold).reduce((n, r) => n + r.text.length, 0) / Math.max(1, text.reduce((n, r) => n + r.text.length, 0));
  const boldMeansHeading = boldShare < 0.5;

  const pieces: Piece[] = [];
  let current: Row[] = [];
  let gap = true;
  const flush = (gapAfter: boolean) => {
    if (current.length) pieces.push({ rows: current, text: joinLines(current.map((r) => r.text)), gapBefore: gap, gapAfter });
    gap = gapAfter;
    current = [];
  };
  text.forEach((row, i) => {
    const previous = text[i - 1];
    if (previous && startsNewBlock(previous, row, current)) {
      const apart = row.page !== previous.page ? true : row.y - previous.y > 1.45 * row.column.pitch * (Math.max(row.size, previous.size) / row.column.size);
      flush(apart);
    }
    current.push(row);
  });
  flush(true);

  const blocks: Block[] = [];
  // The kind of item each list has, and the number of its last item, so a list is continued only by its own next item.
  const lists = new Map<ListBlock, { kind: Kind; number: number }>();
  let tableLike = false;
  let run = 0;
  pieces.forEach((piece, i) => {
    run = piece.rows.some((r) => r.pieces.some((p, j) => j > 0 && p.x - r.pieces[j - 1]!.right > 3 * p.size)) ? run + 1 : 0;
    if (run >= 2) tableLike = true;
    const level = headingLevel(piece, pieces[i - 1], pieces[i + 1], boldMeansHeading);
    if (level) {
      blocks.push({ kind: 'heading', level, text: piece.text, markdown: escapeMarkdown(piece.text) });
      return;
    }
    const kind = itemKind(piece.text);
    if (!kind) {
      blocks.push(paragraph(piece.text));
      return;
    }
    const marker = (kind === 'number' ? NUMBER_ITEM : kind === 'letter' ? LETTER_ITEM : BULLET_ITEM).exec(piece.text)!;
    const itemText = piece.text.slice(marker[0].length).trim();
    const number = kind === 'number' ? Number(marker[1]) : undefined;
    const item = { text: itemText, markdown: kind === 'letter' ? `${marker[1]}. ${escapeMarkdown(itemText)}` : escapeMarkdown(itemText) };
    const last = blocks[blocks.length - 1];
    const open = last?.kind === 'list' ? lists.get(last) : undefined;
    if (last?.kind === 'list' && open?.kind === kind && (kind !== 'number' || number === open.number + 1)) {
      last.items.push(item);
      open.number = number ?? 0;
      return;
    }
    const list: ListBlock = { kind: 'list', ordered: kind === 'number', items: [item] };
    if (number !== undefined && number !== 1) list.start = number;
    lists.set(list, { kind, number: number ?? 0 });
    blocks.push(list);
  });

  for (let i = 0; i < signature.length; i++) {
    const row = signature[i]!;
    const next = signature[i + 1];
    const split = (r: Row) => r.pieces.length > 1 && r.pieces.every((p, j) => j === 0 || p.x - r.pieces[j - 1]!.right > 3 * p.size);
    if (split(row) && next && split(next) && next.pieces.length === row.pieces.length) {
      const table: TableBlock = { kind: 'table', rows: [row.pieces.map((p) => p.text)] };
      while (signature[i + 1] && split(signature[i + 1]!) && signature[i + 1]!.pieces.length === row.pieces.length) table.rows.push(signature[++i]!.pieces.map((p) => p.text));
      blocks.push(table);
    } else blocks.push(paragraph(row.text));
  }
  return { blocks, tableLike };
}

/**
 * Where the body starts on the first page: at the salutation; without one, at
 * the first line of running text or the first list item. What is above it
 * is the letterhead.
 */
function bodyStart(rows: ReadonlyArray<Row>): number {
  const salutation = rows.findIndex((r) => SALUTATION.test(r.text));
  if (salutation >= 0) return salutation;
  const running = rows.findIndex((r, i) => (r.pieces.length === 1 && r.text.length >= 20 && r.right >= r.column.right - 3 * r.size && !!rows[i + 1] && !fieldLabel(r.text)) || itemStart(r.text));
  return running >= 0 ? running : 0;
}

/** Lines grouped into blocks by the gaps between them: an address, a place and date. */
function lineGroups(rows: ReadonlyArray<Row>): Row[][] {
  const groups: Row[][] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (previous && row.page === previous.page && row.y - previous.y <= 1.45 * row.column.pitch * (Math.max(row.size, previous.size) / row.column.size) && Math.abs(row.x - previous.x) <= 2 * row.size) groups[groups.length - 1]!.push(row);
    else groups.push([row]);
  });
  return groups;
}

const linesBlock = (lines: ReadonlyArray<string>): Block => ({ kind: 'paragraph', text: lines.join('\n'), markdown: lines.map(escapeMarkdown).join('\n') });

export function pagesToLetter(input: ReadonlyArray<PageText>): ReadLetter {
  const pages = [...input].sort((a, b) => a.page - b.page).map(placedLines);
  const furniture = findFurniture(pages);
  const kept = pages.map((lines) => lines.filter((l) => !furniture.has(l)));
  const global = bodyColumn(kept.flat());
  if (!global) return { blocks: [], footnotes: new Map(), images: [], notes: [], facts: readFacts([...furniture]) };
  const columns = kept.map((lines) => bodyColumn(lines, global)!);

  // A side column lies wholly beside the body column; a list marker hanging in the margin does not count.
  const side = new Set<PlacedLine>();
  kept.forEach((lines, i) => {
    const column = columns[i]!;
    for (const line of lines) {
      const right = line.x > column.right - 0.5 * column.size;
      const left = line.right < column.left + 0.5 * column.size && !lines.some((l) => l !== line && sameRow(l, line) && l.x > line.right && l.x - line.right < 2.5 * column.size);
      if (right || left) side.add(line);
    }
  });

  const firstPage = kept.findIndex((lines) => lines.length);
  const laterSide = kept.flatMap((lines, i) => (i > firstPage ? lines.filter((l) => side.has(l)) : []));
  const facts = readFacts([...furniture, ...laterSide]);

  const rowsPerPage = kept.map((lines, i) => rowsOf(lines.filter((l) => !side.has(l)), columns[i]!));
  const firstRows = rowsPerPage[firstPage] ?? [];
  const start = bodyStart(firstRows);
  const headRows = firstRows.slice(0, start);
  const { fields, rest } = readFields([...kept[firstPage]!.filter((l) => side.has(l)), ...headRows.flatMap((r) => r.pieces)]);
  const sender = rest.filter((l) => side.has(l)).map((l) => l.text);
  // What is left of the head is the address (beside a letterhead table, it shares its rows).
  const unread = new Set(rest);
  const addressRows = headRows.flatMap((r): Row[] => {
    const pieces = r.pieces.filter((p) => unread.has(p));
    if (pieces.length === r.pieces.length) return [r];
    return pieces.length ? [{ ...r, pieces, text: pieces.map((p) => p.text).join(' '), x: pieces[0]!.x, right: pieces.at(-1)!.right }] : [];
  });

  // A bold or larger line just above the salutation is the subject when no field names one.
  const fieldLines = fields.map((f) => `${f.label}: ${f.value.join(' ')}`);
  const lastHead = addressRows[addressRows.length - 1];
  if (lastHead && !fields.some((f) => f.label === 'Onderwerp') && (lastHead.bold || lastHead.size >= 1.15 * lastHead.column.size) && firstRows[start] && SALUTATION.test(firstRows[start]!.text)) {
    fieldLines.push(`Onderwerp: ${lastHead.text}`);
    addressRows.pop();
  }

  const blocks: Block[] = [];
  if (sender.length || fieldLines.length) blocks.push(linesBlock([...sender, ...fieldLines]));
  for (const group of lineGroups(addressRows)) blocks.push(linesBlock(group.map((r) => r.text)));
  const body = bodyBlocks([...firstRows.slice(start), ...rowsPerPage.slice(firstPage + 1).flat()]);
  blocks.push(...body.blocks);

  const notes = body.tableLike ? ['Er staat iets als een tabel in de pdf; die is als tekst overgenomen. Zet hem zo nodig om in een tabel (een dataset) met de brief ernaast.'] : [];
  return { blocks, footnotes: new Map(), images: [], notes, facts };
}
