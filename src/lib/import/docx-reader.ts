/**
 * A Word letter (.docx) as blocks. mammoth reads Word's own structure —
 * headings, lists, tables, footnotes, images — into plain HTML; this module
 * turns that HTML into the importer's blocks and Markdown. mammoth writes a
 * small, well-formed subset of HTML, so a small reader is enough here.
 */
import mammoth from 'mammoth';
import { ImportProblem, escapeMarkdown, normaliseSpace, type Block, type LetterImage, type ReadLetter } from './blocks';

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) =>
    name[0] === '#' ? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? all),
  );

export function parseHtml(html: string): Element {
  const root: Element = { tag: 'root', attrs: {}, children: [] };
  const stack = [root];
  for (const match of html.matchAll(/<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z:-]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g)) {
    const [, closing, tag, attributes, selfClosing, text] = match;
    const top = stack[stack.length - 1]!;
    if (text !== undefined) {
      top.children.push(decode(text));
      continue;
    }
    const name = tag!.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key, value] of (attributes ?? '').matchAll(/([a-zA-Z:-]+)(?:="([^"]*)")?/g)) attrs[key!.toLowerCase()] = decode(value ?? '');
    const element: Element = { tag: name, attrs, children: [] };
    top.children.push(element);
    if (!selfClosing && !VOID.has(name)) stack.push(element);
  }
  return root;
}

const footnoteNumber = (href: string) => /^#footnote-(\d+)$/.exec(href)?.[1];

/** Markdown and plain text of inline content; lists and tables inside a cell or item are flattened. */
function inline(nodes: Node[]): { markdown: string; text: string } {
  let markdown = '';
  let text = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      markdown += escapeMarkdown(node.replace(/\s+/g, ' '));
      text += node.replace(/\s+/g, ' ');
      continue;
    }
    const inner = () => inline(node.children);
    switch (node.tag) {
      case 'strong':
      case 'b':
      case 'em':
      case 'i': {
        const { markdown: md, text: t } = inner();
        const mark = node.tag === 'strong' || node.tag === 'b' ? '**' : '*';
        // Emphasis may not start or end with a space in Markdown; the spaces go outside.
        const trimmed = md.trim();
        markdown += trimmed ? `${md.startsWith(' ') ? ' ' : ''}${mark}${trimmed}${mark}${md.endsWith(' ') ? ' ' : ''}` : md;
        text += t;
        break;
      }
      case 'a': {
        const href = node.attrs.href ?? '';
        const note = footnoteNumber(href);
        if (note) {
          markdown += `[^${note}]`;
          break;
        }
        const { markdown: md, text: t } = inner();
        if (/^#footnote-ref-/.test(href)) break;
        // Only addresses a reader can follow; an internal bookmark of Word goes nowhere on the site.
        markdown += /^(https?:|mailto:)/i.test(href) ? `[${md.trim() || escapeMarkdown(href)}](${href.replace(/[()\s]/g, encodeURIComponent)})` : md;
        text += t;
        break;
      }
      case 'sup': {
        const refs = node.children.filter((c): c is Element => typeof c !== 'string' && c.tag === 'a' && !!footnoteNumber(c.attrs.href ?? ''));
        if (refs.length) {
          markdown += refs.map((r) => `[^${footnoteNumber(r.attrs.href!)}]`).join('');
          break;
        }
        const { markdown: md, text: t } = inner();
        markdown += md;
        text += t;
        break;
      }
      case 'br':
        markdown += ' ';
        text += '\n';
        break;
      case 'img':
        markdown += ` ${node.attrs.src ?? ''} `;
        break;
      default: {
        const { markdown: md, text: t } = inner();
        markdown += `${md} `;
        text += `${t}\n`;
      }
    }
  }
  return { markdown, text };
}

const clean = (part: { markdown: string; text: string }) => ({ markdown: part.markdown.replace(/[ \u00a0]+/g, ' ').trim(), text: normaliseSpace(part.text) });

function cellText(cell: Element): string {
  return normaliseSpace(inline(cell.children).text.replace(/\n+/g, '\n'));
}

/** The blocks of mammoth's HTML, and the footnotes it put at the end. */
export function htmlToBlocks(html: string): { blocks: Block[]; footnotes: Map<string, string> } {
  const blocks: Block[] = [];
  const footnotes = new Map<string, string>();
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') {
        const text = normaliseSpace(node);
        if (text) blocks.push({ kind: 'paragraph', text, markdown: escapeMarkdown(text) });
        continue;
      }
      const heading = /^h([1-6])$/.exec(node.tag);
      if (heading || node.tag === 'p') {
        const part = clean(inline(node.children));
        if (!part.text && !/raadsarchief-afbeelding-/.test(part.markdown)) continue;
        blocks.push(heading ? { kind: 'heading', level: Number(heading[1]), ...part } : { kind: 'paragraph', ...part });
        continue;
      }
      if (node.tag === 'ol' || node.tag === 'ul') {
        const items = node.children.filter((c): c is Element => typeof c !== 'string' && c.tag === 'li');
        if (items.length && items.every((li) => /^footnote-\d+$/.test(li.attrs.id ?? ''))) {
          for (const li of items) footnotes.set(li.attrs.id!.replace('footnote-', ''), clean(inline(li.children)).markdown);
          continue;
        }
        blocks.push({ kind: 'list', ordered: node.tag === 'ol', items: items.map((li) => clean(inline(li.children))).filter((i) => i.text) });
        continue;
      }
      if (node.tag === 'table') {
        const rows: string[][] = [];
        const collect = (children: Node[]) => {
          for (const child of children) {
            if (typeof child === 'string') continue;
            if (child.tag === 'tr') rows.push(child.children.filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).map(cellText));
            else collect(child.children);
          }
        };
        collect(node.children);
        if (rows.some((r) => r.some(Boolean))) blocks.push({ kind: 'table', rows });
        continue;
      }
      visit(node.children);
    }
  };
  visit(parseHtml(html).children);
  return { blocks, footnotes };
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

export async function readDocx(data: Buffer): Promise<ReadLetter> {
  // Word encrypts a protected .docx into an OLE container, the format of the old .doc.
  if (startsWith(data, OLE)) {
    throw new ImportProblem('het Word-bestand is beveiligd met een wachtwoord (of het is een oud .doc-bestand)', 'Open het in Word, haal de beveiliging weg (Bestand → Info → Document beveiligen) en sla het op als .docx.');
  }
  if (!startsWith(data, ZIP)) throw new ImportProblem('het bestand is geen leesbaar Word-bestand (.docx)', 'Open het in Word en sla het opnieuw op als Word-document (.docx).');
  const images: LetterImage[] = [];
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: data },
      {
        convertImage: mammoth.images.imgElement(async (image) => {
          const token = `raadsarchief-afbeelding-${images.length + 1}`;
          const extension = (image.contentType.split('/')[1] ?? 'png').replace('jpeg', 'jpg').replace('svg+xml', 'svg');
          images.push({ token, data: await image.readAsBuffer(), extension, alt: (image as { altText?: string }).altText?.trim() || undefined });
          return { src: token };
        }),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch {
    throw new ImportProblem('het Word-bestand is beschadigd en kan niet worden gelezen', 'Open het in Word; lukt dat, sla het dan opnieuw op als .docx. Anders: vraag de afzender om een nieuw exemplaar.');
  }
  const { blocks, footnotes } = htmlToBlocks(html);
  const notes = messages.some((m) => m.type === 'warning' && /image|afbeelding/i.test(m.message)) ? ['Niet elke afbeelding kon worden gelezen; vergelijk met de brief.'] : [];
  return { blocks, footnotes, images, notes };
}
