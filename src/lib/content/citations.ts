/**
 * Which datasets a briefing cites, read from its body: `dataset="…"` in a
 * directive or a component. Used by the check, the archive and the datasets page.
 */
import type { BodyFacts } from '../../schemas/briefing-entry';

export interface Citation {
  id: string;
  /** 0-based line within the body. */
  line: number;
  column: number;
}

export function citedDatasets(body: string): Citation[] {
  const found: Citation[] = [];
  body.split('\n').forEach((text, line) => {
    for (const match of text.matchAll(/dataset=["']([^"']*)["']/g)) {
      found.push({ id: match[1]!, line, column: (match.index ?? 0) + 1 });
    }
  });
  return found;
}

/** What the pages need to know of a body without keeping it: the datasets it cites, whether it draws a chart. */
export function bodyFacts(body: string, format: BodyFacts['format']): BodyFacts {
  return {
    format,
    datasets: [...new Set(citedDatasets(body).map((cite) => cite.id))],
    charts: /::chart\{|<Chart[\s/>]/.test(body),
  };
}
