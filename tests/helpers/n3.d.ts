/**
 * The part of n3 the SHACL helper uses. n3 ships no type declarations, and
 * @types/n3 describes the 1.x line, not the 2.x release installed here.
 */
declare module 'n3' {
  import type { DatasetCore, Quad, Term } from '@rdfjs/types';

  export class Parser {
    constructor(options?: { baseIRI?: string; format?: string });
    /** Parses the whole document at once and returns its quads. */
    parse(input: string): Quad[];
  }

  export class Store implements DatasetCore<Quad, Quad> {
    constructor(quads?: Quad[]);
    readonly size: number;
    add(quad: Quad): this;
    addQuad(quad: Quad): boolean;
    addQuads(quads: Quad[]): void;
    delete(quad: Quad): this;
    has(quad: Quad): boolean;
    match(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): DatasetCore<Quad, Quad>;
    getQuads(subject?: Term | null, predicate?: Term | null, object?: Term | null, graph?: Term | null): Quad[];
    [Symbol.iterator](): Iterator<Quad>;
  }
}
