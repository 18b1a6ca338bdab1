/**
 * The Decap CMS configuration of the editing screen, generated from the zod
 * schemas when the screen starts: collections for every kind of briefing, the
 * organisations, the site settings and the datasets. Labels and hints come
 * from src/schemas/field-labels.ts. Nothing here restates a field by hand, so
 * a field added to a schema shows up in the form (or stops the screen from
 * starting until it has a label).
 */
import { relative } from 'node:path';
import { briefingSchema } from '../schemas/briefing';
import { DOCUMENT_TYPE_KEYS, DOCUMENT_TYPES, type DocumentType } from '../schemas/document-types';
import { keyFiguresDatasetSchema, statusDatasetSchema, tableDatasetSchema } from '../schemas/dataset';
import { organisationSchema } from '../schemas/organisation';
import { siteSchema } from '../schemas/site';
import { BRIEFING_LABELS, DATASET_LABELS, ORGANISATION_LABELS, SITE_LABELS, type FieldLabel } from '../schemas/field-labels';
import { objectFields, type SchemaField, type ValueShape } from './schema-walk';

export interface CmsField {
  name: string;
  label: string;
  hint: string;
  widget: string;
  required: boolean;
  default?: unknown;
  pattern?: [string, string];
  options?: Array<{ label: string; value: string }>;
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  fields?: CmsField[];
  field?: CmsField;
  collapsed?: boolean;
  choose_url?: boolean;
  allow_multiple?: boolean;
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  extension?: string;
  format?: string;
  create?: boolean;
  delete?: boolean;
  filter?: { field: string; value: string };
  slug?: string;
  summary?: string;
  identifier_field?: string;
  editor?: { preview: boolean };
  fields?: CmsField[];
  files?: Array<{ name: string; label: string; file: string; format: string; fields: CmsField[] }>;
}

/**
 * Top-level fields that belong to some kinds of briefing only; each of those
 * kinds requires it (see the refinements in src/schemas/briefing.ts). Another
 * kind's form does not offer it, and a value already in a file is kept.
 */
export const TYPE_SPECIFIC_FIELDS: Record<string, readonly DocumentType[]> = {
  vragen: ['vragen-raadslid', 'vragen-inwoner', 'schriftelijke-vragen'],
  motie: ['motie-uitvoering'],
  periode: ['rapportage'],
  woo: ['woo-besluit'],
};

/**
 * Who may have asked, per kind of briefing. A resident has no name field at
 * all: the schema has none, so the form has none either.
 */
export const ASKERS_BY_TYPE: Partial<Record<DocumentType, readonly string[]>> = {
  'vragen-inwoner': ['inwoner'],
  'schriftelijke-vragen': ['raadslid', 'fractie'],
};
const DEFAULT_ASKERS = ['raadslid', 'fractie', 'organisatie'];

/**
 * Dataset fields a form cannot hold without changing their meaning: the
 * figures (a row mixes numbers, text and empty cells), and what is declared
 * about them per kind of dataset. They are edited in the YAML file, and the
 * screen keeps them byte for byte when a clerk saves the other fields.
 */
export const DATASET_FIELDS_IN_FILE: Record<string, string> = {
  bron: 'tekst of een blok met naam en url; een formulier kan niet beide',
  eenheid: 'hoort bij de cijfers van een tabel',
  schaal: 'hoort bij de cijfers van een tabel',
  afronding: 'hoort bij de cijfers van een tabel',
  totalenZoalsInBron: 'een bevestiging die de redactie bij de cijfers geeft',
  voorlopigToelichting: 'hoort bij de cijfers van een tabel',
  kolommen: 'de opbouw van de tabel',
  grafiek: 'hoe de cijfers getekend worden',
  geheimhouding: 'hoe kleine aantallen worden afgeschermd',
  normen: 'lijnen en banden bij de cijfers',
  rijen: 'de cijfers zelf: tekst, getallen en lege cellen door elkaar',
  themas: 'de stoplichten van een statusoverzicht',
  cijfers: 'de kerncijfers met hun statusregels',
};

const DATE_PATTERN: [string, string] = ['^(\\d{4}(-\\d{2}(-\\d{2})?)?|onbekend)$', 'schrijf 2024-09-10, 2024-09, 2024 of onbekend'];

/** Select labels a clerk recognises, where the value alone says little. */
const OPTION_LABELS: Record<string, string> = {
  ...Object.fromEntries(DOCUMENT_TYPE_KEYS.map((key) => [key, DOCUMENT_TYPES[key].label])),
  'in-uitvoering': 'in uitvoering',
  'eerste-helft': 'eerste helft',
  'tweede-helft': 'tweede helft',
  'deels-openbaar': 'deels openbaar',
  'niet-openbaar': 'niet openbaar',
  'geen-documenten': 'geen documenten',
  'reeds-openbaar': 'reeds openbaar',
  'buiten-behandeling': 'buiten behandeling',
};

class LabelMissing extends Error {}

function toCmsField(name: string, path: string, field: SchemaField, labels: Record<string, FieldLabel>, context: FieldContext, required = !field.optional): CmsField {
  const label = labels[path];
  if (!label) throw new LabelMissing(`geen label voor het veld ${path}: voeg het toe in src/schemas/field-labels.ts`);
  const requiredInBlock = required && context.inOptionalBlock;
  const hint = requiredInBlock ? `${label.hint} Verplicht als u dit blok invult.` : label.hint;
  const base = { name, label: label.label, hint, required: required && !context.inOptionalBlock, ...(field.defaultValue !== undefined ? { default: field.defaultValue } : {}) };
  if (label.widget === 'file') return { ...base, widget: 'file', choose_url: false, allow_multiple: false };
  // The fields of a block are optional in the form when the block is.
  const inner = { ...context, inOptionalBlock: context.inOptionalBlock || !required };
  return { ...base, ...widgetFor(field.shape, path, labels, inner, label) };
}

interface FieldContext {
  type?: DocumentType;
  /**
   * Inside a block the clerk may leave out (bron, ondertekening): Decap checks a
   * required field even when its block is empty, so there it is optional in the
   * form, with a hint, and the project's check after the save asks for it.
   */
  inOptionalBlock?: boolean;
}

function widgetFor(shape: ValueShape, path: string, labels: Record<string, FieldLabel>, context: FieldContext, label: FieldLabel): Omit<CmsField, 'name' | 'label' | 'hint' | 'required'> {
  switch (shape.kind) {
    case 'text':
      return {
        widget: label.widget === 'text' ? 'text' : 'string',
        ...(shape.pattern ? { pattern: [shape.pattern.regex.source, shape.pattern.message] as [string, string] } : {}),
        ...(shape.format === 'url' ? { pattern: ['^https?://\\S+$', 'moet een volledig webadres zijn (https://…)'] as [string, string] } : {}),
        ...(shape.format === 'email' ? { pattern: ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'moet een e-mailadres zijn, bijvoorbeeld griffie@gemeente.nl'] as [string, string] } : {}),
      };
    case 'partial-date':
      return { widget: 'string', pattern: DATE_PATTERN };
    case 'number':
      return { widget: 'number', value_type: shape.integer ? 'int' : 'float', ...(shape.min !== undefined ? { min: shape.min } : {}), ...(shape.max !== undefined ? { max: shape.max } : {}) };
    case 'boolean':
      return { widget: 'boolean' };
    case 'choice':
      return { widget: 'select', options: shape.options.map((value) => ({ label: OPTION_LABELS[value] ?? value, value })) };
    case 'fixed':
      return { widget: 'hidden', default: shape.value };
    case 'list': {
      // An item exists only once the clerk adds it: its required fields are required.
      if (shape.item.kind === 'object') return { widget: 'list', collapsed: false, fields: objectToFields(shape.item.fields, path, labels, { ...context, inOptionalBlock: false }) };
      const item = { name: 'item', label: label.label, hint: '', required: true, ...widgetFor(shape.item, path, labels, context, label) };
      return { widget: 'list', field: item };
    }
    case 'object':
      return { widget: 'object', collapsed: false, fields: objectToFields(shape.fields, path, labels, context) };
    case 'variants':
      return { widget: 'object', collapsed: false, fields: variantFields(shape, path, labels, context) };
    case 'mixed':
      throw new Error(`het veld ${path} kan niet in een formulier (tekst óf een blok, of cellen van verschillende soort)`);
  }
}

function objectToFields(fields: Record<string, SchemaField>, path: string, labels: Record<string, FieldLabel>, context: FieldContext): CmsField[] {
  return Object.entries(fields).map(([key, field]) => toCmsField(key, `${path}.${key}`, field, labels, context));
}

/**
 * One object for the variants this kind of briefing allows: the discriminator
 * as a choice (or fixed when there is one), every field of those variants, each
 * required only when every allowed variant requires it.
 */
function variantFields(shape: Extract<ValueShape, { kind: 'variants' }>, path: string, labels: Record<string, FieldLabel>, context: FieldContext): CmsField[] {
  const allowed = (context.type && ASKERS_BY_TYPE[context.type]) ?? DEFAULT_ASKERS;
  const variants = shape.variants.filter((v) => allowed.includes(v.value));
  const discriminatorLabel = labels[`${path}.${shape.discriminator}`];
  if (!discriminatorLabel) throw new LabelMissing(`geen label voor het veld ${path}.${shape.discriminator}`);
  const discriminator: CmsField =
    variants.length === 1
      ? { name: shape.discriminator, label: discriminatorLabel.label, hint: discriminatorLabel.hint, required: !context.inOptionalBlock, widget: 'hidden', default: variants[0]!.value }
      : { name: shape.discriminator, label: discriminatorLabel.label, hint: discriminatorLabel.hint, required: !context.inOptionalBlock, widget: 'select', options: variants.map((v) => ({ label: v.value, value: v.value })) };
  const names = [...new Set(variants.flatMap((v) => Object.keys(v.fields)))].filter((name) => name !== shape.discriminator);
  return [
    discriminator,
    ...names.map((name) => {
      const holders = variants.map((v) => v.fields[name]);
      const field = holders.find((f) => f)!;
      const required = holders.every((f) => f && !f.optional);
      return toCmsField(name, `${path}.${name}`, field, labels, context, required);
    }),
  ];
}

const BODY_FIELD: CmsField = {
  name: 'body',
  label: 'Tekst',
  // A plain text area: the rich-text editor would escape Markdown and break ::data-table{…} directives.
  widget: 'text',
  hint: 'In Markdown. Elke vraag krijgt een kop “## Vraag 1”, de vraag als citaat (“> …”) en daaronder het antwoord.',
  required: false,
};

function briefingFields(type: DocumentType | undefined): CmsField[] {
  const fields = objectFields(briefingSchema);
  return Object.entries(fields).flatMap(([key, field]): CmsField[] => {
    const onlyFor = TYPE_SPECIFIC_FIELDS[key];
    if (type && onlyFor && !onlyFor.includes(type)) return [];
    if (key === 'type' && type) {
      const label = BRIEFING_LABELS.type!;
      return [{ name: 'type', label: label.label, hint: label.hint, widget: 'hidden', required: true, default: type }];
    }
    const required = !field.optional || Boolean(type && onlyFor?.includes(type));
    return [toCmsField(key, key, field, BRIEFING_LABELS, { type }, required)];
  });
}

export interface CmsConfigOptions {
  /** The folder the local backend's paths start from. */
  root: string;
  contentRoot: string;
  dataRoot: string;
  /** Where Decap posts its local-backend requests. */
  backendUrl: string;
}

const slash = (path: string) => path.split('\\').join('/');

export function cmsConfig(options: CmsConfigOptions) {
  const stukken = slash(relative(options.root, `${options.contentRoot}/stukken`));
  const briefingCollection = (type: DocumentType): CmsCollection => ({
    name: type,
    label: DOCUMENT_TYPES[type].plural,
    label_singular: DOCUMENT_TYPES[type].label,
    description: DOCUMENT_TYPES[type].description,
    folder: stukken,
    extension: 'md',
    format: 'frontmatter',
    create: true,
    delete: true,
    filter: { field: 'type', value: type },
    slug: '{{organisatie}}-{{titel}}',
    summary: '{{titel}} — {{datum}}',
    identifier_field: 'titel',
    editor: { preview: false },
    fields: [...briefingFields(type), BODY_FIELD],
  });
  return {
    backend: { name: 'git-gateway', branch: 'main' },
    local_backend: { url: options.backendUrl },
    load_config_file: false,
    locale: 'nl',
    publish_mode: 'simple',
    // Attachments go beside the briefings, and the field holds the path as the schema wants it: bijlagen/….
    media_folder: `${stukken}/bijlagen`,
    public_folder: 'bijlagen',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      ...DOCUMENT_TYPE_KEYS.map(briefingCollection),
      {
        name: 'stukken-mdx',
        label: 'Stukken met componenten (.mdx)',
        label_singular: 'Stuk met componenten',
        description: 'Stukken in .mdx, met tabellen en grafieken als componenten. Velden die alleen bij een bepaalde soort stuk horen, zijn hier niet verplicht; de controle na het opslaan zegt wat ontbreekt.',
        folder: stukken,
        extension: 'mdx',
        format: 'frontmatter',
        create: false,
        delete: true,
        slug: '{{organisatie}}-{{titel}}',
        summary: '{{titel}} — {{datum}}',
        identifier_field: 'titel',
        editor: { preview: false },
        fields: [...briefingFields(undefined), BODY_FIELD],
      },
      {
        name: 'organisaties',
        label: 'Organisaties',
        label_singular: 'Organisatie',
        folder: slash(relative(options.root, `${options.contentRoot}/organisaties`)),
        extension: 'yaml',
        format: 'yaml',
        create: true,
        delete: false,
        slug: '{{naam}}',
        identifier_field: 'naam',
        editor: { preview: false },
        fields: Object.entries(objectFields(organisationSchema)).map(([key, field]) => toCmsField(key, key, field, ORGANISATION_LABELS, {})),
      },
      {
        name: 'instellingen',
        label: 'Instellingen van de site',
        editor: { preview: false },
        files: [
          {
            name: 'site',
            label: 'Site',
            file: slash(relative(options.root, `${options.contentRoot}/site.yaml`)),
            format: 'yaml',
            fields: Object.entries(objectFields(siteSchema)).map(([key, field]) => toCmsField(key, key, field, SITE_LABELS, {})),
          },
        ],
      },
      {
        name: 'datasets',
        label: 'Datasets (beschrijving)',
        label_singular: 'Dataset',
        description: 'De beschrijving van tabellen, statusoverzichten en kerncijfers. De cijfers zelf (rijen, kolommen, thema’s) staan in het YAML-bestand en blijven bij het opslaan ongewijzigd.',
        folder: slash(relative(options.root, options.dataRoot)),
        extension: 'yaml',
        format: 'yaml',
        create: false,
        delete: false,
        identifier_field: 'titel',
        editor: { preview: false },
        fields: datasetFields(),
      },
    ] satisfies CmsCollection[],
  };
}

/** The fields all kinds of dataset share, and which kind it is; the rest stays in the file (DATASET_FIELDS_IN_FILE). */
function datasetFields(): CmsField[] {
  const kinds = [tableDatasetSchema, statusDatasetSchema, keyFiguresDatasetSchema].map((schema) => objectFields(schema));
  const shared = Object.keys(kinds[0]!).filter((key) => kinds.every((k) => key in k) && !(key in DATASET_FIELDS_IN_FILE));
  const soortValues = kinds.map((k) => (k.soort!.shape as { value: string }).value);
  const soortLabel = DATASET_LABELS.soort!;
  return shared.map((key) =>
    key === 'soort'
      ? { name: 'soort', label: soortLabel.label, hint: soortLabel.hint, widget: 'select', required: false, options: soortValues.map((value) => ({ label: value, value })) }
      : toCmsField(key, key, kinds[0]![key]!, DATASET_LABELS, {}, kinds.every((k) => !k[key]!.optional)),
  );
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

