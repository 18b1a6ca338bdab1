/**
 * Sätteri plugin that refuses, at compile time, content that would run code or
 * load something from another site: MDX imports of anything but the project's
 * own components, `export` lines, raw `<script>`, `<style>`, `<link>`,
 * `<iframe>`, event handlers, links with a scheme other than http(s), mailto
 * and tel (`javascript:`, `data:`, …), and images or media from other hosts.
 *
 * `npm run check` and the check before every build report the same problems
 * (same rules, src/lib/content/content-safety.ts); this plugin also stops a page that
 * the dev server compiles after the clerk edited it, so nothing unsafe is ever
 * rendered, not even in a preview.
 */
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, MdxJsxFlowElement, MdxJsxTextElement } from 'satteri';
import { inspectDefinition, inspectEsm, inspectHtml, inspectImage, inspectJsxElement, inspectLinkUrl, type SafetyProblem } from '../lib/content/content-safety';
import { ContentError } from '../lib/errors/content-error';
import { displayPath } from '../lib/content/paths';
import { lazyLinesBefore } from './source-lines';

type Positioned = { position?: { start: { line: number; column: number } } | undefined };

export function mdxSafetyPlugin(): (ctx: { fileURL: URL | undefined; source: string }) => MdastPluginDefinition {
  return ({ fileURL, source }) => {
    const path = fileURL ? fileURLToPath(fileURL) : undefined;
    const file = path ? displayPath(path) : '(onbekend bestand)';
    const offset = lazyLinesBefore(fileURL, source);
    const fail = (node: Positioned, problem: SafetyProblem | undefined): void => {
      if (!problem) return;
      const line = node.position?.start.line;
      throw new ContentError({
        file,
        line: line === undefined ? undefined : line + offset() + (problem.lineOffset ?? 0),
        column: problem.lineOffset ? undefined : node.position?.start.column,
        message: problem.message,
        hint: problem.hint,
      });
    };
    const checkJsx = (node: (MdxJsxFlowElement | MdxJsxTextElement) & Positioned) => {
      // Capitalised names are the archive's components, checked by authorComponentsPlugin.
      if (!node.name || /^[A-Z]/.test(node.name)) return;
      fail(node, inspectJsxElement(node.name, node.attributes));
    };
    // A definition may come before or after the ![…][naam] that uses it, so those are judged once the whole tree is seen.
    const definitions: Array<{ node: Positioned; url: string; identifier: string }> = [];
    const imageReferences = new Set<string>();

    return {
      name: 'raadsarchief-mdx-safety',
      options: { position: true },
      mdxjsEsm: (node) => fail(node, inspectEsm(node.value, path ?? '', process.cwd())[0]),
      html: (node) => fail(node, inspectHtml(node.value)[0]),
      image: (node) => fail(node, inspectImage(node.url)),
      link: (node) => fail(node, inspectLinkUrl(node.url)),
      definition: (node) => {
        fail(node, inspectLinkUrl(node.url));
        definitions.push({ node, url: node.url, identifier: node.identifier });
      },
      imageReference: (node) => {
        imageReferences.add(node.identifier);
      },
      after: () => {
        for (const { node, url, identifier } of definitions) fail(node, inspectDefinition(url, imageReferences.has(identifier)));
      },
      mdxJsxFlowElement: (node) => checkJsx(node),
      mdxJsxTextElement: (node) => checkJsx(node),
    };
  };
}
