/**
 * Turns zod issues into errors a clerk can act on: the field path in the
 * file's own words, the line where the YAML has it, and the message.
 */
import type { z } from 'astro/zod';
import type { ContentErrorDetails } from './content-error';
import type { YamlPath } from '../formats/yaml';

type Locate = (path: YamlPath) => { line: number; column: number } | undefined;

/** `rijen[3][2]`, `kolommen[0].type`, `vragen.gesteldDoor.soort` */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function issuesToErrors(
  issues: ReadonlyArray<z.core.$ZodIssue>,
  file: string,
  locate?: Locate,
  lineOffset = 0,
): ContentErrorDetails[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = locate?.(path);
    const field = describePath(path);
    return {
      file,
      line: where ? where.line + lineOffset : undefined,
      column: where?.column,
      message: field ? `${field}: ${dutchMessage(issue)}` : dutchMessage(issue),
      hint: hintFor(issue),
    };
  });
}

/** zod's own English messages for the cases our schemas do not word themselves. */
function dutchMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (issue.message.startsWith('Invalid input')) {
        return issue.input === undefined ? 'ontbreekt (verplicht veld)' : `verwacht ${dutchType(issue.expected)}`;
      }
      return issue.message;
    case 'too_small':
      if (issue.message.startsWith('Too small')) return `te klein (minimaal ${String(issue.minimum)})`;
      return issue.message;
    case 'too_big':
      if (issue.message.startsWith('Too big')) return `te groot (maximaal ${String(issue.maximum)})`;
      return issue.message;
    default:
      return issue.message;
  }
}

function dutchType(expected: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'een getal',
    boolean: 'true of false',
    array: 'een lijst',
    object: 'een veld met onderdelen',
  };
  return names[expected] ?? expected;
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    return 'Controleer de spelling van de veldnaam; de toegestane velden staan in README.md.';
  }
  return undefined;
}
