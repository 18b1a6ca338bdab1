/**
 * Where the archive's files live. A webmaster can keep content and data in
 * another folder (or repository) by setting RAADSARCHIEF_CONTENT / RAADSARCHIEF_DATA.
 */
import { isAbsolute, relative, resolve } from 'node:path';

const fromEnv = (name: string, fallback: string) => {
  const value = process.env[name];
  return value ? resolve(value) : resolve(process.cwd(), fallback);
};

export const contentDir = () => fromEnv('RAADSARCHIEF_CONTENT', 'content');
export const dataDir = () => fromEnv('RAADSARCHIEF_DATA', 'data');

/** A path as a clerk would type it: relative to the project when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
}
