/**
 * The content model: briefings (content/stukken) and the organisations that
 * send them (content/organisaties). Datasets in data/ are read by
 * src/lib/datasets/load.ts, which reports YAML errors with their line instead of
 * skipping the file.
 */
import { defineCollection } from 'astro:content';
import { briefingLoader } from './lib/content/briefing-loader';
import { loadOrganisations } from './lib/content/organisations';
import { briefingEntrySchema } from './schemas/briefing-entry';

// Validated (with line numbers) by the loader itself, with the same code as `npm run check`;
// the schema gives the entries their type.
const stukken = defineCollection({
  loader: briefingLoader(),
  schema: briefingEntrySchema,
});

// Validated (with line numbers) by loadOrganisations itself.
const organisaties = defineCollection({
  loader: async () => [...loadOrganisations().values()],
});

export const collections = { stukken, organisaties };
