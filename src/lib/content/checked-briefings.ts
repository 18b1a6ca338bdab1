/**
 * During a build the content check and the content loader run in one process,
 * one after the other. The check reads and validates every briefing; the
 * loader takes what it read instead of reading and parsing each file again.
 * Kept on globalThis because Astro loads the configuration (and with it the
 * check) and the content loader as separate module instances. A file that
 * changed on disk since the check (size or modification time) is read again.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

interface Kept {
  mtimeMs: number;
  size: number;
  value: unknown;
}

const SHELF = Symbol.for('raadsarchief.checked-briefings');
type WithShelf = typeof globalThis & { [SHELF]?: Map<string, Kept> };

function shelf(): Map<string, Kept> {
  const global = globalThis as WithShelf;
  return (global[SHELF] ??= new Map());
}

/** Only the latest check is kept: a preview server checks again on every save. */
export function forgetCheckedBriefings(): void {
  shelf().clear();
}

export function keepCheckedBriefing(path: string, value: unknown): void {
  const stat = statSync(path);
  shelf().set(resolve(path), { mtimeMs: stat.mtimeMs, size: stat.size, value });
}

/** What the check read of this file, once; undefined when it was not checked or has changed since. */
export function takeCheckedBriefing<T>(path: string): T | undefined {
  const key = resolve(path);
  const kept = shelf().get(key);
  if (!kept) return undefined;
  shelf().delete(key);
  const stat = statSync(key, { throwIfNoEntry: false });
  return stat && stat.mtimeMs === kept.mtimeMs && stat.size === kept.size ? (kept.value as T) : undefined;
}
