/**
 * An e-mail, inventory list or notice that came in a folder with its
 * decision becomes an attachment of that decision: the file is copied beside
 * the briefing and named under `bijlagen:`. When the letter already names it
 * ("Bijlage: Inventarislijst", imported without its file), that entry gets the
 * file. One that may not be published (it names a private person) is named
 * without its file, with the reason.
 *
 * The frontmatter is edited through the `yaml` package's document, not as
 * lines of text: a clerk's `bijlagen: []` or a list written without indent is
 * as good as the import's own, and the comments (the import's reminders, the
 * hashes that tell a file was imported) stay where they are.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { briefingSchema } from '../../schemas/briefing';
import { placeFile, type IncomingFile } from '../content/intake';
import { splitFrontmatter } from '../content/check';
import { safeFileName } from '../content/attachments';
import { hasPlaceholder } from '../content/placeholders';

export interface Attachment {
  titel: string;
  /** The file to publish; without it the attachment is named as not public, with `opmerking` saying why. */
  file?: IncomingFile;
  opmerking?: string;
  /** An entry the letter named without its file ("- titel: Inventarislijst") that this attachment fills. */
  matches?: RegExp;
}

/** Where the attachment went (`path` of the copied file, if any), or why it could not be added. */
export type Attached = { path?: string } | { problem: string };

const textOf = (node: unknown) => (isScalar(node) ? String(node.value ?? '') : typeof node === 'string' ? node : '');

/** Adds the attachment to the briefing. Never throws for what the briefing holds: that is a problem in the answer. */
export function attachToBriefing(briefingPath: string, attachment: Attachment): Attached {
  const text = readFileSync(briefingPath, 'utf8');
  const parts = splitFrontmatter(text);
  if (!parts) return { problem: 'het stuk heeft geen voorkant tussen --- en ---' };
  const doc = parseDocument(parts.frontmatter);
  if (doc.errors.length || !isMap(doc.contents)) return { problem: `de voorkant van het stuk is geen geldige YAML${doc.errors[0] ? ` (${doc.errors[0].message.split('\n')[0]})` : ''}` };
  let list = doc.get('bijlagen', true);
  if (list === undefined || (isScalar(list) && list.value === null)) {
    list = doc.createNode([]);
    doc.set('bijlagen', list);
  }
  if (!isSeq(list)) return { problem: 'bijlagen: in het stuk is geen lijst' };
  // "bijlagen: []" would stay a one-line list; the import writes one entry a line, as a clerk does.
  list.flow = false;

  const folder = join(dirname(briefingPath), 'bijlagen');
  const placed = attachment.file && placeFile(attachment.file, folder, safeFileName(attachment.file.ownName));
  const bestand = placed && `bijlagen/${placed.name}`;
  // Only an entry that is still waiting for its file: one with a file of its own is never replaced.
  const named = attachment.matches && list.items.find((item): item is YAMLMap => isMap(item) && !item.has('bestand') && attachment.matches!.test(textOf(item.get('titel', true))));
  // A second run over the same folder: the entry for a file that is not taken in is there already.
  const same = !attachment.file && list.items.some((item) => isMap(item) && !item.has('bestand') && textOf(item.get('titel', true)) === attachment.titel && textOf(item.get('opmerking', true)) === (attachment.opmerking ?? ''));
  if (same) return {};
  if (named) {
    const opmerking = textOf(named.get('opmerking', true));
    // A reminder of the import goes once the entry is filled; what a clerk wrote stays.
    const reminder = !opmerking || hasPlaceholder(opmerking);
    if (bestand) {
      named.set('bestand', bestand);
      if (reminder) named.delete('opmerking');
    } else if (attachment.opmerking && reminder) {
      named.set('opmerking', attachment.opmerking);
    }
  } else {
    list.add(doc.createNode({ titel: attachment.titel, ...(bestand ? { bestand } : {}), ...(attachment.opmerking ? { opmerking: attachment.opmerking } : {}) }));
  }

  const frontmatter = doc.toString({ lineWidth: 0 }).trimEnd();
  const undo = () => {
    if (placed && !placed.reused) rmSync(join(folder, placed.name), { force: true });
  };
  // Read back as every other part of the archive reads it.
  let valid = false;
  try {
    valid = briefingSchema.safeParse(load(frontmatter)).success;
  } catch {
    valid = false;
  }
  if (!valid) {
    undo();
    return { problem: 'het stuk zou met deze bijlage niet meer kloppen' };
  }
  writeFileSync(briefingPath, `---\n${frontmatter}\n---\n${parts.body}`);
  return placed ? { path: join(folder, placed.name) } : {};
}
