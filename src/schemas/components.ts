/**
 * Props of the components authors place in briefings — as MDX components
 * (`<DataTable dataset="…" />`) or Markdown directives (`::data-table{dataset="…"}`).
 * Both forms are validated here and rendered by the same function in src/render/.
 */
import { z } from 'astro/zod';
import { slug, stoplightStatus, STATUS_ORIGINS } from './common';
import { CHART_KINDS } from './dataset';

/** Attributes arrive as strings from directives; numbers are coerced. */
const number = () => z.coerce.number().int().min(1);

export const dataTablePropsSchema = z.strictObject({
  dataset: slug(),
  /** "Tabel N"; set by the Markdown pipeline in document order. */
  nummer: number().optional(),
});

export const chartPropsSchema = z.strictObject({
  dataset: slug(),
  /** Overrides the kind declared in the dataset's `grafiek:` block. */
  soort: z.enum(CHART_KINDS, { error: (i) => `"${String(i.input)}" is geen grafieksoort; kies uit ${CHART_KINDS.join(', ')}` }).optional(),
  /** "Figuur N"; set by the Markdown pipeline in document order. */
  nummer: number().optional(),
  /**
   * The "Tabel N" that already shows this dataset in the briefing; set by the
   * Markdown pipeline. The chart then links to that table instead of repeating it.
   */
  tabel: number().optional(),
});

export const keyFigurePropsSchema = z.strictObject({
  dataset: slug(),
  /** One figure by id, or several separated by commas; all figures of the dataset when omitted. */
  cijfer: z.string().regex(/^[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*$/, 'noem één of meer cijfer-ids, gescheiden door komma’s').optional(),
});

export const stoplightPropsSchema = z.strictObject({
  status: stoplightStatus(),
  herkomst: z
    .enum(STATUS_ORIGINS, { error: () => `herkomst moet ${STATUS_ORIGINS.join(', ')} zijn` })
    .default('bron'),
});

export const statusOverviewPropsSchema = z.strictObject({
  dataset: slug(),
});

export const stoplightLegendPropsSchema = z.strictObject({});

export type DataTableProps = z.input<typeof dataTablePropsSchema>;
export type ChartProps = z.input<typeof chartPropsSchema>;
export type KeyFigureProps = z.input<typeof keyFigurePropsSchema>;
export type StoplightProps = z.input<typeof stoplightPropsSchema>;
export type StatusOverviewProps = z.input<typeof statusOverviewPropsSchema>;

/**
 * The one registry of author-facing components: MDX name, directive name,
 * directive kind (leaf = own line, text = inline) and props schema.
 */
export const AUTHOR_COMPONENTS = {
  DataTable: { directive: 'data-table', kind: 'leaf', schema: dataTablePropsSchema },
  Chart: { directive: 'chart', kind: 'leaf', schema: chartPropsSchema },
  KeyFigure: { directive: 'key-figure', kind: 'leaf', schema: keyFigurePropsSchema },
  StatusOverview: { directive: 'status-overview', kind: 'leaf', schema: statusOverviewPropsSchema },
  StoplightLegend: { directive: 'stoplight-legend', kind: 'leaf', schema: stoplightLegendPropsSchema },
  Stoplight: { directive: 'stoplight', kind: 'text', schema: stoplightPropsSchema },
} as const;

export type AuthorComponentName = keyof typeof AUTHOR_COMPONENTS;
