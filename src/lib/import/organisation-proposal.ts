/**
 * A letter from a municipality the archive does not know yet: the import
 * proposes its organisation file (content/organisaties/<key>.yaml) in the
 * shape of the others — name, kind, CBS code and, when the letter gives it,
 * the web address — and says so, for the clerk to confirm.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { organisationSchema } from '../../schemas/organisation';
import { formatPartialDate } from '../formats/dates';
import { parsePartialDate, type PartialDate } from '../../schemas/partial-date';
import type { OrganisationName, RecognisedSender } from './sender';

export interface OrganisationProposal {
  /** File name without .yaml, and the briefing's `organisatie`. */
  key: string;
  naam: string;
  cbsCode: string;
  website?: string;
  /** The file's text, with a comment that says where it came from. */
  yaml: string;
  /** For the clerk: which municipality, and how the letter showed it. */
  description: string;
}

/** "Bergen (NH.)" → "bergen-nh", "'s-Hertogenbosch" → "s-hertogenbosch", "Súdwest-Fryslân" → "sudwest-fryslan". */
export function organisationKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^gemeente\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const longDate = (iso: string) => formatPartialDate(parsePartialDate(iso) as PartialDate);

/**
 * The organisation file for a recognised municipality that has none yet.
 * `taken` are the keys in content/organisaties/; `file` names the letter it came from.
 */
export function proposeOrganisation(sender: RecognisedSender, taken: ReadonlyArray<OrganisationName>, file?: string): OrganisationProposal {
  const base = organisationKey(sender.naam);
  const keys = new Set(taken.map((o) => o.key));
  const key = keys.has(base) ? `${base}-${sender.code.slice(2)}` : base;
  const data = { naam: sender.naam, soort: 'gemeente' as const, cbsCode: sender.code, ...(sender.website ? { website: sender.website } : {}) };
  const checked = organisationSchema.safeParse(data);
  // A web address the schema refuses is left out rather than stopping the import.
  const fields = checked.success ? data : { naam: data.naam, soort: data.soort, cbsCode: data.cbsCode };
  const { municipality } = sender;
  const existed = [municipality.begin && `sinds ${longDate(municipality.begin)}`, municipality.einde && `opgeheven per ${longDate(municipality.einde)}`].filter(Boolean).join(', ');
  const comment = [
    `# Voorgesteld door npm run import${file ? ` bij ${file}` : ''}: controleer naam, CBS-code en website.`,
    `# CBS: ${municipality.code} ${municipality.naam} (${municipality.provincie}${existed ? `, ${existed}` : ''}).`,
    `# Herkend aan: ${sender.evidence.join('; ')}.`,
  ].map((line) => line.replace(/\s+/g, ' '));
  return {
    key,
    naam: fields.naam,
    cbsCode: fields.cbsCode,
    ...('website' in fields ? { website: fields.website } : {}),
    yaml: `${comment.join('\n')}\n${dump(fields, { lineWidth: 120 })}`,
    description: `${fields.naam} (${fields.cbsCode}), herkend aan ${sender.evidence.join(' en ')}`,
  };
}

/**
 * Writes the proposed file, never over an existing one. Returns its path, or
 * undefined when another import wrote it a moment ago. `undo` removes it
 * again when the letter itself could not be written.
 */
export function writeProposedOrganisation(contentRoot: string, proposal: OrganisationProposal): { path: string; undo: () => void } | undefined {
  const path = join(contentRoot, 'organisaties', `${proposal.key}.yaml`);
  try {
    writeFileSync(path, proposal.yaml, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  return { path, undo: () => rmSync(path, { force: true }) };
}
