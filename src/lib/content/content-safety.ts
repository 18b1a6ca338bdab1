/**
 * What a briefing may not contain, because the published page would then run
 * code or load something from another site: scripts, styles, frames, forms,
 * event handlers, links with a script scheme (`javascript:`, `data:`, …),
 * images from elsewhere, and MDX imports of anything but the project's own
 * components. One set of rules for `npm run check`
 * (src/lib/content/body-check.ts) and for the compile (src/markdown/mdx-safety.ts).
 *
 * Addresses are read the way a browser reads them, so `JaVaScRiPt:`,
 * `java<tab>script:` and `&#106;avascript:` are caught like `javascript:`.
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
/** Attributes whose address the browser loads and shows: an image, a video's poster, a background. */
const MEDIA_ATTRIBUTES = new Set(['src', 'srcset', 'imagesrcset', 'poster', 'data', 'background', 'lowsrc', 'dynsrc', 'icon']);
/** Attributes whose address the browser requests by itself (or on submit), not only when a reader follows it. */
const REQUESTED_ATTRIBUTES = new Set(['action', 'formaction', 'xlink:href', 'ping', 'manifest']);
/** Attributes holding an address a reader can follow. `xlinkhref` is how JSX may spell xlink:href. */
const LINK_ATTRIBUTES = new Set(['href', 'xlinkhref', 'cite', 'longdesc']);
/** SVG elements whose href is loaded, not followed. */
const SVG_LOADING_ELEMENTS = new Set(['image', 'use', 'feimage']);

/** The schemes a link may have; relative links (`/stukken/…`, `#vraag-2`, `../x`, `?q=1`) have none. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** The only `data:` addresses a browser shows as a picture without running anything. */
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;
/** Schemes that run what follows them as code. */
const SCRIPT_SCHEMES = new Set(['javascript', 'vbscript', 'livescript']);
const SCRIPT_ADDRESS_ANYWHERE = /(?:java|vb|live)script:/i;

const HINT_ELSEWHERE = 'Een stuk laadt niets van andere sites. Zet een afbeelding in public/ en verwijs ernaar met /naam.png; gebruik voor tabellen en grafieken de componenten van het archief.';
const HINT_CODE = 'Een stuk bevat alleen tekst en de componenten van het archief (zie README, “Componenten in een stuk”).';
const HINT_LINK = 'Gebruik een webadres dat begint met https://, een mailto:- of tel:-adres, of een link binnen het archief (/stukken/…).';
const HINT_IMAGE = 'Zet de afbeelding in public/ en verwijs ernaar met /naam.png; een data:-adres mag alleen een PNG-, JPEG-, GIF- of WebP-afbeelding zijn.';

/**
 * An address as the browser's URL parser sees it: tabs and line breaks
 * anywhere are dropped, control characters and spaces around it trimmed.
 */
export function normaliseUrl(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

/** The scheme of an address in lower case (`javascript`), or undefined for a relative one. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(normaliseUrl(url))?.[1]!.toLowerCase();
}

/**
 * An address on another host: `https://…`, `//host/…`, and what browsers also
 * read as such (`\\host`, `http:host` on an https page).
 */
export function isForeignUrl(url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return /^[\\/]{2}/.test(normaliseUrl(url));
  return scheme === 'http' || scheme === 'https' || scheme === 'ftp' || scheme === 'ws' || scheme === 'wss';
}

/** Why an address with this scheme is refused, for the end of a message. */
function schemeReason(scheme: string, forImage: boolean): string {
  if (SCRIPT_SCHEMES.has(scheme)) return `een ${scheme}:-adres voert code uit`;
  if (scheme === 'data') return forImage ? 'een data:-adres mag alleen een PNG-, JPEG-, GIF- of WebP-afbeelding bevatten' : 'een data:-adres kan een hele pagina met code bevatten';
  return forImage ? `een ${scheme}:-adres is geen afbeelding van het archief` : `een ${scheme}:-adres werkt niet voor elke lezer`;
}

/** The scheme of a link's address when it is not allowed, else undefined. */
function refusedLinkScheme(url: string): string | undefined {
  const scheme = urlScheme(url);
  return scheme === undefined || LINK_SCHEMES.has(scheme) ? undefined : scheme;
}

/** The scheme of an image's address when it is not allowed (foreign hosts are checked apart), else undefined. */
function refusedImageScheme(url: string): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return undefined;
  return scheme === 'data' && IMAGE_DATA_URL.test(normaliseUrl(url)) ? undefined : scheme;
}

/** A Markdown link or autolink: `[toelichting](javascript:…)` would run code when clicked. */
export function inspectLinkUrl(url: string): SafetyProblem | undefined {
  const scheme = refusedLinkScheme(url);
  if (!scheme) return undefined;
  return { message: `de link ${shorten(normaliseUrl(url))} is niet toegestaan: ${schemeReason(scheme, false)}`, hint: HINT_LINK };
}

/** A Markdown image: `![alt](https://elders/x.png)` would be fetched from another site, `![alt](javascript:…)` is no image. */
export function inspectImage(url: string): SafetyProblem | undefined {
  if (isForeignUrl(url)) return { message: `de afbeelding ${shorten(url)} staat op een andere site`, hint: HINT_ELSEWHERE };
  const scheme = refusedImageScheme(url);
  if (!scheme) return undefined;
  return { message: `de afbeelding ${shorten(normaliseUrl(url))} is niet toegestaan: ${schemeReason(scheme, true)}`, hint: HINT_IMAGE };
}

/** A reference definition (`[naam]: adres`): always a link, and an image too when `![…][naam]` uses it. */
export function inspectDefinition(url: string, usedByImage: boolean): SafetyProblem | undefined {
  return inspectLinkUrl(url) ?? (usedByImage ? inspectImage(url) : undefined);
}

/** The addresses in one attribute value: `srcset` lists candidates with sizes, `ping` several addresses. */
function urlsIn(attribute: string, value: string): string[] {
  if (attribute === 'ping') return value.split(/[\t\n\f\r ]+/).filter(Boolean);
  if (attribute !== 'srcset' && attribute !== 'imagesrcset') return [value];
  // A candidate's address runs to the next space; a comma inside it (data:…;base64,…) belongs to it.
  const urls: string[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\t\n\f\r ,]+/, '');
    const address = /^[^\t\n\f\r ]+/.exec(rest)?.[0];
    if (!address) return urls;
    rest = rest.slice(address.length);
    if (address.endsWith(',')) urls.push(address.replace(/,+$/, ''));
    else {
      urls.push(address);
      rest = rest.replace(/^[^,]*/, '');
    }
  }
}

/**
 * One element, as raw HTML in `.md` or as a JSX tag in `.mdx`. Attribute
 * values must already be decoded (`&#106;` → `j`); a value of null is an
 * attribute without value.
 */
export function inspectElement(name: string, attributes: Iterable<readonly [string, string | null]>): SafetyProblem | undefined {
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
    const media = MEDIA_ATTRIBUTES.has(key) || (SVG_LOADING_ELEMENTS.has(tag) && (key === 'href' || key === 'xlink:href' || key === 'xlinkhref'));
    const requested = media || REQUESTED_ATTRIBUTES.has(key);
    if (requested || LINK_ATTRIBUTES.has(key)) {
      for (const url of urlsIn(key, value)) {
        if (requested && isForeignUrl(url)) {
          return { message: `<${name} ${attribute}="${shorten(value)}"> laadt iets van een andere site`, hint: HINT_ELSEWHERE };
        }
        const scheme = media ? refusedImageScheme(url) : refusedLinkScheme(url);
        if (scheme) {
          return { message: `<${name} ${attribute}="${shorten(normaliseUrl(url))}"> is niet toegestaan: ${schemeReason(scheme, media)}`, hint: media ? HINT_IMAGE : HINT_LINK };
        }
      }
      continue;
    }
    // Any other attribute can still carry an address: SVG's <animate attributeName="href" values="javascript:…">.
    if (SCRIPT_ADDRESS_ANYWHERE.test(normaliseUrl(value))) {
      return { message: `een javascript:-adres op <${name}> is niet toegestaan`, hint: HINT_CODE };
    }
    if (key === 'style' && /url\s*\(|@import|expression\s*\(/i.test(value)) {
      return { message: `de stijl op <${name}> laadt iets (url(…) of @import) en is niet toegestaan`, hint: 'Haal het attribuut style weg; de opmaak komt uit het thema van de site.' };
    }
  }
  return undefined;
}

/** An attribute of a JSX tag in `.mdx`, as Sätteri gives it. */
export interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/**
 * An HTML element written as JSX in `.mdx` (lower-case name). A `{…}` value or
 * a `{...spread}` is code whose outcome cannot be checked, so it is refused.
 * MDX has already decoded character references in quoted values.
 */
export function inspectJsxElement(name: string, attributes: readonly JsxAttribute[]): SafetyProblem | undefined {
  const literal: Array<[string, string | null]> = [];
  let dynamic: SafetyProblem | undefined;
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxAttribute' && attribute.name) {
      const written = attribute.value === null || attribute.value === undefined || typeof attribute.value === 'string';
      // The name still counts (onClick={…} is an event handler), the value cannot be read.
      literal.push([attribute.name, written ? ((attribute.value as string | null | undefined) ?? null) : null]);
      if (!written) {
        dynamic ??= { message: `een {…}-waarde op <${name} ${attribute.name}> is niet toegestaan`, hint: `Schrijf de waarde tussen aanhalingstekens, bijvoorbeeld ${attribute.name}="https://…".` };
      }
    } else {
      dynamic ??= { message: `{…} tussen de attributen van <${name}> is niet toegestaan`, hint: 'Schrijf elk attribuut uit met de waarde tussen aanhalingstekens, bijvoorbeeld href="https://…".' };
    }
  }
  return inspectElement(name, literal) ?? dynamic;
}

/** The ASCII characters HTML can spell by name; other named references cannot form a scheme or `//`. */
const NAMED_REFERENCES: Record<string, string> = {
  Tab: '\t', NewLine: '\n', nbsp: '\u00a0', excl: '!', quot: '"', QUOT: '"', num: '#', dollar: '$', percnt: '%', amp: '&', AMP: '&',
  apos: "'", lpar: '(', rpar: ')', ast: '*', midast: '*', plus: '+', comma: ',', period: '.', sol: '/', colon: ':', semi: ';',
  lt: '<', LT: '<', equals: '=', gt: '>', GT: '>', quest: '?', commat: '@', lsqb: '[', lbrack: '[', bsol: '\\', rsqb: ']',
  rbrack: ']', Hat: '^', lowbar: '_', UnderBar: '_', grave: '`', DiacriticalGrave: '`', lcub: '{', lbrace: '{', verbar: '|',
  vert: '|', VerticalLine: '|', rcub: '}', rbrace: '}',
};

/** Character references in an attribute value, decoded as a browser does (`&#106;`, `&#x6A;`, `&colon;`, with or without `;`). */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*);?)/g, (whole, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return NAMED_REFERENCES[name] ?? whole;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(decimal!, 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

interface HtmlTag {
  name: string;
  closing: boolean;
  attributes: Array<[string, string | null]>;
  /** Where the `<` stands in the text. */
  offset: number;
  /** False when the text ends inside the tag or inside a quoted value. */
  complete: boolean;
}

const HTML_SPACE = /[\t\n\f\r ]/;

/**
 * The tags in a piece of HTML as a browser's tokenizer finds them, so nothing
 * slips past the check: `/` separates attributes like a space (`<a/href=…>`),
 * a comment ends where the browser ends it (`<!-->` is a whole comment), and
 * `<!…>`, `<?…>` and `</ …>` end at the first `>`.
 */
function htmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const length = html.length;
  let i = 0;
  while (i < length) {
    const open = html.indexOf('<', i);
    if (open < 0) break;
    i = open + 1;
    if (html.startsWith('!--', i)) {
      const body = i + 3;
      if (html[body] === '>') i = body + 1;
      else if (html.startsWith('->', body)) i = body + 2;
      else {
        const end = /--!?>/g;
        end.lastIndex = body;
        const found = end.exec(html);
        // Inside <textarea>, <title> and the like `<!--` is text, and an end tag
        // in it closes that element, so what follows would be live: read on.
        if (html.slice(body, found ? found.index : length).includes('</')) i = body;
        else i = found ? found.index + found[0].length : length;
      }
      continue;
    }
    const closing = html[i] === '/';
    const nameStart = closing ? i + 1 : i;
    if (!/[a-zA-Z]/.test(html[nameStart] ?? '')) {
      if (html[i] === '!' || html[i] === '?' || (closing && nameStart < length)) {
        const end = html.indexOf('>', i);
        i = end < 0 ? length : end + 1;
      }
      continue;
    }
    let j = nameStart;
    while (j < length && !/[\t\n\f\r />]/.test(html[j]!)) j++;
    const tag: HtmlTag = { name: html.slice(nameStart, j).toLowerCase(), closing, attributes: [], offset: open, complete: false };
    while (j < length) {
      while (j < length && /[\t\n\f\r /]/.test(html[j]!)) j++;
      if (j >= length) break;
      if (html[j] === '>') {
        tag.complete = true;
        j++;
        break;
      }
      const nameFrom = j++;
      while (j < length && !/[\t\n\f\r />=]/.test(html[j]!)) j++;
      const attribute = html.slice(nameFrom, j);
      let k = j;
      while (k < length && HTML_SPACE.test(html[k]!)) k++;
      if (html[k] !== '=') {
        tag.attributes.push([attribute, null]);
        j = k;
        continue;
      }
      k++;
      while (k < length && HTML_SPACE.test(html[k]!)) k++;
      const quote = html[k];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, k + 1);
        tag.attributes.push([attribute, decodeCharacterReferences(html.slice(k + 1, close < 0 ? length : close))]);
        j = close < 0 ? length : close + 1;
      } else {
        let end = k;
        while (end < length && !/[\t\n\f\r >]/.test(html[end]!)) end++;
        tag.attributes.push([attribute, decodeCharacterReferences(html.slice(k, end))]);
        j = end;
      }
    }
    tags.push(tag);
    i = j;
  }
  return tags;
}

/** Every tag in a piece of raw HTML (Markdown keeps HTML as text). Comments are skipped. */
export function inspectHtml(html: string): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  for (const tag of htmlTags(html)) {
    const problem = tag.closing ? undefined : inspectElement(tag.name, tag.attributes);
    // An unfinished tag or quote would swallow the Markdown after it into an attribute the check never saw.
    const unfinished: SafetyProblem | undefined = tag.complete
      ? undefined
      : { message: `de tag <${tag.closing ? '/' : ''}${tag.name} …> is niet af: er ontbreekt een > of een aanhalingsteken`, hint: 'Sluit de tag met > en zet elke waarde tussen twee aanhalingstekens: href="https://…".' };
    const found = problem ?? unfinished;
    if (found) problems.push({ ...found, lineOffset: countLines(html.slice(0, tag.offset)) });
  }
  return problems;
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
