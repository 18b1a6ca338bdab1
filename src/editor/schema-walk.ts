/**
 * Reads the zod schemas of src/schemas/ as a form needs them: for each field
 * whether it may be left out, what kind of value it takes and which values are
 * allowed. The schemas stay the one declaration of the content model; the
 * editing screen's form and its drift test both read them through here.
 */
import type { z } from 'astro/zod';

type Schema = z.ZodType;
// zod keeps a schema's definition on `_zod.def`; its shape differs per kind, so it is read loosely here and nowhere else.
type Def = {
  type: string;
  innerType?: Schema;
  element?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string; pattern?: RegExp; error?: (issue: object) => unknown; value?: number } } }>;
  defaultValue?: unknown;
};

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

export type ValueShape =
  | { kind: 'text'; pattern?: { regex: RegExp; message: string }; format?: 'url' | 'email' }
  | { kind: 'partial-date' }
  | { kind: 'number'; integer: boolean; min?: number; max?: number }
  | { kind: 'boolean' }
  | { kind: 'choice'; options: string[] }
  | { kind: 'fixed'; value: string }
  | { kind: 'list'; item: ValueShape }
  | { kind: 'object'; fields: Record<string, SchemaField> }
  /** A union of objects told apart by `discriminator` (who asked: raadslid, fractie, inwoner, …). */
  | { kind: 'variants'; discriminator: string; variants: Array<{ value: string; fields: Record<string, SchemaField> }> }
  /** Text or an object (a dataset's source), a table cell: a form cannot offer it as one field. */
  | { kind: 'mixed' };

export interface SchemaField {
  /** May be left out of the file (optional, or with a default). */
  optional: boolean;
  defaultValue?: unknown;
  shape: ValueShape;
}

/** Optional, default and preprocess wrappers, peeled off. */
export function describeField(schema: Schema): SchemaField {
  let optional = false;
  let defaultValue: unknown;
  let inner = schema;
  for (;;) {
    const def = defOf(inner);
    if (def.type === 'optional') {
      optional = true;
      inner = def.innerType!;
    } else if (def.type === 'default') {
      optional = true;
      defaultValue = typeof def.defaultValue === 'function' ? undefined : def.defaultValue;
      inner = def.innerType!;
    } else if (def.type === 'pipe' && defOf(def.in!).type === 'transform') {
      // z.preprocess: what the form offers is what comes out of it.
      inner = def.out!;
    } else break;
  }
  return { optional, ...(defaultValue !== undefined && !Array.isArray(defaultValue) ? { defaultValue } : {}), shape: describeValue(inner) };
}

function describeValue(schema: Schema): ValueShape {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const format = def.format === 'url' || def.format === 'email' ? def.format : undefined;
      const regex = def.checks?.map((c) => c._zod.def).find((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
      const message = regex?.error?.({});
      return { kind: 'text', ...(format ? { format } : {}), ...(regex?.pattern ? { pattern: { regex: regex.pattern, message: typeof message === 'string' ? message : 'heeft niet de goede vorm' } } : {}) };
    }
    case 'number': {
      const number = schema as unknown as { minValue: number | null; maxValue: number | null; isInt: boolean };
      const finite = (n: number | null) => (n !== null && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
      return { kind: 'number', integer: number.isInt, ...(finite(number.minValue) !== undefined ? { min: finite(number.minValue) } : {}), ...(finite(number.maxValue) !== undefined ? { max: finite(number.maxValue) } : {}) };
    }
    case 'boolean':
      return { kind: 'boolean' };
    case 'enum':
      return { kind: 'choice', options: Object.values(def.entries!) };
    case 'literal':
      return { kind: 'fixed', value: String(def.values![0]) };
    case 'array':
      return { kind: 'list', item: describeField(def.element!).shape };
    case 'object':
      return { kind: 'object', fields: objectFields(schema) };
    case 'pipe':
      // partialDate(): anything in, a date with its precision out.
      if (defOf(def.in!).type === 'any') return { kind: 'partial-date' };
      // number().transform(String): the value typed is what goes in.
      return describeValue(defOf(def.out!).type === 'transform' ? def.in! : def.out!);
    case 'union': {
      const options = def.options!.map((option) => describeField(option).shape);
      const discriminator = options.every((o) => o.kind === 'object') ? commonFixedKey(options as Array<Extract<ValueShape, { kind: 'object' }>>) : undefined;
      // Text or a number (a period written as 2018): a text field holds both.
      if (options.every((o) => o.kind === 'text' || o.kind === 'number') && options.some((o) => o.kind === 'text')) return { kind: 'text' };
      if (!discriminator) return { kind: 'mixed' };
      return {
        kind: 'variants',
        discriminator,
        variants: (options as Array<Extract<ValueShape, { kind: 'object' }>>).map((o) => ({ value: (o.fields[discriminator]!.shape as { value: string }).value, fields: o.fields })),
      };
    }
    default:
      // null, unions of scalars, …: the config refuses these unless they are kept to the file.
      return { kind: 'mixed' };
  }
}

function commonFixedKey(options: Array<Extract<ValueShape, { kind: 'object' }>>): string | undefined {
  const first = options[0];
  if (!first) return undefined;
  return Object.keys(first.fields).find((key) => options.every((o) => o.fields[key]?.shape.kind === 'fixed'));
}

/** The fields of an object schema (refinements and all), in declaration order. */
export function objectFields(schema: Schema): Record<string, SchemaField> {
  const shape = (schema as unknown as { shape: Record<string, Schema> }).shape;
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, describeField(field)]));
}
