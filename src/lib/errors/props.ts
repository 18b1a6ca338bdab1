/**
 * Validates the props of an author-facing component with a message that names
 * the component, the prop, the value and what is allowed.
 */
import type { z } from 'astro/zod';
import { ContentError } from './content-error';

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export function parseProps<S extends z.ZodType>(
  component: string,
  schema: S,
  props: unknown,
  where: SourceLocation,
): z.output<S> {
  const result = schema.safeParse(props);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return `onbekende eigenschap ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    }
    const prop = issue.path.map(String).join('.') || 'eigenschappen';
    const given = (props as Record<string, unknown> | undefined)?.[String(issue.path[0])];
    if (given === undefined) return `eigenschap "${prop}" ontbreekt`;
    return `eigenschap "${prop}": ${issue.message}`;
  });
  throw new ContentError({
    ...where,
    message: `<${component}>: ${problems.join('; ')}`,
    hint: 'Zie README.md, "Componenten in een stuk", voor de toegestane eigenschappen.',
  });
}
