/**
 * How a saved entry is merged into its file (src/editor/preserve-formatting.ts):
 * a field the clerk emptied goes, a new one lands after the field the form
 * shows before it, a list written on one line stays on one line, comments and
 * the body's bytes stay, and a changed body replaces the old one.
 */
import { describe, expect, it } from 'vitest';
import { mergeEntry } from '../src/editor/preserve-formatting';
import { decapRead, decapWrite } from './helpers/decap-entry';

const ORDER = ['type', 'titel', 'onderwerp', 'organisatie', 'datum', 'kenmerk', 'aan', 'onderwerpen', 'bijlagen'];
const FILE = [
  '---',
  'type: notitie',
  "titel: 'Een notitie: over parkeren'   # titel uit de brief",
  'organisatie: almelo',
  'datum: 2025-03',
  '# de geadresseerde staat niet in de bron',
  'aan: De raad',
  'onderwerpen: [parkeren, binnenstad]',
  'bijlagen:',
  '  - { titel: Onderzoek, bestand: bijlagen/onderzoek.pdf }',
  '---',
  '',
  '## Inleiding',
  '',
  '::data-table{id="parkeren-2024"}',
  '',
].join('\r\n');

/** What Decap sends after the clerk changed `edit` in the form. */
const saved = (edit: (entry: Record<string, unknown>) => void) => {
  const entry = decapRead(FILE);
  edit(entry);
  return mergeEntry(FILE, decapWrite(entry, ORDER), 'frontmatter', ORDER);
};

describe('merging a saved entry into its file', () => {
  it('gives the file back byte for byte when nothing changed, Windows line endings and all', () => {
    expect(saved(() => {}).text).toBe(FILE);
  });

  it('removes a field the clerk emptied, with its line, and keeps the comment above the next field', () => {
    const { text, changed } = saved((entry) => (entry.aan = ''));
    expect(changed).toEqual(['aan']);
    expect(text).toBe(FILE.replace('aan: De raad\r\n', ''));
  });

  it('puts a new field after the field the form shows before it, in the file’s line endings', () => {
    const { text } = saved((entry) => (entry.kenmerk = 'UIT-25001234'));
    expect(text).toBe(FILE.replace('datum: 2025-03\r\n', 'datum: 2025-03\r\nkenmerk: UIT-25001234\r\n'));
  });

  it('keeps a list written on one line on one line, and an unchanged item of a list as it was', () => {
    expect(saved((entry) => (entry.onderwerpen = ['parkeren', 'centrum'])).text).toBe(FILE.replace('[parkeren, binnenstad]', '[parkeren, centrum]'));
    const attachment = saved((entry) => ((entry.bijlagen as Array<Record<string, string>>)[0]!.titel = 'Parkeeronderzoek'));
    expect(attachment.text).toBe(FILE.replace('titel: Onderzoek,', 'titel: Parkeeronderzoek,'));
  });

  it('quotes a value where YAML needs it, keeping the comment after it', () => {
    expect(saved((entry) => (entry.titel = 'Parkeren: de cijfers')).text).toBe(FILE.replace("'Een notitie: over parkeren'", '"Parkeren: de cijfers"'));
  });

  it('keeps the body’s bytes, directive included, and writes a changed body in the file’s line endings', () => {
    const { text } = saved((entry) => (entry.body = `${String(entry.body).replace(/\r\n/g, '\n')}\nNog een alinea.\n`));
    expect(text).toBe(`${FILE}\r\nNog een alinea.\r\n`);
  });
});
