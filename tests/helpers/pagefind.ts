/** What a built Pagefind index holds, read from its files: each fragment is gzipped JSON behind a signature. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SHARD_SIGNPOST } from '../../src/lib/publication/search-shards';

/** The pages and files a reader can find: every shard's records, not the signpost's word lists. */
export function indexedRecords(outDir: string): Array<{ url: string; content: string }> {
  const records: Array<{ url: string; content: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (path !== join(outDir, 'pagefind', SHARD_SIGNPOST)) walk(path);
      } else if (name.endsWith('.pf_fragment')) {
        const text = gunzipSync(readFileSync(path)).toString('utf8');
        records.push(JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string });
      }
    }
  };
  walk(join(outDir, 'pagefind'));
  return records;
}
