/**
 * `npm run new`: every type yields a valid briefing with the skeleton of its
 * type, a file name that is free, and input mistakes named plainly.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBriefing } from '../src/lib/content/check';
import { DOCUMENT_TYPE_KEYS } from '../src/schemas/document-types';
import { freeFileName, originalFileName, scaffold, scaffoldExtension, scaffoldFileBase, slugify, titleFromFileName, validateScaffoldInput } from '../src/lib/content/scaffold';

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
    if (type === 'raadsinformatiebrief') expect(briefing!.body).toContain('\n## Vervolg\n');
    expect(briefing!.data.origineel).toBeUndefined();
    expect(briefing!.data.bijlagen).toEqual([]);
  });

  it('names the original and the attachments in the frontmatter, offering a file name as a title to confirm', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-new-'));
    mkdirSync(join(dir, 'bijlagen'));
    writeFileSync(join(dir, 'bijlagen/stuk-ondertekend.pdf'), '%PDF-1.7 brief');
    writeFileSync(join(dir, 'bijlagen/parkeeronderzoek-2024.pdf'), '%PDF-1.7 onderzoek');
    const text = scaffold({
      type: 'raadsinformatiebrief',
      organisatie: 'almelo',
      titel: 'Parkeren in het centrum',
      datum: '2025-03',
      origineel: 'bijlagen/stuk-ondertekend.pdf',
      bijlagen: [{ bestand: 'bijlagen/parkeeronderzoek-2024.pdf', naam: 'Parkeeronderzoek_2024.pdf' }, { titel: ' Advies van de vertrouwensarts ' }],
    });
    expect(text).toContain(
      [
        'origineel: bijlagen/stuk-ondertekend.pdf',
        'bijlagen:',
        "  - titel: '[VUL IN: titel van de bijlage, bijvoorbeeld: Parkeeronderzoek 2024]'",
        '    bestand: bijlagen/parkeeronderzoek-2024.pdf',
        '  - titel: Advies van de vertrouwensarts',
        '---',
      ].join('\n'),
    );
    const path = join(dir, 'stuk.md');
    writeFileSync(path, text);
    const { briefing, errors, warnings } = readBriefing(path, dir);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(briefing!.files.original?.name).toBe('stuk-ondertekend.pdf');
    expect(briefing!.files.attachments.map((a) => ('name' in a ? a.name : `niet openbaar: ${a.titel}`))).toEqual(['parkeeronderzoek-2024.pdf', 'niet openbaar: Advies van de vertrouwensarts']);
  });

  it('names the original after its briefing, and a title after a file', () => {
    expect(originalFileName('almelo-2025-vragen-over-parkeren.md', 'vragen-raadslid', 'PDF')).toBe('almelo-2025-vragen-over-parkeren-ondertekend.pdf');
    expect(originalFileName('almelo-2025-parkeren-2.md', 'raadsinformatiebrief', '.pdf')).toBe('almelo-2025-parkeren-2-ondertekend.pdf');
    expect(originalFileName('almere-2018-jeugdhulp.mdx', 'rapportage', 'pdf')).toBe('almere-2018-jeugdhulp-origineel.pdf');
    expect(titleFromFileName('parkeeronderzoek_2024--definitief [v2].PDF')).toBe('Parkeeronderzoek 2024 definitief v2');
  });

  it('chooses a file name that does not collide, also not with the other extension', () => {
    const taken = new Set(['/s/almelo-2025-parkeren.md', '/s/almelo-2025-parkeren-2.mdx']);
    expect(freeFileName('/s', 'almelo-2025-parkeren', '.md', (p) => taken.has(p))).toBe('almelo-2025-parkeren-3.md');
    expect(scaffoldFileBase({ type: 'notitie', organisatie: 'almelo', titel: 'Één visie op jeugd & zorg!', datum: '2025' })).toBe('almelo-2025-een-visie-op-jeugd-zorg');
    expect(slugify('Vragen over parkeren in het centrum')).toBe('vragen-over-parkeren-in-het-centrum');
  });

  it('names every input mistake', () => {
    expect(validateScaffoldInput({ type: 'brief' as never, organisatie: 'Almelo', datum: '2025-02-30' })).toEqual([
      '--type moet een van vragen-raadslid, vragen-inwoner, motie-uitvoering, raadsinformatiebrief, rapportage, notitie, schriftelijke-vragen, woo-besluit zijn',
      '--organisatie is de naam van een bestand in content/organisaties/, bijvoorbeeld almelo',
      '--titel ontbreekt',
      '--datum: 30 februari 2025 bestaat niet (schrijf 2025-03-04, 2025-03, 2025 of onbekend)',
    ]);
    expect(validateScaffoldInput({ type: 'raadsinformatiebrief', organisatie: 'almelo', titel: 'Parkeren', datum: '2025', bijlagen: [{ titel: '  ' }] })).toEqual([
      '--bijlage-niet-openbaar heeft de titel van de bijlage nodig, bijvoorbeeld --bijlage-niet-openbaar "Advies van de vertrouwensarts"',
    ]);
  });
});
