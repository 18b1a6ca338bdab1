/**
 * An organisation that sends briefings: a municipality (gemeente) or a joint
 * arrangement of municipalities (samenwerkingsverband).
 */
import { z } from 'astro/zod';
import { text } from './common';

export const organisationSchema = z
  .strictObject({
    naam: text(),
    soort: z.enum(['gemeente', 'samenwerkingsverband'], {
      error: () => 'soort moet gemeente of samenwerkingsverband zijn',
    }),
    /** CBS municipality code, e.g. GM0141 for Almelo. */
    cbsCode: text()
      .regex(/^GM\d{4}$/, 'cbsCode heeft de vorm GM gevolgd door vier cijfers, bijvoorbeeld GM0141')
      .optional(),
    /** Members of a samenwerkingsverband, as organisation ids or names. */
    leden: z.array(text()).default([]),
    /** The organisation's own site, linked from its listing page. */
    website: z.url({ error: 'moet een volledig webadres zijn (https://…)' }).optional(),
  })
  .superRefine((data, ctx) => {
    if (data.soort === 'gemeente' && !data.cbsCode) {
      ctx.addIssue({ code: 'custom', path: ['cbsCode'], message: 'ontbreekt: een gemeente heeft een CBS-code zoals GM0141' });
    }
  });

export type Organisation = z.output<typeof organisationSchema> & { id: string };
