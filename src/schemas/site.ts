/**
 * Site settings a webmaster edits in `content/site.yaml`.
 */
import { z } from 'astro/zod';
import { text } from './common';

/**
 * Where readers and data portals can reach the archive's editors. DCAT-AP-NL asks
 * for an e-mail address or a contact form on the catalogue and every dataset, so
 * give at least one of them; a name alone is still shown on the accessibility page.
 */
export const contactSchema = z.strictObject({
  /** Who answers, e.g. "de griffie" or "Redactie Raadsarchief". */
  naam: text(),
  email: z.email({ error: 'moet een e-mailadres zijn, bijvoorbeeld griffie@gemeente.nl' }).optional(),
  /** A contact form or contact page. */
  url: z.url({ protocol: /^https?$/, error: 'moet een volledig webadres zijn (https://…)' }).optional(),
}, { error: (issue) => (issue.code === 'invalid_type' ? 'contact is een naam, of een blok met naam:, email: en/of url:' : undefined) });

export const siteSchema = z.strictObject({
  naam: text(),
  omschrijving: text(),
  /** Shown on every page, e.g. that this is a sample archive. */
  melding: text().optional(),
  /** Who publishes the archive, for feeds and the data catalogue. */
  uitgever: text(),
  /** Licence of the datasets, as an SPDX id or a URL. */
  licentie: text().default('CC0-1.0'),
  // Earlier versions took one line of text; that still works and becomes the name.
  contact: z.preprocess((value) => (typeof value === 'string' ? { naam: value } : value), contactSchema).optional(),
  /** Days the college has to answer written questions (the Reglement van Orde's term), for the register /vragen/. */
  beantwoordingstermijn: z.number({ error: 'beantwoordingstermijn is een aantal dagen, bijvoorbeeld 30' }).int().min(1).max(365).default(30),
  /** Theme file in src/styles/themes/ (design tokens only), without .css. */
  thema: text().regex(/^[a-z0-9-]+$/, 'thema is de naam van een bestand in src/styles/themes/, zonder .css').default('neutraal'),
});

export type SiteSettings = z.output<typeof siteSchema>;
