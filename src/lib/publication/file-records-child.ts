/**
 * The files' search records (src/lib/publication/search-records.ts) made in a
 * process of its own, started by the search index at the beginning of a build:
 * reading the text of thousands of PDFs then runs on the second core while Astro
 * bundles and renders on the first, and what pdf.js allocated goes when this
 * process ends instead of swelling the build's own memory.
 *
 * Input: one JSON argument ({ contentRoot, cacheDir }). Output on stdout: the
 * report as JSON, with the warnings a build shows for files whose text could
 * not be read.
 */
import { fileSearchRecords } from './search-records';

const { contentRoot, cacheDir } = JSON.parse(process.argv[2] ?? '{}') as { contentRoot: string; cacheDir?: string };
const warnings: string[] = [];
const report = await fileSearchRecords({ contentRoot, outDir: undefined, cacheDir, warn: (line) => warnings.push(line) });
process.stdout.write(JSON.stringify({ ...report, warnings }));
