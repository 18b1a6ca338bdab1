/**
 * An archive to import into: the sample's organisations and site settings,
 * and empty folders for briefings and datasets, in a folder of its own.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './build';

export function emptyArchive(prefix = 'ra-archief-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const content = join(dir, 'content');
  const data = join(dir, 'data');
  cpSync(join(projectRoot, 'content/organisaties'), join(content, 'organisaties'), { recursive: true });
  cpSync(join(projectRoot, 'content/site.yaml'), join(content, 'site.yaml'));
  mkdirSync(join(content, 'stukken'), { recursive: true });
  mkdirSync(data, { recursive: true });
  return { dir, content, data, options: { contentRoot: content, dataRoot: data } };
}

/** Warnings that are points for review about placeholders: listed by the check, never published. */
export const isPlaceholderWarning = (warning: { message: string }) =>
  /^(?:hier|in de voorkant) staat nog voorbeeldtekst uit het sjabloon \(die wordt niet gepubliceerd\)$|^wordt nog niet gepubliceerd: /.test(warning.message);
