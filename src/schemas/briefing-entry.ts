/**
 * A briefing as the content store keeps it: the validated frontmatter and what
 * the pages need to know of the body without holding it — which datasets it
 * cites and whether it draws a chart. The body itself stays in its file and is
 * rendered when its page is made, so the store stays a few hundred bytes an
 * entry however long the letters are.
 */
import { z } from 'astro/zod';
import { briefingSchema } from './briefing';

export const bodyFactsSchema = z.strictObject({
  /** 'md' is rendered by the archive's Markdown pipeline at page time; 'mdx' by Astro's MDX integration. */
  format: z.enum(['md', 'mdx']),
  /** Ids of the datasets the body cites, each once, in order of first mention. */
  datasets: z.array(z.string()),
  /** The body draws at least one chart, so its page loads the chart code. */
  charts: z.boolean(),
});

export const briefingEntrySchema = z.intersection(briefingSchema, z.strictObject({ bodyFacts: bodyFactsSchema }));

export type BodyFacts = z.output<typeof bodyFactsSchema>;
