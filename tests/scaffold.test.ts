/**
 * `npm run new`: every type yields a valid briefing with the skeleton of its
 * type, a file name that is free, and input mistakes named plainly.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/lib/content/check';
import { DOCUMENT_TYPE_KEYS } from '../src/schemas/document-types';
import { freeFileName, scaffold, scaffoldExtension, scaffoldFileBase, slugify, validateScaffoldInput } from '../src/lib/content/scaffold';

describe('scaffold', () => {
  it.each(DOCUMENT_TYPE_KEYS)('writes a valid %s', (type) => {
    const input = { type, organisatie: 'almelo', titel: 'Vragen over parkeren', datum: '2025-03-04', kenmerk: 'UIT-1', vragen: 3 };
    const dir = mkdtempSync(join(tmpdir(), 'ra-new-'));
    const path = join(dir, `stuk${scaffoldExtension(type)}`);
    writeFileSync(path, scaffold(input));
    const { briefing, errors } = readBriefing(path);
    expect(errors).toEqual([]);
    expect(briefing!.data.type).toBe(type);
    if (type.startsWith('vragen')) {
      expect(briefing!.body.match(/^## Vraag \d+$/gm)).toEqual(['## Vraag 1', '## Vraag 2', '## Vraag 3']);
    }
    if (type === 'vragen-inwoner') expect(briefing!.data.vragen!.gesteldDoor).toEqual({ soort: 'inwoner', omschrijving: 'een inwoner' });
    if (type === 'motie-uitvoering') expect(briefing!.data.motie!.verzoeken).toHaveLength(1);
    if (type === 'rapportage') expect(briefing!.data.periode).toEqual({ jaar: 2025, deel: 'jaar' });
  });

  it('chooses a file name that does not collide, also not with the other extension', () => {
    const taken = new Set(['/s/almelo-2025-parkeren.md', '/s/almelo-2025-parkeren-2.mdx']);
    expect(freeFileName('/s', 'almelo-2025-parkeren', '.md', (p) => taken.has(p))).toBe('almelo-2025-parkeren-3.md');
    expect(scaffoldFileBase({ type: 'notitie', organisatie: 'almelo', titel: 'Één visie op jeugd & zorg!', datum: '2025' })).toBe('almelo-2025-een-visie-op-jeugd-zorg');
    expect(slugify('Vragen over parkeren in het centrum')).toBe('vragen-over-parkeren-in-het-centrum');
  });

  it('names every input mistake', () => {
    expect(validateScaffoldInput({ type: 'brief' as never, organisatie: 'Almelo', datum: '2025-02-30' })).toEqual([
      '--type moet een van vragen-raadslid, vragen-inwoner, motie-uitvoering, rapportage, notitie zijn',
      '--organisatie is de naam van een bestand in content/organisaties/, bijvoorbeeld almelo',
      '--titel ontbreekt',
      '--datum: 30 februari 2025 bestaat niet (schrijf 2025-03-04, 2025-03, 2025 of onbekend)',
    ]);
  });
});
