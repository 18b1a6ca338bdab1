/**
 * One error type for everything a clerk can get wrong in content/ or data/.
 * It always names the file, where possible the line, and says what to do.
 */

export interface ContentErrorDetails {
  file: string;
  line?: number;
  column?: number;
  /** What is wrong, in plain Dutch. */
  message: string;
  /** What to do about it. */
  hint?: string;
  /**
   * A point for the clerk to review (a placeholder, a date the Woo-index needs,
   * an embedded file) rather than a fault: it never stops a strict build.
   */
  review?: boolean;
}

export class ContentError extends Error {
  readonly details: ContentErrorDetails;

  constructor(details: ContentErrorDetails) {
    super(formatContentError(details));
    this.name = 'ContentError';
    this.details = details;
  }
}

/** `data/x.yaml:12:5  wat er mis is\n  → wat te doen` */
export function formatContentError({ file, line, column, message, hint }: ContentErrorDetails): string {
  const where = line ? `${file}:${line}${column ? `:${column}` : ''}` : file;
  return hint ? `${where}  ${message}\n  → ${hint}` : `${where}  ${message}`;
}

/** From this many files with the same message and hint on, they are listed under one message. */
const GROUP_FROM = 4;

/**
 * Problems as a list for the terminal. Where many files share a message and
 * what to do (an imported archive has hundreds of letters without a known day),
 * the message and the hint are written once with the files under it, instead of
 * a screenful of the same two lines per file. `filesShown` limits the files
 * named per message; the rest are counted.
 */
export function formatContentErrors(problems: readonly ContentErrorDetails[], options: { filesShown?: number } = {}): string {
  const groups = new Map<string, ContentErrorDetails[]>();
  for (const problem of problems) {
    const key = `${problem.message}\0${problem.hint ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(problem);
    else groups.set(key, [problem]);
  }
  const shown = options.filesShown ?? Infinity;
  return [...groups.values()]
    .flatMap((group) => {
      if (group.length < GROUP_FROM) return group.map(formatContentError);
      const { message, hint } = group[0]!;
      const where = group.slice(0, shown).map(({ file, line, column }) => `  ${line ? `${file}:${line}${column ? `:${column}` : ''}` : file}`);
      const rest = group.length - where.length;
      if (rest > 0) where.push(`  … en ${rest.toLocaleString('nl-NL')} andere (\`npm run check\` noemt ze allemaal)`);
      return [`${group.length.toLocaleString('nl-NL')} bestanden: ${message}\n${where.join('\n')}${hint ? `\n  → ${hint}` : ''}`];
    })
    .join('\n\n');
}

/** Several problems at once: a clerk should see them all, not one per build. */
export class ContentErrors extends Error {
  // Not called `errors`: Astro's error overlay treats such a field as its own format.
  readonly problems: ContentErrorDetails[];

  constructor(problems: ContentErrorDetails[]) {
    const count = problems.length === 1 ? '1 fout' : `${problems.length} fouten`;
    super(`${count} in de inhoud:\n\n${formatContentErrors(problems)}`);
    this.name = 'ContentErrors';
    this.problems = problems;
  }
}
