/**
 * The pure parts of `npm run import`: dates as the letter writes them, the
 * letterhead, numbered questions, the asker, the signature, names of private
 * persons, and tables typed as datasets.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/lib/import/blocks';
import { findOrganisation, parseDutchDate, readLetterhead } from '../src/lib/import/letterhead';
import { privateNames, removeNames } from '../src/lib/import/privacy';
import { readAsker, readMotion, splitQuestions } from '../src/lib/import/questions';
import { readSignature } from '../src/lib/import/signature';
import { inferColumn, tableToDataset } from '../src/lib/import/tables-to-datasets';
import { htmlToBlocks } from '../src/lib/import/docx-reader';
import { pagesToLetter } from '../src/lib/import/pdf-layout';

const p = (text: string): Block => ({ kind: 'paragraph', text, markdown: text });

describe('parseDutchDate', () => {
  it('reads what a letter writes, and never a date it does not give', () => {
    expect(parseDutchDate('15 juli 2025')).toBe('2025-07-15');
    expect(parseDutchDate('Almelo, 3 mrt. 2024')).toBe('2024-03-03');
    expect(parseDutchDate('juli 2025')).toBe('2025-07');
    expect(parseDutchDate('15-07-2025')).toBe('2025-07-15');
    expect(parseDutchDate('20 maart jl.')).toBeUndefined();
    expect(parseDutchDate('31 februari 2025')).toBeUndefined();
  });
});

describe('readLetterhead', () => {
  it('reads label–value lines and keeps the address block apart', () => {
    const head = readLetterhead([p('Mevrouw A. de Vries'), p('Dorpsstraat 1'), p('Datum: 2 april 2025'), p('Ons kenmerk: UIT-123456'), p('Uw kenmerk: ABC-1'), p('Onderwerp: Parkeren'), p('Bijlage(n): -'), p('Geachte mevrouw De Vries,'), p('Tekst.')]);
    expect(head).toMatchObject({ datum: '2025-04-02', kenmerk: 'UIT-123456', onderwerp: 'Parkeren', bijlagen: [], address: ['Mevrouw A. de Vries', 'Dorpsstraat 1'], salutation: 'Geachte mevrouw De Vries,', bodyStart: 8 });
  });
  it('reads a letterhead table', () => {
    const head = readLetterhead([{ kind: 'table', rows: [['Datum', '15 juli 2025'], ['Kenmerk', 'UIT-25/0001'], ['Bijlagen', 'Rapport A; Rapport B']] }, p('Geachte leden van de raad,')]);
    expect(head).toMatchObject({ datum: '2025-07-15', kenmerk: 'UIT-25/0001', bijlagen: ['Rapport A', 'Rapport B'] });
  });
  it('finds the organisation only when exactly one fits', () => {
    const organisations = [{ key: 'almelo', naam: 'Gemeente Almelo' }, { key: 'almere', naam: 'Gemeente Almere' }];
    expect(findOrganisation('Burgemeester en wethouders van Almelo', organisations)).toBe('almelo');
    expect(findOrganisation('Almelo en Almere', organisations)).toBeUndefined();
  });
});

describe('splitQuestions', () => {
  it('reads "1. …?" questions with the answer below, and a closing sentence apart', () => {
    const split = splitQuestions([p('Inleiding.'), p('1. Waarom?'), p('Daarom.'), p('2. Hoe?'), p('Zo.'), p('Wij hopen u hiermee voldoende te hebben geïnformeerd.')]);
    expect(split.intro).toHaveLength(1);
    expect(split.questions.map((q) => [q.number, q.question, q.answer.map((a) => a.kind === 'paragraph' && a.text)])).toEqual([[1, ['Waarom?'], ['Daarom.']], [2, ['Hoe?'], ['Zo.']]]);
    expect(split.closing).toHaveLength(1);
  });
  it('reads "Vraag N" and "Antwoord" labels, with a question over two paragraphs', () => {
    const split = splitQuestions([p('Vraag 1'), p('Eerste deel.'), p('Tweede deel?'), p('Antwoord: Ja.'), p('Meer uitleg.')]);
    expect(split.questions[0]).toMatchObject({ number: 1, question: ['Eerste deel.', 'Tweede deel?'] });
    expect(split.questions[0]!.answer).toHaveLength(2);
  });
  it('finds no questions in a letter without them', () => {
    expect(splitQuestions([p('Het college informeert u.'), p('Wat nu?')]).questions).toEqual([]);
  });
});

describe('readAsker and readMotion', () => {
  it('names a council member and the date asked; a resident stays unnamed', () => {
    expect(readAsker('Op 30 juli 2024 heeft u schriftelijke vragen gesteld. Aan raadslid J. van Dam (Stadspartij)')).toMatchObject({ asker: { soort: 'raadslid', naam: 'J. van Dam', fractie: 'Stadspartij' }, gesteldOp: '2024-07-30', via: 'schriftelijke vragen' });
    expect(readAsker('In uw e-mail van 20 maart jl. vraagt u')).toMatchObject({ asker: { soort: 'inwoner', unsure: false }, dateWithoutYear: '20 maart', via: 'e-mail' });
    expect(readAsker('Hierbij de antwoorden.').asker).toEqual({ soort: 'inwoner', unsure: true });
  });
  it('reads the motion from the subject, with its date and requests', () => {
    const motion = readMotion('Motie "Meer groen in de wijk"', [p('Op 4 maart 2025 heeft de raad de motie aangenomen.'), p('De motie verzoekt het college:'), { kind: 'list', ordered: false, items: [{ text: 'Plant bomen.', markdown: 'Plant bomen.' }] }, p('De motie is hiermee afgehandeld.')]);
    expect(motion).toMatchObject({ titel: 'Meer groen in de wijk', aangenomen: '2025-03-04', verzoeken: ['Plant bomen.'], status: 'afgehandeld' });
    expect(motion!.used).toHaveLength(2);
  });
});

describe('readSignature', () => {
  it('reads on whose behalf and each office with its name, from lines or a table', () => {
    expect(readSignature([p('Tekst.'), p('Met vriendelijke groet,'), p('Burgemeester en wethouders van Almelo,'), p('de secretaris,'), p('J.H. Dijkstra'), p('de burgemeester,'), p('R.T.A. Korteland')])).toEqual({
      namens: 'Burgemeester en wethouders van Almelo',
      personen: [{ functie: 'secretaris', naam: 'J.H. Dijkstra' }, { functie: 'burgemeester', naam: 'R.T.A. Korteland' }],
      start: 1,
    });
    expect(readSignature([p('Hoogachtend,'), { kind: 'table', rows: [['de gemeentesecretaris,', 'de burgemeester,'], ['A. Bakker', 'B. Smit']] }])?.personen).toEqual([{ functie: 'secretaris', naam: 'A. Bakker' }, { functie: 'burgemeester', naam: 'B. Smit' }]);
  });
});

describe('privacy', () => {
  it('finds the name in the salutation and the address, and takes every mention out', () => {
    const names = privateNames('Geachte heer Hümmels,', ['De heer M. Hümmels', 'Kerkstraat 12']);
    expect(names).toEqual(['M. Hümmels', 'Hümmels']);
    expect(removeNames('Volgens de heer Hümmels klopt dit. Hümmels schreef ook.', names)).toEqual({ text: 'Volgens de vraagsteller klopt dit. De vraagsteller schreef ook.', removed: 2 });
    expect(privateNames('Geachte leden van de raad,', [])).toEqual([]);
    expect(privateNames('Geachte heer De Vries,', [])).toEqual(['De Vries']);
  });
});

describe('tables to datasets', () => {
  it('types columns from Dutch numbers, keeps "-" as no value and marks totals', () => {
    expect(inferColumn('Aantal', ['1.432', '-', ''])).toEqual({ type: 'aantal', values: [1432, null, null] });
    expect(inferColumn('Kosten', ['€ 16.143', '€ 2.000,50'])).toEqual({ type: 'bedrag', values: [16143, 2000.5] });
    expect(inferColumn('Aandeel', ['12,3%', '4,0%'])).toEqual({ type: 'percentage', values: [12.3, 4] });
    expect(inferColumn('Jaar', ['2022', '2023'])).toEqual({ type: 'tekst', values: ['2022', '2023'] });
    expect(inferColumn('Gemeente', ['Almelo', 'Borne'])).toEqual({ type: 'tekst', values: ['Almelo', 'Borne'] });
    const draft = tableToDataset([['Gemeente', 'Aantal'], ['Almelo', '10'], ['Subtotaal', '10'], ['Totaal', '10']], 'x', { caption: 'Aantallen', captionIsTitle: true, source: 'Gemeente Almelo', placeholder: (w) => `[VUL IN: ${w}]` });
    expect(draft.data.rijen).toEqual([['Almelo', 10], { cellen: ['Subtotaal', 10], soort: 'subtotaal' }, { cellen: ['Totaal', 10], soort: 'totaal' }]);
    expect(draft.data.titel).toBe('Aantallen');
  });
});

describe('readers', () => {
  it('turns mammoth’s HTML into blocks with Markdown, footnotes apart', () => {
    const { blocks, footnotes } = htmlToBlocks('<h1>Kop</h1><p>Een <strong>vet</strong> woord<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> en *sterren*.</p><ol><li id="footnote-1"><p>Noot. <a href="#footnote-ref-1">↑</a></p></li></ol>');
    expect(blocks).toEqual([{ kind: 'heading', level: 1, text: 'Kop', markdown: 'Kop' }, { kind: 'paragraph', text: 'Een vet woord en *sterren*.', markdown: 'Een **vet** woord[^1] en \\*sterren\\*.' }]);
    expect(footnotes.get('1')).toBe('Noot.');
  });
  it('joins PDF lines into paragraphs and list items', () => {
    const line = (text: string, y: number, right = 500) => ({ text, x: 72, right, y, size: 11, bold: false });
    const { blocks } = pagesToLetter([{ page: 1, width: 595, height: 842, source: 'tekstlaag', lines: [line('Datum: 1 mei 2025', 142, 200), line('Een lange zin die door-', 170), line('loopt op de volgende regel.', 184, 300), line('- punt een', 212, 150), line('- punt twee', 226, 150)] }]);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Datum: 1 mei 2025', markdown: 'Datum: 1 mei 2025' },
      { kind: 'paragraph', text: 'Een lange zin die doorloopt op de volgende regel.', markdown: 'Een lange zin die doorloopt op de volgende regel.' },
      { kind: 'list', ordered: false, items: [{ text: 'punt een', markdown: 'punt een' }, { text: 'punt twee', markdown: 'punt twee' }] },
    ]);
  });
});
