/**
 * Private persons are not published: the check warns where a resident's name
 * is typed into a letter (salutation, addressee) and wherever that name shows
 * up again in the archive, without flagging office holders. The check, the
 * test of an original and the import share one recogniser of such a name.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { addresseeNameIn, privacyWarnings } from '../src/lib/content/privacy';
import { privateNames, removeNames } from '../src/lib/import/privacy';
import { copyFixture } from './helpers/build';

describe('names of residents', () => {
  it('are found in the salutation and the addressee, with tussenvoegsels and initials', () => {
    const warnings = privacyWarnings([
      {
        file: 'brief.md',
        type: 'vragen-inwoner',
        text: '---\naan: De heer J. van der Berg\n---\nGeachte heer Van der Berg,\n\nGeachte heer of mevrouw,\nGeachte heer Burgemeester,\n',
        officeNames: [],
      },
    ]);
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'hier staat mogelijk de naam van de inwoner die de vragen stelde (“De heer J. van der Berg”)'],
      [4, 'hier staat mogelijk de naam van de inwoner die de vragen stelde (“Geachte heer Van der Berg”)'],
    ]);
  });

  it('are not confused with office holders or with longer words', () => {
    const warnings = privacyWarnings([
      { file: 'a.md', type: 'vragen-inwoner', text: 'Geachte mevrouw Pietersen,\n\nMevrouw Korteland (burgemeester) antwoordt.\n', officeNames: ['R.T.A. Korteland'] },
      { file: 'b.md', type: 'notitie', text: 'Pietersenstraat en Bergen op Zoom.\n', officeNames: [] },
    ]);
    expect(warnings.map((w) => `${w.file}:${w.line}`)).toEqual(['a.md:1']);
  });

  it('are reported by the archive check wherever the name appears again', () => {
    const fixture = copyFixture('basis');
    writeFileSync(
      join(fixture.content, 'stukken/brief-inwoner.md'),
      `---
type: vragen-inwoner
titel: Antwoord aan een inwoner
organisatie: almelo
datum: 2024-10-01
aan: De vraagsteller
vragen:
  gesteldDoor: { soort: inwoner }
  gesteldOp: 2024-09-01
---
Geachte heer Pietersen,

## Vraag 1

> Hoe zit het?

Zo.
`,
    );
    const letter = join(fixture.content, 'stukken/brief-md.md');
    writeFileSync(letter, `${readFileSync(letter, 'utf8')}\nDe vragen van meneer Pietersen zijn ook beantwoord.\n`);
    const { errors, warnings } = checkArchive({ contentRoot: fixture.content, dataRoot: fixture.data });
    expect(errors).toEqual([]);
    const privacy = warnings.filter((w) => /inwoner/.test(w.message)).map((w) => [w.file.replace(/^.*\//, ''), w.line, w.message]);
    expect(privacy).toEqual([
      ['brief-inwoner.md', 11, 'hier staat mogelijk de naam van de inwoner die de vragen stelde (“Geachte heer Pietersen”)'],
      ['brief-md.md', expect.any(Number), '“Pietersen” is mogelijk de naam van een inwoner (' + join(fixture.content, 'stukken/brief-inwoner.md') + ':11 noemt “Pietersen”)'],
    ]);
  });
});

describe('the one recogniser of a private person’s name', () => {
  // Each opening with the name it must find: the check of an original and the import ask the same recogniser.
  const named: Array<[string, string]> = [
    ['Geachte mijnheer Bosschaert,', 'Bosschaert'],
    ['Geachte J. Bosschaert,', 'Bosschaert'],
    ['Geachte heer/mevrouw Bosschaert,', 'Bosschaert'],
    ['Geachte heer of mevrouw Bosschaert,', 'Bosschaert'],
    ['Mevr. A. Bosschaert\nKerkstraat 1\n7600 AA Almelo', 'Bosschaert'],
    ['Dhr. Bosschaert', 'Bosschaert'],
    ['Fam. Jansen\nDorpsstraat 4', 'Jansen'],
    ['Familie Jansen', 'Jansen'],
    ['DE HEER J. BOSSCHAERT\nKERKSTRAAT 1\n7600 AA ALMELO', 'BOSSCHAERT'],
    ["Geachte heer d'Hondt,", "d'Hondt"],
    ['Beste Jan Jansen,', 'Jansen'],
    ['J. Bosschaert\nKerkstraat 1\n7600 AA Almelo', 'Bosschaert'],
    ['T.a.v. mevrouw drs. A. van der Berg', 'van der Berg'],
    ['Van: Jan Jansen <jan@example.nl>\nVerzonden: 3 maart 2021', 'Jansen'],
  ];
  const unnamed = [
    'Geachte mevrouw 10.2.e,',
    'Mevrouw 10.2.e\nPer e-mail: 10.2.e',
    'Geachte heer/mevrouw 5.1.2e,',
    '5.1.2e\nKerkstraat 5.1.2e',
    'Geachte heer burgemeester,',
    'Geachte heer Burgemeester,',
    'Geachte leden van de raad,',
    'Geachte Leden van de Raad,',
    'Geachte heer of mevrouw,',
    'Geachte dames en heren,',
    'Beste inwoners,',
    'Gemeente Almelo\nPostbus 5100\n7600 GC Almelo',
    'De heer J. Jansen, raadslid D66',
    // The signature names office holders.
    'Geachte heer/mevrouw 5.1.2e,\n\nWij hebben besloten.\n\nMet vriendelijke groet,\nBurgemeester en wethouders van Almelo,\nmevrouw A. Korteland, secretaris\nde heer J. Smit',
  ];

  it('finds the name however the letter writes it, and is the same for the check and the import', () => {
    for (const [opening, name] of named) {
      expect(addresseeNameIn(opening), opening).toBe(name);
      expect(privateNames(undefined, opening.split('\n')), opening).toContain(name);
    }
  });

  it('takes no redaction code, no title and no office holder for a name', () => {
    for (const opening of unnamed) {
      expect(addresseeNameIn(opening), opening).toBeUndefined();
      expect(privateNames(undefined, opening.split('\n')), opening).toEqual([]);
    }
    // An office holder the signature names is no private person wherever the letter mentions them.
    expect(privateNames('Geachte heer Smit,', [], ['J. Smit'])).toEqual([]);
  });

  it('is what the check warns about in a letter to a resident, names in capitals included', () => {
    const warnings = privacyWarnings([
      { file: 'a.md', type: 'vragen-inwoner', text: '---\naan: DE HEER J. BOSSCHAERT\n---\nBeste Jan Jansen,\n\nMevr. A. d’Hondt vroeg het ook.\n', officeNames: [] },
      { file: 'b.md', type: 'raadsinformatiebrief', text: 'Op de vragen van de heer Bosschaert is geantwoord.\n', officeNames: [] },
    ]);
    expect(warnings.map((w) => `${w.file}:${w.line} ${w.message}`)).toEqual([
      'a.md:2 hier staat mogelijk de naam van de inwoner die de vragen stelde (“DE HEER J. BOSSCHAERT”)',
      'a.md:4 hier staat mogelijk de naam van de inwoner die de vragen stelde (“Beste Jan Jansen”)',
      'a.md:6 hier staat mogelijk de naam van de inwoner die de vragen stelde (“Mevr. A. d’Hondt”)',
      'b.md:1 “Bosschaert” is mogelijk de naam van een inwoner (a.md:2 noemt “J. BOSSCHAERT”)',
    ]);
  });

  it('gives the import every spelling to take out, and the replacement fits the letter', () => {
    const names = privateNames('Geachte heer Bosschaert,', ['DE HEER J. BOSSCHAERT', 'KERKSTRAAT 1', '7600 AA ALMELO']);
    expect(names).toEqual(expect.arrayContaining(['J. BOSSCHAERT', 'BOSSCHAERT', 'Bosschaert']));
    expect(removeNames('Het verzoek van de heer Bosschaert kwam op 3 mei binnen. Mevr. J. Bosschaert schreef ook.', names, 'de verzoeker')).toEqual({ text: 'Het verzoek van de verzoeker kwam op 3 mei binnen. De verzoeker schreef ook.', removed: 2 });
  });
});
