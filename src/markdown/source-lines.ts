/**
 * Astro hands the Markdown processor the body of a `.md` file without its
 * frontmatter, so the parser's line 1 is somewhere down the file. A clerk
 * needs the line in the file, the same one `npm run check` reports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** How many lines of the file come before `source` (0 when the parser got the whole file). */
export function linesBefore(fileURL: URL | undefined, source: string): number {
  if (!fileURL || !source) return 0;
  let text: string;
  try {
    text = readFileSync(fileURLToPath(fileURL), 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return 0;
  }
  // Astro trims the body, so compare without trailing white space.
  const whole = text.trimEnd();
  const body = source.trimEnd();
  if (!body || whole === body || !whole.endsWith(body)) return 0;
  return (whole.slice(0, whole.length - body.length).match(/\n/g) ?? []).length;
}

/** The same, computed on first use: most files have nothing to report or place, so they are not read twice. */
export function lazyLinesBefore(fileURL: URL | undefined, source: string): () => number {
  let offset: number | undefined;
  return () => (offset ??= linesBefore(fileURL, source));
}
