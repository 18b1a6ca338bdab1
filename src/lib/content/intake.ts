/**
 * Files a clerk hands to `npm run new` (the signed original, attachments):
 * checked by the archive's own rules before anything is copied, then placed in
 * content/stukken/bijlagen/ under a name that is safe in a web address.
 * Nothing is overwritten: the same bytes reuse the file that is already there,
 * other bytes get -2, -3, ….
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { inspectDocument } from './attachments';

export interface IncomingFile {
  /** The path as the clerk typed it, for messages. */
  typed: string;
  /** Absolute path of the clerk's file. */
  source: string;
  /** The file's own name: "Parkeeronderzoek 2024.pdf". */
  ownName: string;
  /** Lower case, without the dot: "pdf". */
  extension: string;
  size: number;
  sha256: string;
  /** Said when the file is taken: it is allowed, but large. */
  warning?: string;
}

/** An attachment the clerk named: a file, or only the title of one that is not public. */
export type IncomingAttachment = { file: IncomingFile } | { titel: string };

export interface IntakeProblem {
  message: string;
  hint: string;
  /** Nothing at that path: perhaps the clerk typed the title of an attachment that is not public. */
  missing?: boolean;
}

/**
 * A path as it arrives from a terminal: dragging a file in adds quotes or
 * backslashes before spaces, and ~ is the clerk's home folder. Relative paths
 * start from `cwd`, the folder the clerk typed the command in.
 */
export function typedPath(typed: string, cwd: string): string {
  let path = typed.trim();
  const quoted = /^(['"])(.*)\1$/.exec(path);
  // Only the characters a terminal escapes, so a Windows path keeps its backslashes.
  path = quoted ? quoted[2]! : path.replace(/\\([ ()'"&])/g, '$1');
  if (path === '~' || path.startsWith('~/')) path = homedir() + path.slice(1);
  return resolve(cwd, path);
}

/** Reads and checks one file the clerk named, by the same rules as `npm run check`. */
export function takeFile(typed: string, cwd: string): { file: IncomingFile } | { problem: IntakeProblem } {
  const source = typedPath(typed, cwd);
  const shown = typed.trim();
  let stat;
  try {
    stat = statSync(source);
  } catch {
    return { problem: { message: `het bestand "${shown}" bestaat niet${shown === source ? '' : ` (gezocht: ${source})`}`, hint: 'Controleer de naam en de map, of sleep het bestand in dit venster.', missing: true } };
  }
  if (!stat.isFile()) return { problem: { message: `"${shown}" is een map, geen bestand`, hint: 'Noem het bestand zelf, met de extensie: …/onderzoek.pdf.' } };
  const inspected = inspectDocument(source, shown, stat.size);
  if ('problem' in inspected) {
    const { message, hint } = inspected.problem;
    return { problem: { message: message.includes(`"${shown}"`) ? message : `"${shown}": ${message}`, hint } };
  }
  return {
    file: {
      typed: shown,
      source,
      ownName: basename(source),
      extension: inspected.extension,
      size: stat.size,
      sha256: inspected.sha256,
      warning: inspected.warnings.map((w) => `${w.message}. ${w.hint}`).join(' ') || undefined,
    },
  };
}

/** Which already named file has the same bytes as `file`, if any: a file is published once. */
export function sameFileAs(
  file: IncomingFile,
  original: IncomingFile | undefined,
  attachments: ReadonlyArray<IncomingAttachment>,
): { role: 'origineel'; file: IncomingFile } | { role: 'bijlage'; number: number; file: IncomingFile } | undefined {
  if (original?.sha256 === file.sha256) return { role: 'origineel', file: original };
  const index = attachments.findIndex((a) => 'file' in a && a.file.sha256 === file.sha256);
  const attachment = attachments[index];
  return attachment && 'file' in attachment ? { role: 'bijlage', number: index + 1, file: attachment.file } : undefined;
}

export interface PlacedFile {
  /** File name in `folder`. */
  name: string;
  /** True when an identical file was already there and nothing was copied. */
  reused: boolean;
}

/** Copies `file` into `folder` as `name`, or -2, -3, … when another file has that name; never overwrites. */
export function placeFile(file: IncomingFile, folder: string, name: string): PlacedFile {
  mkdirSync(folder, { recursive: true });
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = `${stem}${n === 1 ? '' : `-${n}`}${extension}`;
    const target = join(folder, candidate);
    let existing;
    try {
      existing = statSync(target);
    } catch {
      // COPYFILE_EXCL: if someone else wrote this name in the meantime, the copy fails instead of overwriting.
      copyFileSync(file.source, target, constants.COPYFILE_EXCL);
      return { name: candidate, reused: false };
    }
    if (existing.isFile() && existing.size === file.size && createHash('sha256').update(readFileSync(target)).digest('hex') === file.sha256) {
      return { name: candidate, reused: true };
    }
  }
}
