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

/** Several problems at once: a clerk should see them all, not one per build. */
export class ContentErrors extends Error {
  // Not called `errors`: Astro's error overlay treats such a field as its own format.
  readonly problems: ContentErrorDetails[];

  constructor(problems: ContentErrorDetails[]) {
    const count = problems.length === 1 ? '1 fout' : `${problems.length} fouten`;
    super(`${count} in de inhoud:\n\n${problems.map(formatContentError).join('\n\n')}`);
    this.name = 'ContentErrors';
    this.problems = problems;
  }
}
