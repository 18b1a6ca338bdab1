/**
 * Checks the body of a briefing the way the build will read it, without
 * building: MDX syntax a non-developer trips over, unknown components and
 * directives, wrong props, missing datasets, links to briefings and questions
 * that do not exist, scripts or styles from elsewhere, links that would run
 * code, leftover template text.
 * Parsed with Sätteri, the same parser the build uses, so positions match.
 */
import { resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { AUTHOR_COMPONENTS, type AuthorComponentName } from '../../schemas/components';
import { inspectDefinition, inspectEsm, inspectHtml, inspectImage, inspectJsxElement, inspectLinkUrl, type JsxAttribute } from './content-safety';
import type { ContentErrorDetails } from '../errors/content-error';
import { ContentError } from '../errors/content-error';
import { parseProps } from '../errors/props';
import { didYouMean } from '../errors/suggest';

export interface ParsedBody {
  tree?: MdastNode;
  /** Heading ids in the order they appear, as the build will generate them. */
  anchors: Set<string>;
  errors: ContentErrorDetails[];
}

/** Text the scaffold (`npm run new`) leaves for the clerk to replace. */
export const PLACEHOLDER_MARK = '[VUL IN';

type AnyNode = MdastNode & {
  children?: AnyNode[];
  name?: string | null;
  value?: string;
  url?: string;
  identifier?: string;
  depth?: number;
  attributes?: unknown;
  position?: { start: { line: number; column: number } };
};

function walk(node: AnyNode, visit: (node: AnyNode) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function textOf(node: AnyNode): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

/** MDX parser messages, in the words a clerk understands, with what to do. */
function explainMdxError(message: string): { message: string; hint: string } {
  if (/create a comment in MDX/.test(message)) {
    return { message: 'een HTML-commentaar (<!-- … -->) werkt niet in een .mdx-bestand', hint: 'Schrijf {/* … */}, haal het commentaar weg, of maak er een .md-bestand van.' };
  }
  const closing = /Expected a closing tag for `<([^>]+)>`/.exec(message);
  if (closing) {
    return { message: `de tag <${closing[1]}> wordt niet afgesloten`, hint: `Sluit hem met </${closing[1]}>, of schrijf de tekst zonder < (bijvoorbeeld “kleiner dan”).` };
  }
  if (/Unexpected character.*(before name|after)/.test(message)) {
    return { message: 'een < in de tekst wordt gelezen als het begin van een component of tag', hint: 'Schrijf “kleiner dan” of &lt;; een link schrijft u als [tekst](https://…). Of maak er een .md-bestand van: .md is bedoeld voor brieven.' };
  }
  if (/expression|acorn|Unexpected end of file/i.test(message)) {
    return { message: 'een { of } in de tekst wordt gelezen als code', hint: 'Haal de accolades weg of schrijf \\{ en \\}; of maak er een .md-bestand van.' };
  }
  return { message: `MDX kan dit niet lezen: ${message}`, hint: 'Controleer < > { } in de tekst rond deze regel; voor gewone brieven is .md eenvoudiger.' };
}

export function parseBody(body: string, isMdx: boolean, file: string, bodyLine: number): ParsedBody {
  const line = (l?: number) => (l === undefined ? undefined : l + bodyLine - 1);
  let tree: AnyNode;
  try {
    tree = (isMdx ? mdxToMdast : markdownToMdast)(body, { features: { directive: true } }) as AnyNode;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+)/.exec(raw);
    const explained = explainMdxError(raw);
    return { anchors: new Set(), errors: [{ file, line: at ? line(Number(at[1])) : bodyLine, column: at ? Number(at[2]) : undefined, ...explained }] };
  }
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(textOf(node)));
  });
  return { tree, anchors, errors: [] };
}

export interface BodyContext {
  /** The body text, to tell "bijlage:A" in prose from a mistyped component. */
  source: string;
  file: string;
  bodyLine: number;
  isMdx: boolean;
  datasets: ReadonlySet<string>;
  /**
   * Heading ids per briefing id, for links such as /stukken/x/#vraag-3; or a
   * list that collects those links, to be checked with checkArchiveLinks once
   * every briefing has been read (so no parsed body has to be kept until then).
   */
  anchors: ReadonlyMap<string, ReadonlySet<string>> | ArchiveLink[];
  ownAnchors: ReadonlySet<string>;
}

const BY_DIRECTIVE = new Map<string, AuthorComponentName>(
  (Object.keys(AUTHOR_COMPONENTS) as AuthorComponentName[]).map((name) => [AUTHOR_COMPONENTS[name].directive, name]),
);

export function checkBodyTree(tree: MdastNode, context: BodyContext): { errors: ContentErrorDetails[]; warnings: ContentErrorDetails[] } {
  const errors: ContentErrorDetails[] = [];
  const warnings: ContentErrorDetails[] = [];
  const at = (node: AnyNode) => ({
    file: context.file,
    line: node.position ? node.position.start.line + context.bodyLine - 1 : undefined,
    column: node.position?.start.column,
  });

  const checkComponent = (name: AuthorComponentName, props: Record<string, unknown>, node: AnyNode) => {
    try {
      parseProps(name, AUTHOR_COMPONENTS[name].schema, props, at(node));
    } catch (error) {
      if (error instanceof ContentError) errors.push(error.details);
      else throw error;
      return;
    }
    const dataset = props.dataset;
    if (typeof dataset === 'string' && !context.datasets.has(dataset)) {
      errors.push({ ...at(node), message: `<${name}>: dataset "${dataset}" bestaat niet`, hint: `${didYouMean(dataset, context.datasets)}Maak data/${dataset}.yaml aan of controleer de naam (zonder .yaml).` });
    }
  };

  const imageReferences = new Set<string>();
  walk(tree as AnyNode, (node) => {
    if (node.type === 'imageReference' && node.identifier) imageReferences.add(node.identifier);
  });

  walk(tree as AnyNode, (node) => {
    switch (node.type) {
      case 'leafDirective':
      case 'containerDirective':
      case 'textDirective': {
        const component = BY_DIRECTIVE.get(node.name ?? '');
        if (!component) {
          // "zie bijlage:A" is prose; only braces make an unknown name a mistake.
          const written = node.position ? context.source.slice((node.position.start as { offset?: number }).offset ?? 0, (node.position as { end?: { offset?: number } }).end?.offset ?? 0) : '';
          if (node.type === 'textDirective' && !written.includes('{')) return;
          errors.push({ ...at(node), message: `onbekende component "${node.name}"`, hint: `${didYouMean(node.name ?? '', BY_DIRECTIVE.keys())}Bekende componenten: ${[...BY_DIRECTIVE.keys()].join(', ')}.` });
          return;
        }
        checkComponent(component, { ...((node.attributes as Record<string, unknown>) ?? {}) }, node);
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (/^[A-Z]/.test(name)) {
          if (!(name in AUTHOR_COMPONENTS)) {
            errors.push({ ...at(node), message: `onbekende component <${name}>`, hint: `${didYouMean(name, Object.keys(AUTHOR_COMPONENTS))}Bekende componenten: ${Object.keys(AUTHOR_COMPONENTS).join(', ')}. Let op hoofdletters.` });
            return;
          }
          const props: Record<string, unknown> = {};
          let dynamic = false;
          for (const attribute of (node.attributes as Array<{ type: string; name: string; value: unknown }>) ?? []) {
            if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string')) dynamic = true;
            else props[attribute.name] = attribute.value ?? 'true';
          }
          if (!dynamic) checkComponent(name as AuthorComponentName, props, node);
        } else {
          const problem = inspectJsxElement(name, (node.attributes as JsxAttribute[]) ?? []);
          if (problem) errors.push({ ...at(node), message: problem.message, hint: problem.hint });
        }
        return;
      }
      case 'mdxjsEsm': {
        for (const problem of inspectEsm(node.value ?? '', resolve(context.file))) {
          const where = at(node);
          errors.push({ ...where, line: where.line === undefined ? undefined : where.line + (problem.lineOffset ?? 0), column: problem.lineOffset ? 1 : where.column, message: problem.message, hint: problem.hint });
        }
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = (node.value ?? '').trim();
        if (/^\/\*[\s\S]*\*\/$/.test(value)) return;
        errors.push({ ...at(node), message: `{${value.length > 30 ? `${value.slice(0, 30)}…` : value}} in de tekst wordt gelezen als code`, hint: 'Haal de accolades weg of schrijf \\{ en \\}; voor gewone brieven is .md eenvoudiger.' });
        return;
      }
      case 'html': {
        for (const problem of inspectHtml(node.value ?? '')) {
          const where = at(node);
          errors.push({ ...where, line: where.line === undefined ? undefined : where.line + (problem.lineOffset ?? 0), column: problem.lineOffset ? undefined : where.column, message: problem.message, hint: problem.hint });
        }
        return;
      }
      case 'image': {
        const problem = inspectImage(node.url ?? '');
        if (problem) errors.push({ ...at(node), message: problem.message, hint: problem.hint });
        return;
      }
      case 'link': {
        const problem = inspectLinkUrl(node.url ?? '');
        if (problem) errors.push({ ...at(node), message: problem.message, hint: problem.hint });
        else checkLink(node, at(node), context, errors);
        return;
      }
      case 'definition': {
        // `[naam]: adres` carries the address of every [tekst][naam] and ![tekst][naam].
        const problem = inspectDefinition(node.url ?? '', imageReferences.has(node.identifier ?? ''));
        if (problem) errors.push({ ...at(node), message: problem.message, hint: problem.hint });
        return;
      }
      default:
        return;
    }
  });
  if (context.source.includes('VUL IN')) warnings.push(...placeholderWarnings(tree as AnyNode, at));
  return { errors, warnings };
}

/** Brackets Markdown took for a link's or an image's: `[VUL IN: tekst](https://…)` leaves "VUL IN: tekst". */
const EATEN_MARK = /^\s*\\?VUL IN\b/;

/**
 * Every placeholder left in the body, in each form the site leaves out
 * (src/markdown/placeholders.ts): in the text (also when markup splits it or
 * its `]` is missing), in a code span, as a link's text or address, as an
 * image's description. One warning per placeholder, where it starts.
 */
function placeholderWarnings(tree: AnyNode, at: (node: AnyNode) => Omit<ContentErrorDetails, 'message'>): ContentErrorDetails[] {
  const warnings: ContentErrorDetails[] = [];
  const message = 'hier staat nog voorbeeldtekst uit het sjabloon (die wordt niet gepubliceerd)';
  const warn = (node: AnyNode, hint: string) => warnings.push({ ...at(node), message, hint, review: true });
  walk(tree, (node) => {
    const value = node.value ?? '';
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
      case 'html':
        if (value.includes(PLACEHOLDER_MARK)) warn(node, `Vervang de tekst tussen ${PLACEHOLDER_MARK} … ] door de echte tekst.`);
        return;
      case 'link':
      case 'linkReference':
        if (EATEN_MARK.test(textOf(node))) warn(node, `Deze link wordt weggelaten tot hij een echte linktekst heeft: vervang ${PLACEHOLDER_MARK}: … ] door de tekst waarop de lezer klikt.`);
        else if (/VUL(?:\s|%20)IN/i.test(node.url ?? '')) warn(node, 'Het adres van deze link is nog voorbeeldtekst: tot het is ingevuld staat alleen de linktekst er, zonder link.');
        return;
      case 'image':
      case 'imageReference': {
        const alt = (node as { alt?: string | null }).alt ?? '';
        if (alt.includes(PLACEHOLDER_MARK) || EATEN_MARK.test(alt)) warn(node, `De afbeelding wordt getoond zonder deze beschrijving: vervang ${PLACEHOLDER_MARK}: … ] tussen ![ en ] door een beschrijving van wat erop staat.`);
        return;
      }
      default:
        return;
    }
  });
  return warnings;
}

/** Links inside the archive must land on a briefing, and on a heading when they name one. */
function checkLink(node: AnyNode, where: Omit<ContentErrorDetails, 'message'>, context: BodyContext, errors: ContentErrorDetails[]) {
  const url = node.url ?? '';
  const own = /^#(.+)$/.exec(url);
  if (own) {
    if (!context.ownAnchors.has(decodeURIComponent(own[1]!))) {
      errors.push({ ...where, message: `de link naar #${own[1]} wijst naar een kop die in dit stuk niet bestaat`, hint: `Koppen in dit stuk: ${[...context.ownAnchors].slice(0, 12).join(', ')}.` });
    }
    return;
  }
  const internal = /^(?:\.\.\/|\/)?stukken\/([^/#?]+)\/?(?:#(.+))?$/.exec(url);
  if (!internal) return;
  const [, id, anchor] = internal;
  if (Array.isArray(context.anchors)) context.anchors.push({ id: id!, anchor, where });
  else checkArchiveLinks([{ id: id!, anchor, where }], context.anchors, errors);
}

/** A link from one briefing to another (and perhaps one of its headings), with where it stands. */
export interface ArchiveLink {
  id: string;
  anchor: string | undefined;
  where: Omit<ContentErrorDetails, 'message'>;
}

export function checkArchiveLinks(links: readonly ArchiveLink[], anchors: ReadonlyMap<string, ReadonlySet<string>>, errors: ContentErrorDetails[]): void {
  for (const { id, anchor, where } of links) {
    const headings = anchors.get(id);
    if (!headings) {
      errors.push({ ...where, message: `de link wijst naar stuk "${id}", maar dat bestaat niet`, hint: 'Gebruik de bestandsnaam van het stuk, zonder .md of .mdx: /stukken/<naam>/.' });
    } else if (anchor && !headings.has(decodeURIComponent(anchor))) {
      errors.push({ ...where, message: `de link wijst naar #${anchor} in "${id}", maar die kop bestaat daar niet`, hint: /^vraag-\d+$/.test(anchor) ? 'Controleer het vraagnummer; elke vraag heeft een kop “## Vraag N”.' : 'Controleer de naam van de kop.' });
    }
  }
}
