/**
 * Building blocks shared by the schemas: Dutch messages a clerk can act on.
 */
import { z } from 'astro/zod';
import { parsePartialDate, type PartialDate } from './partial-date';

/** Required, non-empty text. */
export const text = () =>
  z
    .string({
      error: (issue) => (issue.input === undefined ? 'ontbreekt (verplicht veld)' : 'moet tekst zijn'),
    })
    .trim()
    .min(1, 'mag niet leeg zijn');

/** A date as precise as the source: 2024-09-10, 2024-09, 2024 or "onbekend". */
export const partialDate = () =>
  z.any().transform((value, ctx): PartialDate => {
    if (value === undefined || value === null) {
      ctx.addIssue({ code: 'custom', message: 'ontbreekt; schrijf 2024-09-10, 2024-09, 2024 of "onbekend"' });
      return z.NEVER;
    }
    const parsed = parsePartialDate(value);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed;
  });

/** Lower-case identifier used in file names and URLs. */
export const slug = () =>
  text().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'mag alleen kleine letters, cijfers en streepjes bevatten (bijvoorbeeld "almelo")');

export const STOPLIGHT_STATUSES = ['rood', 'oranje', 'groen'] as const;
export type StoplightStatus = (typeof STOPLIGHT_STATUSES)[number];

export const stoplightStatus = () =>
  z.enum(STOPLIGHT_STATUSES, {
    error: (issue) =>
      `"${String(issue.input)}" is geen stoplichtkleur; kies rood, oranje of groen`,
  });

/**
 * Where a status comes from. A reader must be able to tell the source's own
 * judgement from the editor's reading of it.
 */
export const STATUS_ORIGINS = ['bron', 'afgeleid', 'berekend', 'onbekend'] as const;
export type StatusOrigin = (typeof STATUS_ORIGINS)[number];
