// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { authorComponentsPlugin } from './src/markdown/author-components.ts';

/**
 * One setting decides where the archive lives: RAADSARCHIEF_BASE="/raadsinformatie/"
 * for a sub-path, nothing for a domain root. RAADSARCHIEF_SITE is the public origin
 * (used for canonical links, feeds and the sitemap).
 */
const base = process.env.RAADSARCHIEF_BASE || '/';
const site = process.env.RAADSARCHIEF_SITE || 'https://raadsarchief.example';

export default defineConfig({
  output: 'static',
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // 'jsx' (the default) can drop spaces between inline elements in prose; true is lossless.
  compressHTML: true,
  markdown: {
    processor: satteri({
      features: { directive: true },
      mdastPlugins: [authorComponentsPlugin()],
    }),
  },
  integrations: [contentCheck(), mdx()],
  devToolbar: { enabled: false },
});
