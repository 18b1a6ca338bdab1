/**
 * SHACL validation of a JSON-LD document, fully offline: shapes are Turtle files
 * kept in the repository, and a document that names a remote @context is
 * refused instead of fetched, so a result never depends on the network.
 * Results are grouped by shape, path and constraint, so a failing test reads
 * like a validator's report rather than a list of hundreds of blank nodes.
 */
import { readFileSync } from 'node:fs';
import type { Quad, Term } from '@rdfjs/types';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';
/** DCAT-AP-NL's own messages on its shapes. */
const EUSH_MESSAGE = 'https://purl.eu/ns/shacl#message';

export type Severity = 'Violation' | 'Warning' | 'Info';

export interface ShaclResult {
  severity: Severity;
  /** The shape that failed, short: "nl-sh:DatasetShape_creator_minCount" or "dcatap301#dcat:DistributionShape/«licence»". */
  shape: string;
  path: string;
  /** SHACL constraint component without prefix and suffix: MinCount, Class, NodeKind … */
  constraint: string;
  message: string;
  focusNode: string;
  value: string;
}

export interface ShaclReport {
  conforms: boolean;
  triples: number;
  results: ShaclResult[];
  violations: ShaclResult[];
}

/** The shapes of one or more Turtle files, as one graph. */
export function readShapes(files: string[]): Store {
  const store = new Store();
  for (const file of files) store.addQuads(new Parser({ baseIRI: `file://${file}` }).parse(readFileSync(file, 'utf8')));
  return store;
}

/** The triples of a JSON-LD document; an invalid IRI or a remote context is an error, never a silently dropped triple. */
export function parseJsonLd(text: string): Promise<Store> {
  const store = new Store();
  return new Promise((resolve, reject) => {
    const parser = new JsonLdParser({
      strictValues: true,
      documentLoader: {
        load: async (url: string) => {
          throw new Error(`remote JSON-LD context ${url} is not loaded: the catalogue must carry its own @context`);
        },
      },
    });
    parser.on('data', (quad: Quad) => store.add(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(store));
    parser.write(text);
    parser.end();
  });
}

const PREFIXES: Array<[string, string]> = [
  ['http://www.w3.org/ns/dcat#', 'dcat:'],
  ['http://purl.org/dc/terms/', 'dct:'],
  ['http://xmlns.com/foaf/0.1/', 'foaf:'],
  ['http://www.w3.org/2006/vcard/ns#', 'vcard:'],
  ['http://www.w3.org/2004/02/skos/core#', 'skos:'],
  ['http://www.w3.org/ns/adms#', 'adms:'],
  ['http://data.europa.eu/r5r/', 'dcatap:'],
  [SH, 'sh:'],
  ['http://modellen.geostandaarden.nl/dcat-ap-nl/id/shape/', 'nl-sh:'],
  ['https://semiceu.github.io/DCAT-AP/releases/3.0.1#', 'dcatap301#'],
  ['http://www.w3.org/2001/XMLSchema#', 'xsd:'],
];

function short(term: Term | undefined | null): string {
  if (!term) return '-';
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const datatype = !term.language && term.datatype.value !== `http://www.w3.org/2001/XMLSchema#string` ? `^^${short(term.datatype)}` : '';
    return `"${term.value}"${term.language ? `@${term.language}` : ''}${datatype}`;
  }
  const prefix = PREFIXES.find(([namespace]) => term.value.startsWith(namespace));
  return prefix ? prefix[1] + term.value.slice(prefix[0].length) : `<${term.value}>`;
}

function objects(shapes: Store, subject: Term | undefined, predicate: string): Term[] {
  if (!subject) return [];
  return shapes.getQuads(subject, { termType: 'NamedNode', value: predicate } as Term, null, null).map((quad) => quad.object);
}

/** Validates `data` and returns every result; `conforms` is false only for violations (warnings are advice). */
export async function validate(data: Store, shapes: Store): Promise<ShaclReport> {
  const report = await new SHACLValidator(shapes).validate(data);
  const results = report.results.map((result): ShaclResult => {
    const shape = result.sourceShape;
    // DCAT-AP's property shapes are hashes; their sh:name says which property they are about.
    const name = objects(shapes, shape, `${SH}name`).find((t) => t.termType === 'Literal' && (!t.language || t.language === 'en'));
    const shapeName = short(shape).replace(/^(dcatap301#[^/]+)\/[0-9a-f]{40}$/, `$1/«${name?.value ?? '?'}»`);
    const constraint = short(result.sourceConstraintComponent).replace(/^sh:|ConstraintComponent$/g, '');
    const ownMessage = objects(shapes, shape, EUSH_MESSAGE)[0]?.value;
    const classes = objects(shapes, shape, `${SH}class`).map(short);
    const message = ownMessage ?? result.message.map((t) => t.value).find(Boolean) ?? (constraint === 'Class' ? `value must be typed ${classes.join(' or ')}` : constraint);
    return {
      severity: short(result.severity).replace('sh:', '') as Severity,
      shape: shapeName,
      path: result.path?.termType === 'NamedNode' ? short(result.path) : '(complex path)',
      constraint,
      message: message.replace(/\s+/g, ' '),
      focusNode: short(result.focusNode),
      value: short(result.value),
    };
  });
  const violations = results.filter((r) => r.severity === 'Violation');
  return { conforms: violations.length === 0, triples: data.size, results, violations };
}

/** One line per distinct problem, with how often it occurs and one example: what a person fixing the catalogue needs. */
export function describeResults(results: ShaclResult[]): string {
  const groups = new Map<string, { count: number; example: string }>();
  for (const r of results) {
    const key = `${r.severity} | ${r.shape} | ${r.path} | ${r.constraint} | ${r.message}`;
    const group = groups.get(key) ?? { count: 0, example: `${r.focusNode} → ${r.value}` };
    group.count++;
    groups.set(key, group);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, { count, example }]) => `${String(count).padStart(4)}  ${key}\n        bijvoorbeeld ${example}`)
    .join('\n');
}
