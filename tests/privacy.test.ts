/**
 * Private persons are not published: the check warns where a resident's name
 * is typed into a letter (salutation, addressee) and wherever that name shows
 * up again in the archive, without flagging office holders.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { privacyWarnings } from '../src/lib/content/privacy';
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
