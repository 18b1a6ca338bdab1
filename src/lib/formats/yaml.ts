/**
 * YAML with positions: errors about a value deep in a data file should name
 * the line a clerk has to fix, not just the file.
 */
import { EVENT_ID, getScalarValue, load, parseEvents, YAMLException, type Event } from 'js-yaml';
import { ContentError } from '../errors/content-error';

export type YamlPath = ReadonlyArray<string | number>;

export interface ParsedYaml {
  data: unknown;
  /** 1-based line and column of the value at `path`, or of its nearest parent. */
  locate(path: YamlPath): { line: number; column: number } | undefined;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  let data: unknown;
  let events: Event[];
  try {
    data = load(text, { filename: file });
    events = parseEvents(text, {});
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark ? error.mark.line + 1 : undefined;
      throw new ContentError({
        file,
        line,
        column: error.mark ? error.mark.column + 1 : undefined,
        message: `het YAML-bestand is niet leesbaar: ${translateYamlReason(error.reason)}`,
        hint: 'Controleer inspringing (spaties, geen tabs), dubbele punten en aanhalingstekens op of vlak boven deze regel.',
        ...explainColonInValue(line === undefined ? undefined : text.split('\n')[line - 1]),
      });
    }
    throw error;
  }
  const offsets = collectOffsets(events, text);
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return {
    data,
    locate(path) {
      for (let n = path.length; n >= 0; n--) {
        const offset = offsets.get(pathKey(path.slice(0, n)));
        if (offset !== undefined) return offsetToLineColumn(lineStarts, offset);
      }
      return undefined;
    },
  };
}

const pathKey = (path: YamlPath) => path.map(String).join('\u0000');

/** Walks parser events and records where every value starts. */
function collectOffsets(events: Event[], text: string): Map<string, number> {
  type Frame =
    | { kind: 'seq'; path: (string | number)[]; index: number }
    | { kind: 'map'; path: (string | number)[]; key: string; expectKey: boolean };
  const offsets = new Map<string, number>();
  const stack: Frame[] = [];

  // The path of the next value, or 'key' when the parser is at a mapping key.
  const nextPath = (): (string | number)[] | 'key' => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.kind === 'seq') return [...top.path, top.index++];
    if (top.expectKey) return 'key';
    top.expectKey = true;
    return [...top.path, top.key];
  };

  for (const event of events) {
    if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      const next = nextPath();
      // Collections as keys do not occur in our files; give them a dead path.
      const path = next === 'key' ? ['\u0001'] : next;
      offsets.set(pathKey(path), event.start);
      stack.push(
        event.type === EVENT_ID.SEQUENCE
          ? { kind: 'seq', path, index: 0 }
          : { kind: 'map', path, key: '', expectKey: true },
      );
    } else if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) {
      const next = nextPath();
      const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.anchorStart;
      if (next === 'key') {
        const top = stack[stack.length - 1] as Extract<Frame, { kind: 'map' }>;
        top.key = event.type === EVENT_ID.SCALAR ? getScalarValue(text, event) : '';
        top.expectKey = false;
        offsets.set(pathKey([...top.path, top.key]), start);
      } else {
        offsets.set(pathKey(next), start);
      }
    } else if (event.type === EVENT_ID.POP) {
      stack.pop();
    }
  }
  return offsets;
}

function offsetToLineColumn(lineStarts: number[], offset: number) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low] + 1 };
}

/**
 * The commonest YAML mistake of all: a title with a colon in it
 * (`titel: Vragen: parkeren`). js-yaml calls it bad indentation; say what it is.
 */
function explainColonInValue(line: string | undefined): { message: string; hint: string } | undefined {
  const match = line === undefined ? null : /^(\s*(?:-\s+)?)([\w-]+):\s+([^\s"'[{>|&*!#][^#]*?:\s.*)$/.exec(line);
  if (!match) return undefined;
  const value = match[3]!.trim();
  return {
    message: `het YAML-bestand is niet leesbaar: de waarde van ${match[2]} bevat een dubbele punt`,
    hint: `Zet de hele waarde tussen aanhalingstekens: ${match[2]}: "${value.replace(/"/g, '\\"')}"`,
  };
}

/** js-yaml's most common reasons, in the words a clerk uses. */
function translateYamlReason(reason: string): string {
  const known: Array<[RegExp, string]> = [
    [/bad indentation|deficient indentation/i, 'de inspringing klopt niet'],
    [/duplicated mapping key/i, 'een veldnaam staat er twee keer in'],
    [/end of the stream or a document separator is expected/i, 'er staat tekst op een plek waar YAML die niet verwacht'],
    [/unexpected end of the stream/i, 'het bestand houdt midden in een waarde op'],
    [/tab characters must not be used/i, 'er staan tabs in de inspringing; gebruik spaties'],
    [/missed comma between flow collection entries/i, 'er ontbreekt een komma tussen waarden in [ … ]'],
    [/incomplete explicit mapping pair/i, 'een veld is niet compleet'],
  ];
  for (const [pattern, dutch] of known) if (pattern.test(reason)) return dutch;
  return reason;
}
