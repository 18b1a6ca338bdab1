/**
 * The content model: briefings (content/stukken) and the organisations that
 * send them (content/organisaties). Datasets in data/ are read by
 * src/lib/datasets/load.ts, which reports YAML errors with their line instead of
 * skipping the file.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { join } from 'node:path';
import { contentDir } from './lib/content/paths';
import { loadOrganisations } from './lib/content/organisations';
import { briefingSchema } from './schemas/briefing';

const stukken = defineCollection({
  loader: glob({
    pattern: '**/*.{md,mdx}',
    base: join(contentDir(), 'stukken'),
    // The file name is the address: /stukken/<file name>/, whatever folder it sits in.
    generateId: ({ entry }) => entry.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
  }),
  schema: briefingSchema,
});

// Validated (with line numbers) by loadOrganisations itself.
const organisaties = defineCollection({
  loader: async () => [...loadOrganisations().values()],
});

export const collections = { stukken, organisaties };
