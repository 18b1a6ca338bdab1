/**
 * A dataset (`data/*.yaml`): one table or series that briefings cite.
 * Field names are Dutch because clerks write them; see README, "Een tabel toevoegen".
 */
import { z } from 'astro/zod';
import { partialDate, slug, STATUS_ORIGINS, stoplightStatus, text } from './common';

export const COLUMN_TYPES = ['tekst', 'aantal', 'bedrag', 'percentage', 'getal'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const columnSchema = z.strictObject({
  id: slug(),
  label: text(),
  type: z.enum(COLUMN_TYPES, {
    error: (issue) => `"${String(issue.input)}" is geen kolomtype; kies uit ${COLUMN_TYPES.join(', ')}`,
  }),
  /** Decimals shown; defaults per type (0 for counts and amounts, 1 for percentages). */
  decimalen: z.number().int().min(0).max(6).optional(),
  /** Unit of this column when it differs from the dataset's, e.g. "dagen". */
  eenheid: text().optional(),
  /** This column is the sum of other columns (ids). */
  somVan: z.array(slug()).optional(),
  /** false for counts that must not be added up (e.g. a column of averages typed as aantal). */
  optellen: z.boolean().optional(),
});

export const CHART_KINDS = ['staaf', 'gestapeld', 'lijn', 'staaf-lijn'] as const;
export const TIME_AXES = ['kwartaal', 'halfjaar', 'jaar'] as const;

/** How the dataset is drawn as a chart; the component may override the kind. */
export const chartSettingsSchema = z.strictObject({
  soort: z.enum(CHART_KINDS, { error: (i) => `"${String(i.input)}" is geen grafieksoort; kies uit ${CHART_KINDS.join(', ')}` }).default('staaf'),
  /** Column with the categories or periods along the horizontal axis. */
  x: slug(),
  /** Periods along the axis: "2018-K3" (kwartaal), "2018-H2" (halfjaar) or "2018" (jaar); gaps are kept. */
  tijdas: z.enum(TIME_AXES, { error: () => `tijdas moet ${TIME_AXES.join(', ')} zijn` }).optional(),
  /** Columns drawn; all numeric columns when omitted. */
  reeksen: z.array(slug()).optional(),
  /** With soort staaf-lijn: the columns drawn as a line. */
  lijnen: z.array(slug()).default([]),
  /** One sentence saying what the chart shows; generated from the data when omitted. */
  samenvatting: text().optional(),
  /** Label of the vertical axis, e.g. "aantal jeugdigen". */
  yLabel: text().optional(),
});

/** A norm or target: a line at `waarde`, or a band from `van` to `tot`. */
export const normSchema = z
  .strictObject({
    label: text(),
    waarde: z.number().optional(),
    van: z.number().optional(),
    tot: z.number().optional(),
    eenheid: text().optional(),
  })
  .refine((n) => n.waarde !== undefined || (n.van !== undefined && n.tot !== undefined), {
    message: 'een norm heeft een waarde (lijn) of van en tot (band)',
  });

/** Disclosure control of small counts, as CBS applies to youth-care statistics. */
export const disclosureSchema = z.discriminatedUnion(
  'methode',
  [
    z.strictObject({ methode: z.literal('drempel'), drempel: z.number().int().min(2).default(5), kolommen: z.array(slug()).optional() }),
    z.strictObject({ methode: z.literal('afronden'), veelvoud: z.number().int().min(2).default(5), kolommen: z.array(slug()).optional() }),
  ],
  { error: () => 'geheimhouding.methode moet drempel of afronden zijn' },
);

export const ROW_KINDS = ['gegeven', 'subtotaal', 'totaal'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** A cell as typed in YAML: text, a number, or null for "geen gegeven" (– in the source). */
const cellSchema = z.union([z.string(), z.number(), z.null()], {
  error: () => 'een cel is tekst, een getal of leeg (null)',
});

/** A row is a list of cells in column order, or an object with extra marks. */
export const rowSchema = z.union([
  z.array(cellSchema),
  z.strictObject({
    cellen: z.array(cellSchema),
    soort: z.enum(ROW_KINDS, {
      error: (issue) => `"${String(issue.input)}" is geen rijsoort; kies uit ${ROW_KINDS.join(', ')}`,
    }).default('gegeven'),
    /** Figures that may still change (late invoices, preliminary counts). */
    voorlopig: z.boolean().default(false),
    /** Footnote number(s) this row refers to (1-based, into `voetnoten`). */
    noten: z.array(z.number().int().min(1)).default([]),
  }),
]);

const sourceSchema = z.union([
  text(),
  z.strictObject({ naam: text(), url: z.url().optional() }),
]);

const datasetBase = {
  titel: text(),
  /** Longer caption; the title is used when absent. */
  bijschrift: text().optional(),
  bron: sourceSchema,
  /** The moment the figures describe … */
  peildatum: partialDate().optional(),
  /** … or the period they cover, e.g. "2018, tweede helft". */
  periode: z.union([text(), z.number().int().transform(String)]).optional(),
  onderwerpen: z.array(text()).default([]),
  voetnoten: z.array(text()).default([]),
  /** Licence when it differs from the site's default. */
  licentie: text().optional(),
};

export const tableDatasetSchema = z
  .strictObject({
    soort: z.literal('tabel').default('tabel'),
    ...datasetBase,
    /** Unit of the figures, e.g. "aantal jeugdigen" or "euro". */
    eenheid: text().optional(),
    /** Scale of the figures, e.g. "× € 1.000" or "mln euro". */
    schaal: text().optional(),
    /**
     * Cells are rounded to multiples of this (in the table's own units), so sums
     * may differ by up to half of it per cell. 0 means exact.
     */
    afronding: z.number().min(0).default(0),
    /**
     * The clerk confirmed that the totals stand so in the source, also where
     * they do not add up: the site still says so under the table, and the check
     * lists them for review instead of stopping a strict build.
     */
    totalenZoalsInBron: z.boolean({ error: 'totalenZoalsInBron is ja (true) of nee (false)' }).default(false),
    /** What "voorlopig" means for this table. */
    voorlopigToelichting: text().optional(),
    kolommen: z.array(columnSchema).min(1, 'een tabel heeft minstens één kolom'),
    grafiek: chartSettingsSchema.optional(),
    geheimhouding: disclosureSchema.optional(),
    normen: z.array(normSchema).default([]),
    rijen: z.array(rowSchema).min(1, 'een tabel heeft minstens één rij'),
  })
  .refine((d) => d.peildatum !== undefined || d.periode !== undefined, {
    message: 'noem een peildatum of een periode: lezers moeten weten op welk moment de cijfers slaan',
    path: ['peildatum'],
  });

export const themeStatusSchema = z.strictObject({
  /** Anchor of the section in the briefing that discusses this theme. */
  id: slug(),
  thema: text(),
  ontwikkeling: text(),
  streefbeeld: text(),
  /** Omitted when the source does not state it. */
  status: stoplightStatus().optional(),
  herkomst: z.enum(STATUS_ORIGINS, {
    error: () => `herkomst moet ${STATUS_ORIGINS.join(', ')} zijn`,
  }),
  /** Why the status is what it is; required when derived by the editor. */
  toelichting: text().optional(),
});

export const statusDatasetSchema = z
  .strictObject({
    soort: z.literal('statusoverzicht'),
    ...datasetBase,
    themas: z.array(themeStatusSchema).min(1, 'een statusoverzicht heeft minstens één thema'),
  })
  .superRefine((d, ctx) => {
    d.themas.forEach((theme, index) => {
      if (theme.herkomst === 'onbekend' && theme.status) {
        ctx.addIssue({ code: 'custom', path: ['themas', index, 'status'], message: 'herkomst is onbekend maar er staat een status; laat de status weg of noem de herkomst' });
      }
      if (theme.herkomst !== 'onbekend' && !theme.status) {
        ctx.addIssue({ code: 'custom', path: ['themas', index, 'status'], message: 'ontbreekt; zet herkomst op onbekend als de bron geen status geeft' });
      }
      if (theme.herkomst === 'afgeleid' && !theme.toelichting) {
        ctx.addIssue({ code: 'custom', path: ['themas', index, 'toelichting'], message: 'ontbreekt: leg uit waarop de afgeleide status berust' });
      }
    });
  });

const statusRuleSchema = z.strictObject({
  status: stoplightStatus(),
  als: text().regex(/^\s*(<=|>=|<|>|=)\s*-?\d+(?:[.,]\d+)?\s*$/, 'schrijf een vergelijking zoals "<= 28" of "> 28"'),
});

export const keyFigureSchema = z.strictObject({
  id: slug(),
  label: text(),
  waarde: z.number({ error: 'waarde moet een getal zijn' }),
  type: z.enum(['aantal', 'bedrag', 'percentage', 'getal'], { error: () => 'type moet aantal, bedrag, percentage of getal zijn' }).default('getal'),
  decimalen: z.number().int().min(0).max(6).optional(),
  eenheid: text().optional(),
  /** How precise the source is: "ruim", "ongeveer", "zo'n". */
  bij: text().optional(),
  periode: text(),
  voorlopig: z.boolean().default(false),
  /** What the value is compared with: a norm, a target, or an earlier period. */
  vergelijking: z
    .strictObject({
      soort: z.enum(['norm', 'doel', 'vorige-periode'], { error: () => 'vergelijking.soort moet norm, doel of vorige-periode zijn' }),
      label: text().optional(),
      waarde: z.number(),
      periode: text().optional(),
    })
    .optional(),
  /** Declared rule for the stoplight status; first matching rule wins. */
  statusregel: z.array(statusRuleSchema).optional(),
  toelichting: text().optional(),
});

export const keyFiguresDatasetSchema = z.strictObject({
  soort: z.literal('kerncijfers'),
  ...datasetBase,
  cijfers: z.array(keyFigureSchema).min(1, 'een kerncijferset heeft minstens één cijfer'),
});

/** `soort` defaults to a table, so clerks only write it for a status overview. */
export const datasetSchema = z.union([statusDatasetSchema, tableDatasetSchema]);

export type TableDatasetInput = z.input<typeof tableDatasetSchema>;
export type TableDatasetData = z.output<typeof tableDatasetSchema>;
export type StatusDatasetData = z.output<typeof statusDatasetSchema>;
export type Column = z.output<typeof columnSchema>;
export type ThemeStatus = z.output<typeof themeStatusSchema>;
export type ChartSettings = z.output<typeof chartSettingsSchema>;
export type Norm = z.output<typeof normSchema>;
export type DisclosureSettings = z.output<typeof disclosureSchema>;
export type KeyFigure = z.output<typeof keyFigureSchema>;
export type KeyFiguresDatasetData = z.output<typeof keyFiguresDatasetSchema>;
export type ChartKind = (typeof CHART_KINDS)[number];
