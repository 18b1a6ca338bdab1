/**
 * Values remembered by a file's SHA-256 (a PDF's verdict, its text), kept in
 * sixteen JSON files by the first digit of the key instead of one small file
 * per key: at 10,000 PDFs writing a file each cost more than working the
 * values out, and a rebuild read 2,000 files to find them again. A build that
 * adds one PDF rewrites one of the sixteen.
 *
 * A part is read on first use. Added values are written by save(), beside and
 * renamed so a reader never sees half a file, and at the latest when the
 * process ends. Two processes saving at once lose at most the other's
 * additions, which are worked out again next time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DigestStore<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): void;
  /** Writes the parts that changed; with `keep`, every value whose key it lacks is dropped first. */
  save(keep?: ReadonlySet<string>): void;
}

const KEY = /^[0-9a-f]{64}$/;
const PARTS = '0123456789abcdef';

export function digestStore<T>(folder: string, isValue: (value: unknown) => value is T): DigestStore<T> {
  const parts = new Map<string, Map<string, T>>();
  const changed = new Set<string>();
  let saveOnExit = false;

  const file = (part: string) => join(folder, `${part}.json`);
  const partOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`${folder}: "${key}" is geen SHA-256`);
    return key[0]!;
  };
  const load = (part: string): Map<string, T> => {
    let values = parts.get(part);
    if (values) return values;
    values = new Map();
    try {
      const stored = JSON.parse(readFileSync(file(part), 'utf8')) as Record<string, unknown>;
      for (const [key, value] of Object.entries(stored)) if (isValue(value)) values.set(key, value);
    } catch {
      // Not there yet, or damaged: its values are worked out again.
    }
    parts.set(part, values);
    return values;
  };
  const write = (part: string) => {
    const values = load(part);
    try {
      if (values.size === 0) {
        rmSync(file(part), { force: true });
        return;
      }
      mkdirSync(folder, { recursive: true });
      const fresh = `${file(part)}.${process.pid}`;
      writeFileSync(fresh, JSON.stringify(Object.fromEntries(values)));
      renameSync(fresh, file(part));
    } catch {
      // A read-only folder only costs the next run the same work.
    }
  };
  const store: DigestStore<T> = {
    get: (key) => load(partOf(key)).get(key),
    set(key, value) {
      const part = partOf(key);
      load(part).set(key, value);
      changed.add(part);
      if (!saveOnExit) {
        saveOnExit = true;
        process.once('exit', () => store.save());
      }
    },
    save(keep) {
      if (keep) {
        for (const part of PARTS) {
          if (!parts.has(part) && !existsSync(file(part))) continue;
          const values = load(part);
          for (const key of values.keys()) {
            if (keep.has(key)) continue;
            values.delete(key);
            changed.add(part);
          }
        }
      }
      for (const part of changed) write(part);
      changed.clear();
    },
  };
  return store;
}
