/**
 * Site settings a webmaster edits in `content/site.yaml`.
 */
import { z } from 'astro/zod';
import { text } from './common';

export const siteSchema = z.strictObject({
  naam: text(),
  omschrijving: text(),
  /** Shown on every page, e.g. that this is a sample archive. */
  melding: text().optional(),
  /** Who publishes the archive, for feeds and the data catalogue. */
  uitgever: text(),
  /** Licence of the datasets, as an SPDX id or a URL. */
  licentie: text().default('CC0-1.0'),
  contact: text().optional(),
  /** Days the college has to answer written questions (the Reglement van Orde's term), for the register /vragen/. */
  beantwoordingstermijn: z.number({ error: 'beantwoordingstermijn is een aantal dagen, bijvoorbeeld 30' }).int().min(1).max(365).default(30),
  /** Theme file in src/styles/themes/ (design tokens only), without .css. */
  thema: text().regex(/^[a-z0-9-]+$/, 'thema is de naam van een bestand in src/styles/themes/, zonder .css').default('neutraal'),
});

export type SiteSettings = z.output<typeof siteSchema>;
