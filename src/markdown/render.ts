/**
 * Renders the body of a `.md` briefing when its page is made, from its file,
 * with the archive's Markdown pipeline (src/markdown/processor.ts). Keeping
 * bodies and their HTML out of Astro's content store is what lets an archive of
 * 100,000 briefings build (see src/lib/content/briefing-loader.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitFrontmatter } from '../lib/content/check';
import { briefingProcessor, MARKDOWN_OPTIONS } from './processor';
import { neutralizePlaceholders } from './placeholders';

type Renderer = Awaited<ReturnType<ReturnType<typeof briefingProcessor>['createRenderer']>>;
type MarkdownHeading = Awaited<ReturnType<Renderer['render']>>['metadata']['headings'][number];

let renderer: Promise<Renderer> | undefined;

export interface RenderedBody {
  html: string;
  headings: MarkdownHeading[];
}

/** `file` is the briefing's path as the content store has it, relative to the project (or absolute). */
export async function renderMarkdownBody(file: string): Promise<RenderedBody> {
  const path = resolve(file);
  const parts = splitFrontmatter(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  if (!parts) throw new Error(`${file}: de voorkant (frontmatter) ontbreekt of is niet afgesloten`);
  renderer ??= briefingProcessor().createRenderer(MARKDOWN_OPTIONS);
  // Placeholders in every form a clerk can leave them become one the pipeline's plugin removes (src/markdown/placeholders.ts).
  const { code, metadata } = await (await renderer).render(neutralizePlaceholders(parts.body), { fileURL: pathToFileURL(path) });
  return { html: code, headings: metadata.headings };
}
