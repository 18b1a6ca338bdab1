/**
 * The Markdown pipeline of the archive, in one place: Astro's configuration
 * uses it for `.mdx` (through the MDX integration) and for any Markdown Astro
 * renders itself, and src/markdown/render.ts uses the very same pipeline to
 * render `.md` briefings when their page is made.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { authorComponentsPlugin } from './author-components';
import { mdxSafetyPlugin } from './mdx-safety';
import { placeholderPlugin } from './placeholders';

export function briefingProcessor() {
  return satteri({
    // Footnotes are headed and linked back in Dutch, like the rest of the page.
    features: { directive: true, gfm: { footnotes: { label: 'Voetnoten', backLabel: 'Terug naar verwijzing {reference}' } } },
    mdastPlugins: [mdxSafetyPlugin(), placeholderPlugin(), authorComponentsPlugin()],
  });
}

/** Astro's shared Markdown settings as astro.config.mjs sets them. */
export const MARKDOWN_OPTIONS = {
  // Briefings have no code blocks; Shiki's inline styles would also clash with the CSP.
  syntaxHighlight: false,
} as const satisfies Parameters<ReturnType<typeof satteri>['createRenderer']>[0];
