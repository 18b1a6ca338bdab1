/**
 * The editing screen's form and the content model cannot drift apart: every
 * key of every schema has a field in the CMS configuration with the same
 * required-ness and the same allowed values, checked against the schemas
 * themselves (a briefing of each kind is parsed without the field to see
 * whether the schema requires it). A resident who asked questions has no name
 * field, because the schema refuses one.
 */
import { describe, expect, it } from 'vitest';
import { briefingSchema } from '../src/schemas/briefing';
import { DOCUMENT_TYPE_KEYS, type DocumentType } from '../src/schemas/document-types';
import { keyFiguresDatasetSchema, statusDatasetSchema, tableDatasetSchema } from '../src/schemas/dataset';
import { organisationSchema } from '../src/schemas/organisation';
import { siteSchema } from '../src/schemas/site';
import { cmsConfig, DATASET_FIELDS_IN_FILE, TYPE_SPECIFIC_FIELDS, type CmsField } from '../src/editor/cms-config';
import { describeField, objectFields, type SchemaField } from '../src/editor/schema-walk';

const config = cmsConfig({ root: '/archief', contentRoot: '/archief/content', dataRoot: '/archief/data', backendUrl: 'http://127.0.0.1:4330/api/v1' });
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const field = (fields: CmsField[] | undefined, name: string) => fields?.find((f) => f.name === name);

/** A briefing of this kind that the schema accepts, with every kind-specific block filled in. */
function validBriefing(type: DocumentType): Record<string, unknown> {
  const asker = type === 'vragen-inwoner' ? { soort: 'inwoner' } : { soort: 'raadslid', naam: 'J. Jansen' };
  return {
    type,
    titel: 'Een stuk',
    organisatie: 'almelo',
    datum: '2025-03-04',
    ...(TYPE_SPECIFIC_FIELDS.vragen!.includes(type) ? { vragen: { gesteldDoor: asker, gesteldOp: '2025-02-01' } } : {}),
    ...(type === 'motie-uitvoering' ? { motie: { titel: 'Motie', aangenomen: '2024-07-11', verzoeken: ['iets'], status: 'open' } } : {}),
    ...(type === 'rapportage' ? { periode: { jaar: 2018 } } : {}),
    ...(type === 'woo-besluit' ? { woo: { ontvangen: '2025-01-01' } } : {}),
  };
}

/** The schema itself decides: a briefing of this kind without the key is refused at that key. */
function schemaRequires(type: DocumentType, key: string): boolean {
  const { [key]: _left, ...rest } = validBriefing(type);
  const result = briefingSchema.safeParse(rest);
  return !result.success && result.error.issues.some((issue) => issue.path[0] === key);
}

/**
 * Walks one object of the schema against the form's fields: same keys, same
 * required-ness, same choices. Inside a block the form lets a clerk leave out,
 * a required field is optional in the form (Decap would demand it of an empty
 * block) and its hint says it is required once the block is filled in.
 */
function expectSameFields(fields: Record<string, SchemaField>, cms: CmsField[] | undefined, where: string, required: (key: string, schemaField: SchemaField) => boolean = (_key, f) => !f.optional, skip: (key: string) => boolean = () => false, inOptionalBlock = false) {
  for (const [key, schemaField] of Object.entries(fields)) {
    if (skip(key)) continue;
    const form = field(cms, key);
    expect(form, `${where}.${key} has a field in the form`).toBeDefined();
    expect(form!.label, `${where}.${key} has a label`).toMatch(/\S/);
    expect(form!.hint, `${where}.${key} has a hint`).toMatch(/\S/);
    const schemaRequired = required(key, schemaField);
    expect(form!.required, `${where}.${key} is ${schemaRequired && !inOptionalBlock ? 'required' : 'optional'}`).toBe(schemaRequired && !inOptionalBlock);
    if (schemaRequired && inOptionalBlock) expect(form!.hint).toContain('Verplicht als u dit blok invult.');
    const shape = schemaField.shape;
    if (shape.kind === 'choice') expect(form!.options?.map((o) => o.value), `${where}.${key} offers the schema's values`).toEqual(shape.options);
    if (shape.kind === 'object') expectSameFields(shape.fields, form!.fields, `${where}.${key}`, undefined, undefined, inOptionalBlock || !schemaRequired);
    if (shape.kind === 'list' && shape.item.kind === 'object') expectSameFields(shape.item.fields, form!.fields, `${where}.${key}[]`);
    if (shape.kind === 'list' && shape.item.kind === 'choice') expect(form!.field?.options?.map((o) => o.value)).toEqual(shape.item.options);
    if (shape.kind === 'partial-date') expect(form!.pattern?.[0], `${where}.${key} takes a date with its precision`).toBeDefined();
  }
  // And nothing in the form that the schema does not know.
  for (const form of cms ?? []) if (form.name !== 'body') expect(Object.keys(fields), `${where}: the form's field ${form.name} is in the schema`).toContain(form.name);
}

describe('the form of each kind of briefing', () => {
  const briefing = objectFields(briefingSchema);

  for (const type of DOCUMENT_TYPE_KEYS) {
    it(`has every field of the schema for ${type}, required where the schema requires it`, () => {
      const fields = collection(type).fields;
      const offered = (key: string) => !TYPE_SPECIFIC_FIELDS[key] || TYPE_SPECIFIC_FIELDS[key]!.includes(type);
      expectSameFields(
        briefing,
        fields,
        type,
        (key, f) => !f.optional || schemaRequires(type, key),
        // The asker is a union of variants; checked on its own below.
        (key) => !offered(key) || key === 'type' || key === 'vragen',
      );
      // A field the form leaves out for this kind is one the schema does not require of it.
      for (const key of Object.keys(briefing).filter((k) => !offered(k))) expect(schemaRequires(type, key), `${type} needs ${key}`).toBe(false);
      expect(field(fields, 'type')).toMatchObject({ widget: 'hidden', default: type });
      expect(collection(type).filter).toEqual({ field: 'type', value: type });
      expect(field(fields, 'body')).toMatchObject({ widget: 'text' });
    });
  }

  it('offers every kind of briefing as a choice in the .mdx form', () => {
    const fields = collection('stukken-mdx').fields;
    expect(field(fields, 'type')!.options!.map((o) => o.value)).toEqual([...DOCUMENT_TYPE_KEYS]);
    expectSameFields(briefing, fields, 'mdx', undefined, (key) => key === 'vragen');
  });

  it('asks who asked with the variants the schema accepts for the kind, required where every one of them requires it', () => {
    for (const type of TYPE_SPECIFIC_FIELDS.vragen!) {
      const gesteldDoor = field(field(collection(type).fields, 'vragen')!.fields, 'gesteldDoor')!;
      const soort = field(gesteldDoor.fields, 'soort')!;
      const offered = soort.options ? soort.options.map((o) => o.value) : [String(soort.default)];
      for (const value of offered) {
        const sample = validBriefing(type);
        (sample.vragen as { gesteldDoor: unknown }).gesteldDoor = value === 'inwoner' ? { soort: value } : value === 'fractie' ? { soort: value, fractie: 'X' } : { soort: value, naam: 'J. Jansen' };
        expect(briefingSchema.safeParse(sample).success, `${type} accepts an asker of soort ${value}`).toBe(true);
      }
      const asker = describeField(briefingSchema.shape.vragen).shape;
      const variants = asker.kind === 'object' && asker.fields.gesteldDoor!.shape.kind === 'variants' ? asker.fields.gesteldDoor!.shape.variants.filter((v) => offered.includes(v.value)) : [];
      expect(variants.length).toBe(offered.length);
      const keys = new Set(variants.flatMap((v) => Object.keys(v.fields)));
      expect(new Set(gesteldDoor.fields!.map((f) => f.name))).toEqual(keys);
      // vragen is required for these kinds, so its fields are required as the variants say.
      for (const f of gesteldDoor.fields!) if (f.name !== 'soort') expect(f.required, `${type} gesteldDoor.${f.name}`).toBe(variants.every((v) => v.fields[f.name] && !v.fields[f.name]!.optional));
    }
  });

  it('has no name field for a resident, because the schema refuses a name there', () => {
    const gesteldDoor = field(field(collection('vragen-inwoner').fields, 'vragen')!.fields, 'gesteldDoor')!;
    expect(gesteldDoor.fields!.map((f) => f.name)).toEqual(['soort', 'omschrijving']);
    expect(field(gesteldDoor.fields, 'soort')).toMatchObject({ widget: 'hidden', default: 'inwoner' });
    const named = validBriefing('vragen-inwoner');
    (named.vragen as { gesteldDoor: object }).gesteldDoor = { soort: 'inwoner', naam: 'P. de Vries' };
    expect(briefingSchema.safeParse(named).success).toBe(false);
  });

  it('picks files for the signed original and for each attachment', () => {
    const fields = collection('raadsinformatiebrief').fields;
    expect(field(fields, 'origineel')).toMatchObject({ widget: 'file', required: false });
    expect(field(field(fields, 'bijlagen')!.fields, 'bestand')).toMatchObject({ widget: 'file', required: false });
    expect(config.public_folder).toBe('bijlagen');
  });
});

describe('the forms of organisations, site settings and datasets', () => {
  it('follow their schemas', () => {
    expectSameFields(objectFields(organisationSchema), collection('organisaties').fields, 'organisatie');
    expectSameFields(objectFields(siteSchema), collection('instellingen').files![0]!.fields, 'site');
  });

  it('describe every dataset field shared by all kinds, and name each field left to the file with its reason', () => {
    const kinds = [tableDatasetSchema, statusDatasetSchema, keyFiguresDatasetSchema].map((schema) => objectFields(schema));
    const fields = collection('datasets').fields!;
    for (const kind of kinds) {
      for (const key of Object.keys(kind)) {
        const inForm = field(fields, key);
        const inFile = DATASET_FIELDS_IN_FILE[key];
        expect(Boolean(inForm) !== Boolean(inFile), `dataset field ${key}: either in the form or left to the file`).toBe(true);
        if (inForm && key !== 'soort') expect(inForm.required).toBe(kinds.every((k) => k[key] && !k[key]!.optional));
      }
    }
    expect(field(fields, 'soort')!.options!.map((o) => o.value)).toEqual(['tabel', 'statusoverzicht', 'kerncijfers']);
  });
});
