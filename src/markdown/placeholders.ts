/**
 * Sätteri plugin that keeps the template's and the import's placeholders
 * (`[VUL IN: …]`) off the published page: a paragraph, heading, quote or list
 * item that is nothing but a placeholder is left out, and a placeholder inside
 * a sentence is cut from it. `npm run check` still lists every one of them
 * for the clerk (it reads the body without this plugin).
 */
import type { MdastPluginDefinition } from 'satteri';
import { hasPlaceholder, stripPlaceholders } from '../lib/content/placeholders';

type Ctx = Parameters<NonNullable<MdastPluginDefinition['paragraph']>>[1];
type Node = Parameters<NonNullable<MdastPluginDefinition['paragraph']>>[0];

export function placeholderPlugin(): (ctx: { source: string }) => MdastPluginDefinition | undefined {
  return ({ source }) => {
    // Most briefings have none: then the plugin does not run at all.
    if (!hasPlaceholder(source)) return undefined;
    const dropWhenEmpty = (node: Node, ctx: Ctx) => {
      const text = ctx.textContent(node as never, { includeImageAlt: true });
      if (hasPlaceholder(text) && !stripPlaceholders(text)) ctx.removeNode(node as never);
    };
    return {
      name: 'raadsarchief-placeholders',
      blockquote: (node, ctx) => dropWhenEmpty(node as never, ctx),
      listItem: (node, ctx) => dropWhenEmpty(node as never, ctx),
      heading: (node, ctx) => dropWhenEmpty(node as never, ctx),
      paragraph: (node, ctx) => dropWhenEmpty(node, ctx),
      tableCell: (node, ctx) => {
        const text = ctx.textContent(node as never);
        if (hasPlaceholder(text) && !stripPlaceholders(text)) ctx.setProperty(node as never, 'children', []);
      },
      text: (node, ctx) => {
        if (hasPlaceholder(node.value)) ctx.setProperty(node, 'value', stripPlaceholders(node.value));
      },
    };
  };
}
