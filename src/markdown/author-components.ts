/**
 * Sätteri plugin that makes the author components work in both formats:
 * - in `.md`, directives (`::data-table{dataset="…"}`) are rendered here, at
 *   compile time, by the same function the MDX components call;
 * - in `.mdx`, component tags are checked (known name, valid literal props)
 *   and numbered ("Tabel 3") in document order.
 * Errors name the file and line, so a clerk can find the mistake.
 */
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
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
      if (component === 'Chart') props.nummer = ++figureCount;
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
        // Attributes cannot be set in place; the element is replaced by a copy that carries its number.
        ctx.replaceNode(node, {
          type: node.type,
          name: node.name,
          attributes: [
            ...node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === 'nummer')),
            { type: 'mdxJsxAttribute', name: 'nummer', value: String(number) },
          ],
          children: [],
        } as MdxJsxFlowElement);
      }
      if (!dynamic) parseProps(component, AUTHOR_COMPONENTS[component].schema, literal, where(node));
    };

    return {
      name: 'raadsarchief-author-components',
      options: { position: true },
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
