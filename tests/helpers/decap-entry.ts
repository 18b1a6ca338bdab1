/**
 * An entry as Decap CMS sends it to the local backend when a clerk saves: the
 * file read with Decap's own frontmatter and YAML formatters and written back
 * with them (its own YAML package, key order of the form, no comments). This
 * is the serialisation of decap-cms-core/src/formats, with the same packages.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const decapCore = require.resolve('decap-cms-core/package.json');
/** The parts of yaml 1.x (Decap's own copy) used here. */
interface DecapYaml {
  parseDocument(text: string): { toJSON(): unknown };
  createNode(value: unknown): unknown;
  Document: new () => { contents: unknown; toString(): string };
}
const yaml = createRequire(decapCore)('yaml') as DecapYaml;
const matter = require('gray-matter') as (input: string, options?: object) => { data: Record<string, unknown>; content: string } & object;
const stringify = (require('gray-matter') as { stringify: (body: string, data: object, options?: object) => string }).stringify;

function fromYaml(content: string): Record<string, unknown> {
  return yaml.parseDocument(content).toJSON() as Record<string, unknown>;
}

function toYaml(data: Record<string, unknown>, sortedKeys: string[]): string {
  const contents = yaml.createNode(data) as unknown as { items: Array<{ key: { toString(): string } }> };
  contents.items.sort((a, b) => {
    const ia = sortedKeys.indexOf(a.key.toString());
    const ib = sortedKeys.indexOf(b.key.toString());
    return ia === -1 || ib === -1 ? 0 : ia - ib;
  });
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

const engines = { yaml: { parse: fromYaml, stringify: (data: Record<string, unknown>, options: { sortedKeys?: string[] }) => toYaml(data, options?.sortedKeys ?? []) } };

/** Reads a briefing the way Decap does: its fields, with the body under `body`. */
export function decapRead(text: string): Record<string, unknown> {
  const result = matter(text, { engines, language: 'yaml', delimiters: '---' });
  return { ...result.data, ...(result.content.trim() ? { body: result.content } : {}) };
}

/** Writes the fields back the way Decap does, keys in the order of the form. */
export function decapWrite(data: Record<string, unknown>, sortedKeys: string[]): string {
  const { body = '', ...meta } = data as { body?: string };
  const file = stringify(body, meta, { engines, language: 'yaml', delimiters: '---', sortedKeys });
  return body.slice(-1) !== '\n' && file.slice(-1) === '\n' ? file.slice(0, -1) : file;
}

export const decapYamlRead = fromYaml;
export const decapYamlWrite = toYaml;
