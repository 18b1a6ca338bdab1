/**
 * The cells and rows of a table dataset, as every module that reads, checks,
 * protects or renders them sees them. Kept apart so that reading a dataset
 * (load.ts) and disclosure control (disclosure.ts) depend on it, not on each other.
 */
import type { RowKind } from '../../schemas/dataset';

/** A count withheld because it is below the threshold. */
export interface Suppressed {
  below: number;
}

export type Cell = string | number | null | Suppressed;

export interface Row {
  cells: Cell[];
  kind: RowKind;
  provisional: boolean;
  notes: number[];
  /** Line in the data file, for messages about this row. */
  line?: number;
}

export const isSuppressed = (cell: unknown): cell is Suppressed =>
  typeof cell === 'object' && cell !== null && 'below' in cell;

export function suppressedText(cell: Suppressed): string {
  return `< ${cell.below}`;
}
