/**
 * A status computed from a declared rule ("at most 28 days is groen") instead
 * of typed by hand. Rules are tried in order; the first that holds wins.
 */
import type { StoplightStatus } from '../../schemas/common';

export interface StatusRule {
  status: StoplightStatus;
  /** A comparison with the value: "<= 28", "> 28", ">= 95", "< 10", "= 0". */
  als: string;
}

const COMPARISON = /^\s*(<=|>=|<|>|=)\s*(-?\d+(?:[.,]\d+)?)\s*$/;

export function parseCondition(condition: string): { operator: string; limit: number } | undefined {
  const match = COMPARISON.exec(condition);
  if (!match) return undefined;
  return { operator: match[1]!, limit: Number(match[2]!.replace(',', '.')) };
}

function holds(value: number, condition: string): boolean {
  const parsed = parseCondition(condition);
  if (!parsed) return false;
  const { operator, limit } = parsed;
  switch (operator) {
    case '<=':
      return value <= limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    case '>':
      return value > limit;
    default:
      return value === limit;
  }
}

/** The status of `value`, or undefined when no rule applies. */
export function evaluateStatusRule(rules: StatusRule[], value: number): StoplightStatus | undefined {
  return rules.find((rule) => holds(value, rule.als))?.status;
}

const WORDS: Record<string, string> = { '<=': 'ten hoogste', '>=': 'ten minste', '<': 'minder dan', '>': 'meer dan', '=': 'precies' };

/** "groen bij ten hoogste 28, rood bij meer dan 28" */
export function describeStatusRule(rules: StatusRule[], show: (n: number) => string): string {
  return rules
    .map((rule) => {
      const parsed = parseCondition(rule.als);
      return parsed ? `${rule.status} bij ${WORDS[parsed.operator]} ${show(parsed.limit)}` : rule.status;
    })
    .join(', ');
}
