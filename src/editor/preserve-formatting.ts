/**
 * What the editing screen writes when a clerk saves: the file as it was, with
 * only the fields the clerk changed rewritten. Decap sends the whole entry,
 * serialised its own way (its own quoting, key order and line folding, no
 * comments); writing that would rewrite every line of a carefully kept file.
 * So the incoming entry is compared with the file on disk value by value, and
 * only a changed value is written into the original text: a one-line value in
 * its place, anything else as that top-level field re-written by the `yaml`
 * package's Document (comments and flow style kept). Unchanged fields and an
 * unchanged body keep their bytes.
 */
import { isMap, isScalar, isSeq, parseDocument, Document, Pair, Scalar, YAMLMap, type Node } from 'yaml';
import { splitFrontmatter } from '../lib/content/check';

type Value = unknown;

interface Change {
  path: Array<string | number>;
  /** undefined: the clerk emptied the field, so it goes. */
  value?: Value;
}

const isPlainObject = (value: Value): value is Record<string, Value> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** Empty the way a form leaves a field it did not fill: nothing, '', [] or an object of such. */
export function isEmpty(value: Value): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

/** A form's value without the empty fields it added. */
function prune(value: Value): Value {
  if (Array.isArray(value)) return value.map(prune);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).filter(([, v]) => !isEmpty(v)).map(([k, v]) => [k, prune(v)]));
  return value;
}

/** The same to a reader of the file: 2013 and "2013" alike (a form field gives text), empty like absent. */
function equivalent(a: Value, b: Value): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equivalent(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) return [...new Set([...Object.keys(a), ...Object.keys(b)])].every((key) => equivalent(a[key], b[key]));
  if (a instanceof Date || b instanceof Date) return toText(a) === toText(b);
  if (typeof a === 'object' || typeof b === 'object') return false;
  return String(a) === String(b);
}

const toText = (value: Value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

function diff(path: Array<string | number>, before: Value, after: Value, changes: Change[]): void {
  if (equivalent(before, after)) return;
  if (isEmpty(after)) {
    changes.push({ path });
    return;
  }
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(after)) {
      if (!(key in before) && isEmpty(after[key])) continue;
      diff([...path, key], before[key], after[key], changes);
    }
    // A key the form did not send is one it does not know (a field of another kind of briefing, a dataset's rows): kept.
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length && before.every(isPlainObject) && after.every(isPlainObject)) {
    before.forEach((item, i) => diff([...path, i], item, after[i], changes));
    return;
  }
  changes.push({ path, value: prune(after) });
}

/** The fields that differ between what is on disk and what the form sent. */
export function changedFields(before: Record<string, Value>, after: Record<string, Value>): Change[] {
  const changes: Change[] = [];
  for (const key of Object.keys(after)) {
    if (!(key in before) && isEmpty(after[key])) continue;
    diff([key], before[key], after[key], changes);
  }
  return changes;
}

const keyName = (key: unknown) => (isScalar(key) ? String(key.value) : String(key));

/** As clerks write YAML: no folding of long lines, `[a, b]` without padding. */
const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

function singleLineScalar(node: unknown, source: string): node is Scalar & { range: [number, number, number] } {
  if (!isScalar(node) || !node.range) return false;
  if (!['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(node.type ?? 'PLAIN')) return false;
  return !source.slice(node.range[0], node.range[1]).includes('\n');
}

/** A scalar as it would stand after `key: ` on one line. */
function inlineScalar(value: Value): string {
  const doc = new Document(value);
  return doc.toString(WRITE_OPTIONS).trimEnd();
}

/** Writes `changes` into the YAML text, touching nothing else. */
export function applyChanges(source: string, changes: Change[], order: readonly string[] = []): string {
  if (!changes.length) return source;
  const doc = parseDocument(source, { keepSourceTokens: true });
  if (doc.errors.length || !isMap(doc.contents)) throw new Error('de voorkant is geen geldige YAML');
  const root = doc.contents as YAMLMap<Scalar, Node | null>;
  const edits: Array<{ from: number; to: number; text: string }> = [];
  const rewritten = new Set<string>();

  for (const change of changes) {
    const top = String(change.path[0]);
    const current = doc.getIn(change.path, true);
    // In place: a one-line value replaced by a one-line value.
    const replacement = change.value !== undefined && !isPlainObject(change.value) && !Array.isArray(change.value) ? inlineScalar(change.value) : undefined;
    if (replacement !== undefined && !replacement.includes('\n') && singleLineScalar(current, source) && change.path.length > 0) {
      edits.push({ from: current.range[0], to: current.range[1], text: replacement });
      continue;
    }
    rewritten.add(top);
    if (change.value === undefined) {
      doc.deleteIn(change.path);
      continue;
    }
    const node = doc.createNode(change.value);
    // A list or block written on one line ([a, b], { … }) stays on one line.
    if ((isSeq(current) || isMap(current)) && current.flow && (isSeq(node) || isMap(node))) node.flow = true;
    if (change.path.length > 1 && !doc.hasIn(change.path.slice(0, -1))) doc.setIn(change.path.slice(0, -1), doc.createNode({}));
    doc.setIn(change.path, node);
  }

  const pairs = root.items as Array<Pair<Scalar, Node | null>>;
  const pairRange = (pair: Pair<Scalar, Node | null>) => {
    const from = pair.key.range?.[0];
    const to = (pair.value as Node | null)?.range?.[1] ?? pair.key.range?.[1];
    return from !== undefined && to !== undefined ? { from, to } : undefined;
  };
  const renderPair = (pair: Pair<Scalar, Node | null>) => {
    const single = new Document();
    // The comment above the key stays where it is in the source.
    const key = isScalar(pair.key) ? (pair.key.clone() as Scalar) : new Scalar(pair.key);
    key.commentBefore = undefined;
    key.spaceBefore = false;
    single.contents = new YAMLMap();
    (single.contents as YAMLMap).items.push(new Pair(key, pair.value));
    return single.toString(WRITE_OPTIONS).trimEnd();
  };

  const original = parseDocument(source, { keepSourceTokens: true }).contents as YAMLMap<Scalar, Node | null>;
  // A rewritten field is written in the file's own line endings.
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const render = (pair: Pair<Scalar, Node | null>) => renderPair(pair).replace(/\n/g, eol);
  let tail = '';
  for (const top of rewritten) {
    const pair = pairs.find((p) => keyName(p.key) === top);
    const originalPair = original.items.find((p) => keyName(p.key) === top);
    const range = originalPair && pairRange(originalPair);
    if (!range) {
      if (!pair) continue;
      // A new field goes after the field the form shows before it, as a clerk would add it.
      const before = order.slice(0, Math.max(0, order.indexOf(top))).reverse().map((key) => original.items.find((p) => keyName(p.key) === key)).find((p) => p);
      const after = before && pairRange(before);
      if (!after) {
        tail += `${render(pair)}${eol}`;
        continue;
      }
      const at = source.slice(after.from, after.to).endsWith('\n') ? after.to : (source.indexOf('\n', after.to) + 1 || source.length);
      edits.push({ from: at, to: at, text: `${at === source.length && !source.endsWith('\n') ? eol : ''}${render(pair)}${eol}` });
      continue;
    }
    // Nothing of an edit inside a field that is rewritten as a whole.
    for (let i = edits.length - 1; i >= 0; i--) if (edits[i]!.from >= range.from && edits[i]!.to <= range.to) edits.splice(i, 1);
    const endsWithNewline = source.slice(range.from, range.to).endsWith('\n');
    if (pair) {
      edits.push({ from: range.from, to: range.to, text: render(pair) + (endsWithNewline ? eol : '') });
      continue;
    }
    // Removed: its lines go, a comment at the end of its last line with them.
    let to = range.to;
    if (!endsWithNewline) {
      const newline = source.indexOf('\n', to);
      to = newline === -1 ? source.length : newline + 1;
    }
    edits.push({ from: range.from, to, text: '' });
  }

  // From the end, so earlier offsets stay right; an insertion at the same place as a removal goes after it.
  edits.sort((a, b) => b.from - a.from || a.to - b.to);
  let text = source;
  for (const edit of edits) text = text.slice(0, edit.from) + edit.text + text.slice(edit.to);
  if (tail) text = `${text.endsWith('\n') ? text : text + eol}${tail}`.replace(/\r?\n$/, source.endsWith('\n') ? eol : '');
  return text;
}

const normaliseBody = (body: string) => body.replace(/\r\n/g, '\n').trim();

export interface MergeResult {
  text: string;
  changed: string[];
}

/**
 * The new text of a briefing (frontmatter and body) or a YAML file, given what
 * is on disk and what the form sent. Unchanged input gives the file back byte
 * for byte.
 */
export function mergeEntry(onDisk: string, incoming: string, format: 'frontmatter' | 'yaml', order: readonly string[] = []): MergeResult {
  const parse = (yaml: string) => {
    const doc = parseDocument(yaml);
    if (doc.errors.length) throw new Error(doc.errors[0]!.message);
    const data = doc.toJS() as Value;
    return isPlainObject(data) ? data : {};
  };
  if (format === 'yaml') {
    const changes = changedFields(parse(onDisk), parse(incoming));
    return { text: applyChanges(onDisk, changes, order), changed: changes.map((c) => c.path.join('.')) };
  }
  const before = splitFrontmatter(onDisk);
  const after = splitFrontmatter(incoming);
  // A file the form cannot read as frontmatter and body is left to the clerk's own editor.
  if (!before || !after) throw new Error('de voorkant (frontmatter) tussen de regels --- ontbreekt');
  const changes = changedFields(parse(before.frontmatter), parse(after.frontmatter));
  const frontmatter = applyChanges(before.frontmatter, changes, order);
  const bodyChanged = normaliseBody(before.body) !== normaliseBody(after.body);
  const head = onDisk.slice(0, onDisk.length - before.body.length);
  const newHead = changes.length ? head.replace(before.frontmatter, () => frontmatter) : head;
  const body = bodyChanged ? bodyAsTyped(after.body, before.body) : before.body;
  return { text: newHead + body, changed: [...changes.map((c) => c.path.join('.')), ...(bodyChanged ? ['tekst'] : [])] };
}

/** A changed body in the file's own line endings, ending with one newline as files do. */
function bodyAsTyped(body: string, previous: string): string {
  const crlf = previous.includes('\r\n');
  const text = body.replace(/\r\n/g, '\n').replace(/\s*$/, '\n');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}
