/**
 * What the registers need to be right, checked with file and line: the
 * commitments (made once, closed once, never before they were made) and the
 * link from an answer to its questions letter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BriefingData } from '../../schemas/briefing';
import type { ContentErrorDetails } from '../errors/content-error';
import { parseYaml } from '../formats/yaml';
import { buildDate } from '../site/build-date';
import { commitmentRegister } from '../site/commitments';

export interface LetterOnDisk {
  id: string;
  /** As shown to the clerk; resolvable from the working directory. */
  file: string;
  data: BriefingData;
}

/** Line of a frontmatter field: the file opens with a --- line, so YAML's line 1 is the file's line 2. */
function lineOf(file: string, field: (string | number)[]): number | undefined {
  try {
    const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(resolve(file), 'utf8'));
    const at = match ? parseYaml(match[1]!, file).locate(field) : undefined;
    return at ? at.line + 1 : undefined;
  } catch {
    return undefined;
  }
}

export function registerProblems(letters: readonly LetterOnDisk[]): ContentErrorDetails[] {
  const errors: ContentErrorDetails[] = [];
  const byId = new Map(letters.map((l) => [l.id, l]));
  for (const letter of letters) {
    const target = letter.data.vragen?.vragenbrief;
    if (!target) continue;
    const other = byId.get(target);
    if (!other) {
      errors.push({ file: letter.file, line: lineOf(letter.file, ['vragen', 'vragenbrief']), message: `vragen.vragenbrief: het stuk "${target}" bestaat niet`, hint: 'Gebruik de bestandsnaam van de brief met de vragen, zonder .md of .mdx.' });
    } else if (other.data.type !== 'schriftelijke-vragen') {
      errors.push({ file: letter.file, line: lineOf(letter.file, ['vragen', 'vragenbrief']), message: `vragen.vragenbrief: "${target}" is geen brief met schriftelijke vragen (type is ${other.data.type})`, hint: 'Verwijs naar een stuk met type: schriftelijke-vragen, of laat vragenbrief weg.' });
    }
  }
  for (const problem of commitmentRegister(letters, buildDate()).problems) {
    errors.push({ file: problem.letter.file, line: lineOf(problem.letter.file, problem.field), message: problem.message, hint: problem.hint });
  }
  return errors;
}
