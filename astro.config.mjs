// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { buildFolder } from './src/integrations/build-folder.ts';
import { showBundlerWarning } from './src/integrations/bundler-notices.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { cacheDirFor } from './src/lib/content/cache-dir.ts';
import { siteOrigin } from './src/lib/site/origin.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { briefingProcessor, MARKDOWN_OPTIONS } from './src/markdown/processor.ts';

/**
 * One setting decides where the archive lives: RAADSARCHIEF_BASE="/raadsinformatie/"
 * for a sub-path, nothing for a domain root. RAADSARCHIEF_SITE is the public origin
 * (used for canonical links, feeds and the sitemap).
 */
const base = process.env.RAADSARCHIEF_BASE || '/';
const site = siteOrigin();

// One cache per archive and content model, under node_modules/.astro or the folder RAADSARCHIEF_CACHE names
// (src/lib/content/cache-dir.ts); keyed by the content folder's path within the project, so a CI checkout elsewhere reuses it.
const cacheDir = cacheDirFor(process.env.RAADSARCHIEF_CONTENT || 'content');

export default defineConfig({
  output: 'static',
  cacheDir,
  site,
  base,
  trailingSlash: 'always',
  // Stylesheets as files: cached across pages, and no per-page hashing for the CSP.
  // A few pages at a time, so writing one to disk overlaps rendering the next.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // 'jsx' (the default) can drop spaces between inline elements in prose; true is lossless.
  compressHTML: true,
  // The same pipeline renders .md briefings at page time (src/markdown/render.ts).
  markdown: { ...MARKDOWN_OPTIONS, processor: briefingProcessor() },
  // buildFolder first: its end of build removes the pages of briefings that are gone before the search index reads them.
  integrations: [buildFolder(), contentCheck(), mdx(), sitemap(), searchIndex()],
  // Scripts and styles only from this site; Astro adds the hashes of its own inline styles.
  // 'wasm-unsafe-eval' is what the Pagefind search needs to run its WebAssembly.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  devToolbar: { enabled: false },
  // The bundler's notice about Astro's own directive in every .mdx briefing stays out of the build log (src/integrations/bundler-notices.ts).
  vite: { build: { rolldownOptions: { onwarn: showBundlerWarning } } },
  // Unchanged pages are copied from the previous build; src/lib/site/cache-keys.ts says what each page depends on.
  experimental: { incrementalBuild: true },
});
