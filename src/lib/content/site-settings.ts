/**
 * Site settings from content/site.yaml.
 */
import { join } from 'node:path';
import { siteSchema, type SiteSettings } from '../../schemas/site';
import { ContentErrors } from '../errors/content-error';
import { readText } from '../datasets/load';
import { contentDir, displayPath } from './paths';
import { parseYaml } from '../formats/yaml';
import { issuesToErrors } from '../errors/zod';

let cached: SiteSettings | undefined;

export function loadSiteSettings(): SiteSettings {
  if (cached) return cached;
  const path = join(contentDir(), 'site.yaml');
  const file = displayPath(path);
  const { data, locate } = parseYaml(readText(path, file), file);
  const result = siteSchema.safeParse(data ?? {});
  if (!result.success) throw new ContentErrors(issuesToErrors(result.error.issues, file, locate));
  cached = result.data;
  return cached;
}
