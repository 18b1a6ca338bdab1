/**
 * Keeps the template's and the import's placeholders (`[VUL IN: …]`) off the
 * published page, in whatever form a clerk leaves them: in a sentence, split
 * by markup (`[VUL IN *bedrag* in euro]`), never closed (`[VUL IN: naam` runs
 * to the end of its line), as inline code, as the text of a link (Markdown
 * eats the brackets of `[VUL IN: tekst](https://…)`), as an image's alt text,
 * in a table cell or a footnote. A paragraph, heading, quote, list item or
 * footnote that held nothing else is left out; a footnote that goes takes its
 * references along. `npm run check` still lists every one of them for the
 * clerk (it reads the body without any of this).
 *
 * Two steps. A `.md` body is first rewritten from its source
 * (`neutralizePlaceholders`, src/markdown/render.ts): a link or reference
 * whose text is a placeholder goes whole, an image keeps its picture without
 * the alt text, a code span that was only a placeholder becomes plain text,
 * and every placeholder becomes the one escaped form `\[VUL IN\]`, which
 * Markdown can read only as text. Then the mdast plugin removes that text and
 * the blocks it emptied; for `.mdx`, which MDX compiles from its file, the
 * plugin handles every form on the tree itself.
 */
import type { MdastPluginDefinition } from 'satteri';
import { PLACEHOLDER_MARK } from '../lib/content/body-check';
import { cutPlaceholders, hasPlaceholder, placeholderSpans } from '../lib/content/placeholders';

/** A placeholder as the rewritten source keeps it: escaped, so it can open no link and close none. */
const NEUTRAL = '\\[VUL IN\\]';

/** Text a clerk would not write in a link, an address or an image description: the mark whose brackets Markdown ate. */
const EATEN_MARK = /^\s*\\?VUL IN\b/;
const MARK_IN_ADDRESS = /VUL(?:\s|%20)IN/i;

/** A line that starts a block of its own, so a placeholder cannot run on into it. */
const BLOCK_START = /^[ \t]{0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\||```|~~~|:::|\[\^[^\]\n]+\]:|[ \t]*$)/;

/**
 * Where the bracket that closes the one at `open` is (nested brackets
 * counted), within `limit`; -1 when it is not there. An escaped bracket is
 * text, unless the opening one was escaped too: `\[VUL IN: …\]` is closed.
 */
function closing(text: string, open: number, limit: number, pair: '[]' | '()'): number {
  const escapedPairs = text[open - 1] === '\\';
  let depth = 0;
  for (let i = open; i < limit; i++) {
    let c = text[i];
    if (c === '\\') {
      if (!escapedPairs) {
        i++;
        continue;
      }
      c = text[++i];
    }
    if (c === pair[0]) depth++;
    else if (c === pair[1] && --depth === 0) return i;
  }
  return -1;
}

/**
 * How far a placeholder starting on the line at `lineStart` may reach for its
 * closing bracket: the end of its paragraph, that is the lines after it that
 * continue the paragraph (in a quote: after the same `>`); within a table row,
 * the end of its cell.
 */
function reach(text: string, at: number, lineStart: number, prefix: string): number {
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
  if (/^[ \t]*\|/.test(text.slice(lineStart, lineEnd))) {
    const cell = text.slice(at, lineEnd).search(/(?<!\\)\|/);
    return cell === -1 ? lineEnd : at + cell;
  }
  let end = lineEnd;
  while (end < text.length) {
    const next = text.indexOf('\n', end + 1) === -1 ? text.length : text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next);
    const inner = prefix && line.startsWith(prefix.trimEnd()) ? line.slice(prefix.trimEnd().length).replace(/^[ \t]/, '') : line;
    if (BLOCK_START.test(inner)) break;
    end = next;
  }
  return end;
}

/**
 * The Markdown source of a `.md` body with every placeholder in one plain,
 * escaped form, and without links whose text is a placeholder; lines stay
 * where they were, so errors still name the right line.
 */
export function neutralizePlaceholders(source: string): string {
  if (!hasPlaceholder(source)) return source;
  // Code spans first: in them a bracket is only a bracket. One that was nothing but a placeholder becomes one in the text.
  const text = source.replace(/(?<!`)(`+)(?!`)([^`\n]*?\[VUL IN[^`\n]*?)\1(?!`)/g, (_whole, ticks: string, inner: string) => {
    const kept = cutPlaceholders(inner);
    return kept.trim() ? `${ticks}${kept}${ticks}` : NEUTRAL;
  });
  let result = '';
  let from = 0;
  for (;;) {
    const at = text.indexOf(PLACEHOLDER_MARK, from);
    if (at === -1) break;
    const start = at > 0 && text[at - 1] === '\\' ? at - 1 : at;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const prefix = /^(?:[ \t]*>)+[ \t]?/.exec(text.slice(lineStart, at))?.[0] ?? '';
    const limit = reach(text, at, lineStart, prefix);
    const close = closing(text, at, limit, '[]');
    let end: number;
    let replacement = NEUTRAL;
    if (close === -1) {
      // Never closed: to the end of the line (or of the table cell).
      const lineEnd = text.indexOf('\n', at);
      end = Math.min(limit, lineEnd === -1 ? text.length : lineEnd);
    } else {
      end = close + 1;
      // `[VUL IN: …](adres)` or `[VUL IN: …][naam]` is a link with a placeholder for its text: it goes whole.
      // `![VUL IN: …](bestand)` is an image: the picture stays, without the description.
      const target = text[end] === '(' ? closing(text, end, limit, '()') : text[end] === '[' ? closing(text, end, limit, '[]') : -1;
      const image = start === at && text[at - 1] === '!';
      if (target !== -1) {
        if (image) replacement = `[]${text.slice(end, target + 1)}`;
        end = target + 1;
      } else if (image) replacement = '[]';
    }
    // The lines the placeholder spanned stay lines, so what follows keeps its line number.
    const lines = text.slice(start, end).split('\n').length - 1;
    result += text.slice(from, start) + replacement + `\n${prefix}`.repeat(lines);
    from = end;
  }
  return result + text.slice(from);
}

type Ctx = Parameters<NonNullable<MdastPluginDefinition['before']>>[1];

interface AnyNode {
  type: string;
  value?: string;
  alt?: string | null;
  url?: string;
  title?: string | null;
  identifier?: string;
  children?: AnyNode[];
}

type Edit = (ctx: Ctx) => void;

interface Cleaned {
  /** The changes to the tree, applied once everything is known. */
  edits: Edit[];
  /** Something is left to show. */
  content: boolean;
  /** A placeholder was found in it. */
  touched: boolean;
  /** The node goes. */
  remove?: boolean;
}

/** Blocks and markup that are left out when a placeholder was all they held. */
const REMOVABLE = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'superscript', 'subscript']);
/** Nodes whose `value` is shown as it is written. */
const LITERAL = new Set(['inlineCode', 'code', 'html', 'math', 'inlineMath']);
/** Stands for a node that is not text when a parent's text is read as one string: no bracket, no line break. */
const OTHER = '\uFFFC';

const textOf = (node: AnyNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));
const kept = (cleaned: Cleaned, node: AnyNode): Edit[] => (cleaned.remove ? [(ctx) => ctx.removeNode(node as never)] : cleaned.edits);

function cleanNode(node: AnyNode, gone: ReadonlySet<string>): Cleaned {
  if (LITERAL.has(node.type)) {
    const value = node.value ?? '';
    if (!hasPlaceholder(value)) return { edits: [], content: true, touched: false };
    const cut = cutPlaceholders(value);
    // A code span or block that was only a placeholder would show as an empty box.
    if (!cut.trim() && node.type !== 'html') return { edits: [], content: false, touched: true, remove: true };
    return { edits: [(ctx) => ctx.setProperty(node as never, 'value' as never, cut as never)], content: cut.trim() !== '', touched: true };
  }
  if (node.type === 'image' || node.type === 'imageReference') {
    if (node.url && MARK_IN_ADDRESS.test(node.url)) return { edits: [], content: false, touched: true, remove: true };
    const edits: Edit[] = [];
    const alt = node.alt ?? '';
    if (hasPlaceholder(alt) || EATEN_MARK.test(alt)) {
      const cut = EATEN_MARK.test(alt) ? '' : cutPlaceholders(alt).trim();
      edits.push((ctx) => ctx.setProperty(node as never, 'alt' as never, cut as never));
    }
    if (node.title && MARK_IN_ADDRESS.test(node.title)) edits.push((ctx) => ctx.setProperty(node as never, 'title' as never, null as never));
    return { edits, content: true, touched: edits.length > 0 };
  }
  if (node.type === 'footnoteReference') {
    const removed = gone.has(node.identifier ?? '');
    return { edits: [], content: !removed, touched: removed, remove: removed };
  }
  if ((node.type === 'link' || node.type === 'linkReference') && EATEN_MARK.test(textOf(node))) {
    return { edits: [], content: false, touched: true, remove: true };
  }
  if (!node.children) return { edits: [], content: node.type !== 'break', touched: false };

  const cleaned = cleanChildren(node, gone);
  if (node.type === 'link' || node.type === 'linkReference') {
    if (node.title && MARK_IN_ADDRESS.test(node.title)) cleaned.edits.push((ctx) => ctx.setProperty(node as never, 'title' as never, null as never));
    // A link to an address that is still a placeholder leads nowhere: its text stays, without the link.
    if (node.url && MARK_IN_ADDRESS.test(node.url)) {
      cleaned.edits.push((ctx) => ctx.replaceNode(node as never, node.children as never));
      cleaned.touched = true;
    }
  }
  if (cleaned.touched && !cleaned.content && REMOVABLE.has(node.type)) return { ...cleaned, edits: [], remove: true };
  // A table, a component or a directive stays, even emptied: it shows something of its own.
  if (!REMOVABLE.has(node.type)) cleaned.content = true;
  return cleaned;
}

/**
 * The children of `parent`, read as one text: a placeholder may start in one
 * text node and end in another, with markup in between (`[VUL IN *bedrag*
 * in euro]`); everything from its start to its closing bracket goes. Markup
 * with its own text is cleaned on its own first.
 */
function cleanChildren(parent: AnyNode, gone: ReadonlySet<string>): Cleaned {
  const children = parent.children ?? [];
  const inner = children.map((child) => (child.type === 'text' ? undefined : cleanNode(child, gone)));
  const ranges: Array<[number, number]> = [];
  let joined = '';
  for (const child of children) {
    const start = joined.length;
    joined += child.type === 'text' ? (child.value ?? '') : child.type === 'break' ? '\n' : OTHER;
    ranges.push([start, joined.length]);
  }
  const cut = new Uint8Array(joined.length);
  // Markup that goes as a whole (a link whose text is a placeholder, an emptied code span) is cut like a placeholder.
  const whole = children.flatMap((_child, index) => (inner[index]?.remove ? [{ start: ranges[index]![0], end: ranges[index]![1] }] : []));
  for (const { start, end } of [...placeholderSpans(joined, 'line'), ...whole]) {
    let from = start;
    // "De wethouder [VUL IN: naam] meldt": one space between the words, none before a full stop.
    if (/[ \t,.;:!?)]/.test(joined.charAt(end))) while (from > 0 && /[ \t]/.test(joined[from - 1]!)) from--;
    cut.fill(1, from, end);
  }
  const edits: Edit[] = [];
  let content = false;
  let touched = false;
  children.forEach((child, index) => {
    const [start, end] = ranges[index]!;
    if (child.type === 'text') {
      let value = '';
      for (let i = start; i < end; i++) if (!cut[i]) value += joined[i];
      if (value !== child.value) {
        touched = true;
        edits.push(value ? (ctx) => ctx.setProperty(child as never, 'value' as never, value as never) : (ctx) => ctx.removeNode(child as never));
      }
      if (/\S/.test(value)) content = true;
      return;
    }
    const cleaned = inner[index]!;
    if (start < end && cut.subarray(start, end).every(Boolean)) {
      // Markup inside a placeholder goes with it.
      touched = true;
      edits.push((ctx) => ctx.removeNode(child as never));
      return;
    }
    touched ||= cleaned.touched;
    edits.push(...kept(cleaned, child));
    if (!cleaned.remove && cleaned.content) content = true;
  });
  return { edits, content, touched };
}

function footnotes(node: AnyNode, found: AnyNode[] = []): AnyNode[] {
  if (node.type === 'footnoteDefinition') found.push(node);
  for (const child of node.children ?? []) footnotes(child, found);
  return found;
}

export function placeholderPlugin(): (ctx: { source: string }) => MdastPluginDefinition | undefined {
  return ({ source }) => {
    // Most briefings have none: then the plugin does not run at all.
    if (!hasPlaceholder(source)) return undefined;
    return {
      name: 'raadsarchief-placeholders',
      before: (root, ctx) => {
        const tree = root as unknown as AnyNode;
        // Footnotes that held only a placeholder go first, so their references can go with them.
        const none = new Set<string>();
        const gone = new Set(footnotes(tree).filter((note) => cleanNode(note, none).remove).map((note) => note.identifier ?? ''));
        for (const edit of cleanChildren(tree, gone).edits) edit(ctx);
      },
    };
  };
}
