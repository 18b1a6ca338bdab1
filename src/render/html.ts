/**
 * Minimal HTML building for the shared renderers. Everything from a data file
 * or frontmatter goes through `escape`: a "<script>" in a cell stays text.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escape(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Joins fragments without whitespace lines: the output is spliced into Markdown as one HTML block. */
export const join = (parts: Array<string | false | null | undefined>) => parts.filter(Boolean).join('');

export const visuallyHidden = (text: string) => `<span class="ra-sr-only">${escape(text)}</span>`;
