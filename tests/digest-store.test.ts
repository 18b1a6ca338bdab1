import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestStore } from '../src/lib/content/digest-store';

const isNumber = (value: unknown): value is number => typeof value === 'number';
const key = (first: string, n: number) => `${first}${String(n).padStart(63, '0')}`;

describe('the store of values by SHA-256', () => {
  it('keeps values in sixteen files by the first digit, and writes only the parts that changed', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-digest-'));
    const store = digestStore(folder, isNumber);
    store.set(key('a', 1), 1);
    store.set(key('a', 2), 2);
    store.set(key('f', 3), 3);
    store.save();
    expect(readdirSync(folder).sort()).toEqual(['a.json', 'f.json']);

    const again = digestStore(folder, isNumber);
    expect([again.get(key('a', 1)), again.get(key('f', 3)), again.get(key('b', 4))]).toEqual([1, 3, undefined]);
    writeFileSync(join(folder, 'f.json'), '{"kapot"');
    again.set(key('a', 5), 5);
    again.save();
    // The damaged part was not touched by a save that did not change it.
    expect(readFileSync(join(folder, 'f.json'), 'utf8')).toBe('{"kapot"');
    expect(digestStore(folder, isNumber).get(key('f', 3))).toBeUndefined();
  });

  it('drops what is not kept, and a part left empty goes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ra-digest-'));
    const store = digestStore(folder, isNumber);
    store.set(key('1', 1), 1);
    store.set(key('1', 2), 2);
    store.set(key('2', 3), 3);
    store.save();
    digestStore(folder, isNumber).save(new Set([key('1', 2)]));
    expect(readdirSync(folder)).toEqual(['1.json']);
    const kept = digestStore(folder, isNumber);
    expect([kept.get(key('1', 1)), kept.get(key('1', 2))]).toEqual([undefined, 2]);
  });

  it('refuses a key that is not a SHA-256, so no key can name a file', () => {
    const store = digestStore(mkdtempSync(join(tmpdir(), 'ra-digest-')), isNumber);
    expect(() => store.set('../../etc', 1)).toThrow(/geen SHA-256/);
  });
});
