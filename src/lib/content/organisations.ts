/**
 * Organisations (content/organisaties/<id>.yaml), read strictly: a broken file
 * stops the build with its line instead of leaving briefings without a sender.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { organisationSchema, type Organisation } from '../../schemas/organisation';
import { ContentError, ContentErrors, type ContentErrorDetails } from '../errors/content-error';
import { readText } from '../datasets/load';
import { contentDir, displayPath } from './paths';
import { parseYaml } from '../formats/yaml';
import { issuesToErrors } from '../errors/zod';

export function loadOrganisations(dir = join(contentDir(), 'organisaties')): Map<string, Organisation> {
  const organisations = new Map<string, Organisation>();
  const errors: ContentErrorDetails[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
  } catch {
    throw new ContentErrors([{ file: displayPath(dir), message: 'de map met organisaties ontbreekt', hint: 'Maak content/organisaties/ aan met één YAML-bestand per organisatie.' }]);
  }
  for (const name of names) {
    const path = join(dir, name);
    const file = displayPath(path);
    try {
      const { data, locate } = parseYaml(readText(path, file), file);
      const result = organisationSchema.safeParse(data ?? {});
      if (!result.success) {
        errors.push(...issuesToErrors(result.error.issues, file, locate));
        continue;
      }
      const id = name.replace(/\.ya?ml$/i, '');
      organisations.set(id, { ...result.data, id });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error.details);
      else throw error;
    }
  }
  if (errors.length) throw new ContentErrors(errors);
  return organisations;
}
