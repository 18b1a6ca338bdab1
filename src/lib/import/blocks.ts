/**
 * A letter as the importer reads it, whether it came from Word or from a PDF:
 * a list of blocks in reading order. Every text block carries its plain text
 * (for recognising dates, labels and questions) and its Markdown (for the body).
 */
import { webAddressesAsMarkdown } from './web-addresses';

export interface TextBlock {
  kind: 'paragraph' | 'heading';
  /** 1–6 for a heading. */
  level?: number;
  text: string;
  markdown: string;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list, when it is not 1 (a list the letter resumes after a paragraph). */
  start?: number;
  items: Array<{ text: string; markdown: string }>;
}

export interface TableBlock {
  kind: 'table';
  /** Plain text of each cell, row by row; the first row is the header. */
  rows: string[][];
}

export type Block = TextBlock | ListBlock | TableBlock;

export interface LetterImage {
  /** Markdown placeholder in the text, replaced by the image's file once it has a name. */
  token: string;
  data: Buffer;
  /** Lower case, without the dot: "png". */
  extension: string;
  alt?: string;
}

/**
 * What a letter says about itself outside its body: the running header or
 * footer of its pages ("Gemeente Amsterdam  Datum 11 januari 2021  Kenmerk
 * 2020-13953  Pagina 2 van 4"). The letterhead falls back on these when its
 * own fields are missing, for instance when page 1 is a scan.
 */
export interface LetterFacts {
  /** ISO date, "2021-01-11". */
  datum?: string;
  kenmerk?: string;
  /** The header's other text, such as the sender's name, for finding the sender. */
  headerText?: string;
}

export interface ReadLetter {
  blocks: Block[];
  facts?: LetterFacts;
  /** Footnote number → its text in Markdown; referred to as [^n] in the blocks. */
  footnotes: Map<string, string>;
  images: LetterImage[];
  /** What the reader could not carry over, in Dutch, for the clerk. */
  notes: string[];
}

/** A problem that stops the import of one file, said to the clerk. */
export class ImportProblem extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** Plain text of a block, for searching: a list is its items, a table its cells. */
export function blockText(block: Block): string {
  if (block.kind === 'list') return block.items.map((i) => i.text).join('\n');
  if (block.kind === 'table') return block.rows.map((r) => r.join(' ')).join('\n');
  return block.text;
}

const escapeCharacters = (text: string) => text.replace(/([\\`*_[\]<{}|~])/g, '\\$1');

/**
 * Characters that would start Markdown syntax in running text. A web or
 * e-mail address stays a link only when it is a valid one (see web-addresses.ts).
 */
export function escapeMarkdown(text: string): string {
  return webAddressesAsMarkdown(text, escapeCharacters)
    .replace(/^(\s*)([#>+=-])(\s|$)/, '$1\\$2$3')
    .replace(/^(\s*\d+)([.)])(\s|$)/, '$1\\$2$3');
}

export const normaliseSpace = (text: string) => text.replace(/[\u00a0\t ]+/g, ' ').replace(/ *\n */g, '\n').trim();
