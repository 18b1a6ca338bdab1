/**
 * Sätteri plugin that makes the author components work in both formats:
 * - in `.md`, directives (`::data-table{dataset="…"}`) are rendered here, at
 *   compile time, by the same function the MDX components call;
 * - in `.mdx`, component tags are checked (known name, valid literal props)
 *   and numbered ("Tabel 3") in document order.
 * A chart of a dataset the briefing also shows as a table, before or after
 * it, is told that table's number, so it links there instead of repeating it.
 * Errors name the file and line, so a clerk can find the mistake.
 */
import { fileURLToPath } from 'node:url';
import type { MdastNode, MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { ContentError } from '../lib/errors/content-error';
import { displayPath } from '../lib/content/paths';
import { parseProps, type SourceLocation } from '../lib/errors/props';
import { AUTHOR_COMPONENTS, type AuthorComponentName } from '../schemas/components';
import { renderAuthorComponent } from '../render/components';
import { placeholder } from '../render/placeholders';
import { lazyLinesBefore } from './source-lines';

const BY_DIRECTIVE = new Map<string, AuthorComponentName>(
  (Object.keys(AUTHOR_COMPONENTS) as AuthorComponentName[]).map((name) => [AUTHOR_COMPONENTS[name].directive, name]),
);
const DIRECTIVE_LIST = [...BY_DIRECTIVE.keys()].join(', ');
const COMPONENT_LIST = Object.keys(AUTHOR_COMPONENTS).join(', ');

type Positioned = { position?: { start: { line: number; column: number } } | undefined };

/**
 * Every table component in the document, in the order the visitors number
 * them: the dataset it shows, or undefined when MDX gives it as an expression.
 */
function tablesInOrder(node: Readonly<MdastNode>, found: (string | undefined)[] = []): (string | undefined)[] {
  if (node.type === 'leafDirective' && BY_DIRECTIVE.get(node.name) === 'DataTable') {
    const dataset = node.attributes?.dataset;
    found.push(typeof dataset === 'string' ? dataset : undefined);
  } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'DataTable') {
    const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'dataset');
    found.push(attribute && typeof attribute.value === 'string' ? attribute.value : undefined);
  }
  if ('children' in node) for (const child of node.children as readonly MdastNode[]) tablesInOrder(child, found);
  return found;
}

export function authorComponentsPlugin(): (ctx: { fileURL: URL | undefined; source: string }) => MdastPluginDefinition {
  return ({ fileURL, source }) => {
    const file = fileURL ? displayPath(fileURLToPath(fileURL)) : '(onbekend bestand)';
    // Lines in the file, not in the body Astro hands over without its frontmatter.
    const offset = lazyLinesBefore(fileURL, source);
    const where = (node: Positioned): SourceLocation => ({
      file,
      line: node.position ? node.position.start.line + offset() : undefined,
      column: node.position?.start.column,
    });
    let tableCount = 0;
    let figureCount = 0;
    /** Dataset id → number of the first table that shows it; filled before the visitors run. */
    const tableOf = new Map<string, number>();
    const chartTable = (dataset: unknown) => (typeof dataset === 'string' ? tableOf.get(dataset) : undefined);

    const renderDirective = (node: { name: string; attributes?: Record<string, string | null | undefined> | null } & Positioned, kind: 'leaf' | 'text' | 'container') => {
      const component = BY_DIRECTIVE.get(node.name);
      if (!component) {
        throw new ContentError({
          ...where(node),
          message: `onbekende component "${node.name}"`,
          hint: `Bekende componenten: ${DIRECTIVE_LIST}.`,
        });
      }
      const expected = AUTHOR_COMPONENTS[component].kind;
      if (expected !== kind) {
        const form = expected === 'leaf' ? `::${node.name}{…} op een eigen regel` : `:${node.name}{…} midden in de tekst`;
        throw new ContentError({ ...where(node), message: `"${node.name}" staat op de verkeerde plek`, hint: `Schrijf ${form}.` });
      }
      const props: Record<string, unknown> = { ...(node.attributes ?? {}) };
      if (component === 'DataTable') props.nummer = ++tableCount;
      if (component === 'Chart') {
        props.nummer = ++figureCount;
        delete props.tabel;
        const table = chartTable(props.dataset);
        if (table) props.tabel = table;
      }
      // Render once now so mistakes fail the compile with file and line; the page renders the real thing.
      renderAuthorComponent(component, props, where(node));
      return { type: 'html' as const, value: placeholder(component, props, where(node)) };
    };

    const checkJsx = (node: (MdxJsxFlowElement | MdxJsxTextElement) & Positioned, ctx: Parameters<NonNullable<MdastPluginDefinition['mdxJsxFlowElement']>>[1]) => {
      const name = node.name;
      if (!name || !/^[A-Z]/.test(name)) return;
      if (!(name in AUTHOR_COMPONENTS)) {
        throw new ContentError({
          ...where(node),
          message: `onbekende component <${name}>`,
          hint: `Bekende componenten: ${COMPONENT_LIST}. Let op hoofdletters.`,
        });
      }
      const component = name as AuthorComponentName;
      // Literal attributes can be checked now, with the line; expressions are checked at render time.
      const literal: Record<string, unknown> = {};
      let dynamic = false;
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && typeof attribute.value !== 'string')) {
          dynamic = true;
          continue;
        }
        literal[attribute.name] = attribute.value ?? 'true';
      }
      if (component === 'DataTable' || component === 'Chart') {
        const number = component === 'DataTable' ? ++tableCount : ++figureCount;
        literal.nummer = number;
        delete literal.tabel;
        const table = component === 'Chart' ? chartTable(literal.dataset) : undefined;
        if (table) literal.tabel = table;
        // Attributes cannot be set in place; the element is replaced by a copy that carries its number.
        ctx.replaceNode(node, {
          type: node.type,
          name: node.name,
          attributes: [
            ...node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && (a.name === 'nummer' || a.name === 'tabel'))),
            { type: 'mdxJsxAttribute', name: 'nummer', value: String(number) },
            ...(table ? [{ type: 'mdxJsxAttribute', name: 'tabel', value: String(table) }] : []),
          ],
          children: [],
        } as MdxJsxFlowElement);
      }
      if (!dynamic) parseProps(component, AUTHOR_COMPONENTS[component].schema, literal, where(node));
    };

    return {
      name: 'raadsarchief-author-components',
      options: { position: true },
      // The whole document first: a chart may come before the table it can point to.
      // Only a chart asks which table shows its dataset; walking every letter's tree for it costs a millisecond a page.
      before: (root) => {
        if (!/::chart\{|<Chart[\s/>]/.test(source)) return;
        tablesInOrder(root).forEach((dataset, i) => {
          if (dataset && !tableOf.has(dataset)) tableOf.set(dataset, i + 1);
        });
      },
      leafDirective: (node) => renderDirective(node, 'leaf'),
      containerDirective: (node) => renderDirective(node, 'container'),
      textDirective: (node, ctx) => {
        // "zie bijlage:A" is prose, not a component: only a known name or braces make it one.
        const written = node.position ? ctx.source.slice(node.position.start.offset, node.position.end.offset) : '';
        if (!BY_DIRECTIVE.has(node.name) && !written.includes('{')) {
          return { type: 'text', value: written || `:${node.name}` };
        }
        return renderDirective(node, 'text');
      },
      mdxJsxFlowElement: (node, ctx) => checkJsx(node, ctx),
      mdxJsxTextElement: (node, ctx) => checkJsx(node, ctx),
    };
  };
}
