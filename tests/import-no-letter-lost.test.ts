/**
 * No letter lost: an import skips only the same document — the same bytes, or
 * the same text in another file — and never a different letter because a
 * field matches. Partial decisions in one case share the case's kenmerk and
 * are all imported; a near match (same kenmerk and date, other text) is
 * imported and named for review. The check accepts a shared kenmerk.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { importFolder, summaryCsv } from '../src/lib/import/import-letters';
import { docx } from './helpers/docx';
import { buildPdf, onePage } from './helpers/pdf';
import { emptyArchive } from './helpers/archive';

/** A partial decision in case 2020-13953: same kenmerk, its own date and decision. */
const decision = (date: string, part: number, decided: string) => [
  'Gemeente Almelo',
  `Datum: ${date}`,
  'Ons kenmerk: 2020-13953',
  `Onderwerp: Deelbesluit ${part} op uw verzoek om informatie over de jeugdzorg`,
  '',
  'Geachte heer/mevrouw 10.2.e,',
  '',
  `Dit is deelbesluit ${part} op uw verzoek van 25 november 2020. ${decided}`,
  '',
  'Met vriendelijke groet,',
  'Burgemeester en wethouders van Almelo,',
];

describe('npm run import: no letter lost', () => {
  it('imports three partial decisions that share a kenmerk, skips the same text in another file, and names a near match', async () => {
    const archive = emptyArchive('ra-zaak-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-deelbesluiten-'));
    const first = decision('11 januari 2021', 1, 'Wij maken de documenten over de jaren 2018 en 2019 openbaar.');
    writeFileSync(join(folder, 'a-deelbesluit-1.pdf'), buildPdf({ objects: onePage({ lines: first }) }));
    writeFileSync(join(folder, 'b-deelbesluit-2.pdf'), buildPdf({ objects: onePage({ lines: decision('15 maart 2021', 2, 'Wij maken de documenten over 2020 gedeeltelijk openbaar.') }) }));
    writeFileSync(join(folder, 'c-deelbesluit-3.pdf'), buildPdf({ objects: onePage({ lines: decision('2 juni 2021', 3, 'Voor de overige documenten zijn geen documenten gevonden.') }) }));
    // The same first decision, saved again: other bytes (packed objects), the same words.
    writeFileSync(join(folder, 'd-deelbesluit-1-kopie.pdf'), buildPdf({ objects: onePage({ lines: first }), packed: [1, 2, 3, 5] }));
    // Same kenmerk and date as the first, other words: a corrected version, or another letter.
    writeFileSync(join(folder, 'e-deelbesluit-1-gecorrigeerd.pdf'), buildPdf({ objects: onePage({ lines: decision('11 januari 2021', 1, 'Wij maken de documenten over de jaren 2017, 2018 en 2019 openbaar.') }) }));
    // The same Word letter twice under two names.
    const word = docx([{ p: 'Gemeente Almelo' }, { p: 'Datum: 3 februari 2021' }, { p: 'Onderwerp: Informatie over parkeren' }, { p: 'Geachte leden van de raad,' }, { p: 'Het college informeert u over het parkeren in de binnenstad.' }]);
    writeFileSync(join(folder, 'f-parkeren.docx'), word);
    writeFileSync(join(folder, 'g-parkeren-kopie.docx'), Buffer.concat([word]));

    const results = await importFolder(folder, { contentRoot: archive.content, dataRoot: archive.data, organisatie: 'almelo' });
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['a-deelbesluit-1.pdf', 'nakijken'],
      ['b-deelbesluit-2.pdf', 'nakijken'],
      ['c-deelbesluit-3.pdf', 'nakijken'],
      ['d-deelbesluit-1-kopie.pdf', 'overgeslagen'],
      ['e-deelbesluit-1-gecorrigeerd.pdf', 'nakijken'],
      ['f-parkeren.docx', 'nakijken'],
      ['g-parkeren-kopie.docx', 'overgeslagen'],
    ]);
    const [a, b, c, d, e, , g] = results;
    expect(new Set([a, b, c, e].map((r) => r!.briefing)).size).toBe(4);
    expect(d!.message).toMatch(/^staat al in het archief \(dezelfde tekst: .*\.md\)$/);
    expect(d!.briefing).toBe(a!.briefing);
    expect(g!.message).toMatch(/^staat al in het archief \(hetzelfde bestand: /);
    expect(b!.notes.join('\n')).toMatch(/Zelfde kenmerk \(2020-13953\) als .*: een ander stuk in dezelfde zaak\./);
    expect(e!.toCheck.join('\n')).toMatch(/of dit een nieuwe versie is van .*\.md \(zelfde kenmerk 2020-13953 en datum, andere tekst\)/);
    expect(summaryCsv(results)).toContain('nieuwe versie');

    for (const [result, date] of [[a, '2021-01-11'], [b, '2021-03-15'], [c, '2021-06-02']] as const) {
      expect(readFileSync(result!.briefing!, 'utf8')).toMatch(new RegExp(`\\ndatum: '?${date}'?\\n`));
      expect(readFileSync(result!.briefing!, 'utf8')).toMatch(/\nkenmerk: '?2020-13953'?\n/);
    }

    const check = checkArchive({ contentRoot: archive.content, dataRoot: archive.data });
    expect(check.errors.map(formatContentError)).toEqual([]);
    // Only the two letters with the same kenmerk, date and type are worth a look.
    const sameCase = check.warnings.filter((w) => w.message.startsWith('kenmerk 2020-13953 staat ook in'));
    expect(sameCase.map((w) => w.message)).toHaveLength(1);
    expect(sameCase[0]!.message).toMatch(/met dezelfde datum en soort: staat hetzelfde stuk er twee keer in\?/);

    // Run again: everything is already there, nothing new is written.
    const again = await importFolder(folder, { contentRoot: archive.content, dataRoot: archive.data, organisatie: 'almelo' });
    expect(again.map((r) => r.outcome)).toEqual(Array(7).fill('overgeslagen'));
  });
});

describe('npm run import: a long import', () => {
  it('reports each file as it is done, stops between two files, and goes on where it stopped when run again', async () => {
    const archive = emptyArchive('ra-zaak-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-lang-'));
    const dates = ['11 januari 2021', '15 maart 2021', '2 juni 2021', '7 september 2021'];
    dates.forEach((date, i) => writeFileSync(join(folder, `deelbesluit-${i + 1}.pdf`), buildPdf({ objects: onePage({ lines: decision(date, i + 1, `Besluit nummer ${i + 1}.`) }) })));
    const options = { contentRoot: archive.content, dataRoot: archive.data, organisatie: 'almelo' };

    const stop = new AbortController();
    const heard: string[] = [];
    const first = await importFolder(folder, options, (result, done, total) => {
      heard.push(`${done}/${total} ${result.file}`);
      if (done === 2) stop.abort();
    }, stop.signal);
    expect(heard).toEqual(['1/4 deelbesluit-1.pdf', '2/4 deelbesluit-2.pdf']);
    expect(first.map((r) => r.outcome)).toEqual(['nakijken', 'nakijken']);

    const second = await importFolder(folder, options);
    expect(second.map((r) => [r.file, r.outcome])).toEqual([
      ['deelbesluit-1.pdf', 'overgeslagen'],
      ['deelbesluit-2.pdf', 'overgeslagen'],
      ['deelbesluit-3.pdf', 'nakijken'],
      ['deelbesluit-4.pdf', 'nakijken'],
    ]);
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors.map(formatContentError)).toEqual([]);
  });
});
