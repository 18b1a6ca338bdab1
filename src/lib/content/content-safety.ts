/**
 * What a briefing may not contain, because the published page would then run
 * code or load something from another site: scripts, styles, frames, forms,
 * event handlers, images from elsewhere, and MDX imports of anything but the
 * project's own components. One set of rules for `npm run check`
 * (src/lib/content/body-check.ts) and for the compile (src/markdown/mdx-safety.ts).
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';

export interface SafetyProblem {
  message: string;
  hint: string;
  /** Lines into the checked text (0 for its first line), when the text has several. */
  lineOffset?: number;
}

/** Elements that run code, load a document or style, or send data elsewhere. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'form', 'portal']);
/** Attributes whose value a browser fetches. `href` is left out: following a link loads nothing by itself. */
const FETCHED_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'data', 'background', 'action', 'formaction', 'xlink:href', 'ping', 'manifest']);

const HINT_ELSEWHERE = 'Een stuk laadt niets van andere sites. Zet een afbeelding in public/ en verwijs ernaar met /naam.png; gebruik voor tabellen en grafieken de componenten van het archief.';
const HINT_CODE = 'Een stuk bevat alleen tekst en de componenten van het archief (zie README, “Componenten in een stuk”).';

/** An address on another host: `https://…`, `http://…` or `//host/…`. */
export const isForeignUrl = (url: string) => /^\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^\s*(?:file|data):/i.test(url);

/** One element, as raw HTML in `.md` or as a JSX tag in `.mdx`. */
export function inspectElement(name: string, attributes: ReadonlyMap<string, string | null>): SafetyProblem | undefined {
  const tag = name.toLowerCase();
  if (FORBIDDEN_ELEMENTS.has(tag)) {
    return { message: `<${tag}> is niet toegestaan in een stuk`, hint: tag === 'script' || tag === 'style' || tag === 'link' ? HINT_CODE : HINT_ELSEWHERE };
  }
  for (const [attribute, value] of attributes) {
    const key = attribute.toLowerCase();
    if (/^on[a-z]+$/.test(key)) {
      return { message: `het attribuut ${attribute} op <${name}> voert code uit en is niet toegestaan`, hint: HINT_CODE };
    }
    if (value === null) continue;
    if (/^\s*javascript:/i.test(value)) {
      return { message: `een javascript:-adres op <${name}> is niet toegestaan`, hint: HINT_CODE };
    }
    if (FETCHED_ATTRIBUTES.has(key) && value.split(',').some((part) => isForeignUrl(part))) {
      return { message: `<${name} ${attribute}="${shorten(value)}"> laadt iets van een andere site`, hint: HINT_ELSEWHERE };
    }
    if (key === 'style' && /url\s*\(|@import|expression\s*\(/i.test(value)) {
      return { message: `de stijl op <${name}> laadt iets (url(…) of @import) en is niet toegestaan`, hint: 'Haal het attribuut style weg; de opmaak komt uit het thema van de site.' };
    }
  }
  return undefined;
}

/** Every tag in a piece of raw HTML (Markdown keeps HTML as text). Comments are skipped. */
export function inspectHtml(html: string): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
  for (const tag of withoutComments.matchAll(/<\s*([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?\s*>/g)) {
    const attributes = new Map<string, string | null>();
    for (const attribute of tag[2]!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attributes.set(attribute[1]!, attribute[2] ?? attribute[3] ?? attribute[4] ?? null);
    }
    const problem = inspectElement(tag[1]!, attributes);
    if (problem) problems.push({ ...problem, lineOffset: countLines(withoutComments.slice(0, tag.index)) });
  }
  return problems;
}

/** A Markdown image: `![alt](https://elders/x.png)` would be fetched from another site. */
export function inspectImage(url: string): SafetyProblem | undefined {
  if (!isForeignUrl(url)) return undefined;
  return { message: `de afbeelding ${shorten(url)} staat op een andere site`, hint: HINT_ELSEWHERE };
}

/**
 * `import`/`export` lines at the top of an `.mdx` file. Only imports of the
 * project's own components (src/components/…) pass; anything else would run
 * or bundle code from elsewhere. `file` is the absolute path of the MDX file.
 */
export function inspectEsm(code: string, file: string, projectRoot: string = process.cwd()): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const components = resolve(projectRoot, 'src/components');
  const statements = splitStatements(code);
  for (const { text, lineOffset } of statements) {
    const own = /^import\s+(?:[\w$]+|\{[\w$\s,]*\}|[\w$]+\s*,\s*\{[\w$\s,]*\})\s+from\s+(["'])([^"']+)\1\s*;?$/.exec(text);
    if (own) {
      const source = own[2]!;
      const target = source.startsWith('.') ? resolve(dirname(file), source) : undefined;
      const inside = target && !relative(components, target).startsWith('..') && !isAbsolute(relative(components, target));
      if (inside && /\.(astro|ts)$/.test(target)) continue;
      problems.push({
        lineOffset,
        message: `import van "${source}" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren`,
        hint: 'Haal de import-regel weg. DataTable, Chart, KeyFigure, StatusOverview, Stoplight en StoplightLegend werken zonder import.',
      });
      continue;
    }
    const source = /from\s+(["'])([^"']+)\1|^import\s*(["'])([^"']+)\3/.exec(text);
    problems.push({
      lineOffset,
      message: /^export\b/.test(text)
        ? 'een export-regel is code en is niet toegestaan in een stuk'
        : source
          ? `import van "${source[2] ?? source[4]}" is niet toegestaan: een stuk mag alleen componenten van het archief zelf (src/components/) importeren`
          : `deze regel is code en is niet toegestaan in een stuk: ${shorten(text)}`,
      hint: 'Haal de regel weg. DataTable, Chart, KeyFigure, StatusOverview, Stoplight en StoplightLegend werken zonder import.',
    });
  }
  return problems;
}

/** Statements of an ESM block, split on `;` or new lines outside quotes and braces. */
function splitStatements(code: string): Array<{ text: string; lineOffset: number }> {
  const statements: Array<{ text: string; lineOffset: number }> = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  const flush = (end: number) => {
    const raw = code.slice(start, end);
    const text = raw.trim();
    if (text && !/^\/\//.test(text)) statements.push({ text: text.replace(/\s+/g, ' '), lineOffset: countLines(code.slice(0, start + raw.length - raw.trimStart().length)) });
    start = end;
  };
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === quote && code[i - 1] !== '\\') quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || (c === '\n' && /\bfrom\s*["'][^"']*["']\s*$|^\s*import\s*["'][^"']*["']\s*$/.test(code.slice(start, i))))) flush(c === ';' ? i + 1 : i);
  }
  flush(code.length);
  return statements;
}

const countLines = (text: string) => (text.match(/\n/g) ?? []).length;
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
