/**
 * An e-mail, inventory list or notice that came in a folder with its
 * decision becomes an attachment of that decision: the file is copied beside
 * the briefing and named under `bijlagen:`. When the letter already names it
 * ("Bijlage: Inventarislijst", imported without its file), that entry gets the
 * file. The frontmatter is edited as text, so the import's comments stay.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { briefingSchema } from '../../schemas/briefing';
import { placeFile, type IncomingFile } from '../content/intake';
import { splitFrontmatter } from '../content/check';
import { safeFileName } from '../content/attachments';
import { IMPORTED_FROM } from './archive-index';

const yamlString = (text: string) => JSON.stringify(text);

/** Adds the file as an attachment of the briefing; returns the file's path in the archive, or undefined when the briefing would no longer be valid. */
export function attachToBriefing(briefingPath: string, attachment: { titel: string; file: IncomingFile; matches?: RegExp }): string | undefined {
  const text = readFileSync(briefingPath, 'utf8');
  const parts = splitFrontmatter(text);
  if (!parts) return undefined;
  const folder = join(dirname(briefingPath), 'bijlagen');
  const placed = placeFile(attachment.file, folder, safeFileName(attachment.file.ownName));
  const bestand = `bijlagen/${placed.name}`;
  const lines = parts.frontmatter.split('\n');
  const start = lines.findIndex((line) => /^bijlagen:\s*$/.test(line));
  if (start >= 0) {
    let end = start + 1;
    while (end < lines.length && /^\s+|^\s*$/.test(lines[end]!) && !lines[end]!.startsWith('#')) end++;
    // An entry the letter named without its file: "- titel: Inventarislijst" followed by its reminder.
    const named = attachment.matches && lines.slice(start + 1, end).findIndex((line) => /^\s+- titel:/.test(line) && attachment.matches!.test(line));
    if (named !== undefined && named >= 0) {
      const at = start + 1 + named;
      let next = at + 1;
      while (next < end && !/^\s+- /.test(lines[next]!)) next++;
      lines.splice(at, next - at, lines[at]!, `    bestand: ${bestand}`);
    } else {
      lines.splice(end, 0, `  - titel: ${yamlString(attachment.titel)}`, `    bestand: ${bestand}`);
    }
  } else {
    const comment = lines.findIndex((line) => line.startsWith(IMPORTED_FROM));
    lines.splice(comment < 0 ? lines.length : comment, 0, 'bijlagen:', `  - titel: ${yamlString(attachment.titel)}`, `    bestand: ${bestand}`);
  }
  const frontmatter = lines.join('\n');
  if (!briefingSchema.safeParse(load(frontmatter)).success) {
    if (!placed.reused) rmSync(join(folder, placed.name), { force: true });
    return undefined;
  }
  writeFileSync(briefingPath, `---\n${frontmatter}\n---\n${text.slice(text.indexOf('\n---', 4) + 5)}`);
  return join(folder, placed.name);
}
