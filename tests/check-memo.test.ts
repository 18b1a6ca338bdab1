/**
 * The check remembers what it worked out from each letter's text
 * (src/lib/content/check-memo.ts): a second run gives the same answer without
 * parsing again, and any change to what an answer depends on works it out anew.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { copyFixture, scratchFolder } from './helpers/build';

let cache: string;
const previous = process.env.RAADSARCHIEF_CACHE;
beforeEach(() => {
  cache = scratchFolder('ra-controle-');
  process.env.RAADSARCHIEF_CACHE = cache;
});
afterEach(() => {
  if (previous === undefined) delete process.env.RAADSARCHIEF_CACHE;
  else process.env.RAADSARCHIEF_CACHE = previous;
});

const messages = (fixture: { content: string; data: string }) => {
  const { errors, warnings } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
  return { errors: errors.map(formatContentError), warnings: warnings.map(formatContentError) };
};

/** The memo on disk, to see that an answer comes from it: its answers rewritten with a marker. */
function tamperWithMemo(): void {
  const folder = join(cache, 'raadsarchief', 'controle');
  const [file] = readdirSync(folder);
  const memo = JSON.parse(readFileSync(join(folder, file!), 'utf8')) as { answers: Record<string, { errors?: unknown[] }> };
  for (const answer of Object.values(memo.answers)) {
    if (answer && Array.isArray(answer.errors)) answer.errors.push({ file: 'uit-het-geheugen.md', message: 'dit antwoord kwam uit het geheugen', hint: '' });
  }
  writeFileSync(join(folder, file!), JSON.stringify(memo));
}

describe('the check memo', () => {
  it('gives the same answer from memory, and works out anew what changed', () => {
    const fixture = copyFixture('basis');
    const brief = join(fixture.content, 'stukken', readdirSync(join(fixture.content, 'stukken')).find((name) => name.endsWith('.md'))!);
    // A link to a heading that does not exist: an error found in the body.
    writeFileSync(brief, `${readFileSync(brief, 'utf8')}\nZie [de conclusie](#conclusie).\n`);
    const first = messages(fixture);
    expect(first.errors.join('\n')).toContain('#conclusie');
    expect(messages(fixture)).toEqual(first);

    tamperWithMemo();
    expect(messages(fixture).errors.join('\n')).toContain('dit antwoord kwam uit het geheugen');

    // The letter changed: its body is checked again; the other letters' answers still come from memory.
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('Zie [de conclusie](#conclusie).', '## Conclusie\n\nZie [de conclusie](#conclusie).'));
    const again = messages(fixture);
    expect(again.errors.join('\n')).not.toContain('#conclusie');
    expect(again.errors.filter((line) => line.includes('dit antwoord kwam uit het geheugen')).length).toBeGreaterThan(0);
  });
});
