/**
 * The sender of an imported letter: recognised from the letterhead, the
 * running header, the return address, the signature or the municipality's
 * web address — never from a town the body mentions — and matched against
 * the CBS list of municipalities on the letter's date. A municipality the
 * archive does not know gets an organisation file proposed, once per folder.
 * Also: answers to a council member's written questions name the member and
 * the fractie, and signatories keep their names in every layout.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { checkArchive } from '../src/lib/content/check';
import { organisationSchema } from '../src/schemas/organisation';
import type { Block } from '../src/lib/import/blocks';
import { describeSummary, importFile, importFolder, newOrganisations, type FileResult } from '../src/lib/import/import-letters';
import { existedOn, municipalities, parseMunicipalities } from '../src/lib/import/municipalities/municipalities';
import { organisationKey, proposeOrganisation } from '../src/lib/import/organisation-proposal';
import { readAsker } from '../src/lib/import/questions';
import { readSender, recogniseSender } from '../src/lib/import/sender';
import { readSignature } from '../src/lib/import/signature';
import { docx, pdf } from './helpers/docx';
import { emptyArchive, isPlaceholderWarning } from './helpers/archive';

const p = (text: string): Block => ({ kind: 'paragraph', text, markdown: text });
const byCode = (code: string) => municipalities().find((m) => m.code === code)!;

describe('the list of municipalities', () => {
  it('has every municipality since 1990 with its CBS code and the days it existed', () => {
    const list = municipalities();
    expect(list.length).toBeGreaterThan(780);
    for (const m of list) {
      expect(m.code).toMatch(/^GM\d{4}$/);
      if (m.begin && m.einde) expect(m.begin < m.einde, m.naam).toBe(true);
    }
    // One row per municipality and period: Vianen has two, one per province.
    expect(new Set(list.map((m) => `${m.code} ${m.begin}`)).size).toBe(list.length);
    expect(list.filter((m) => !m.einde).length).toBe(342);
    expect(byCode('GM0363')).toMatchObject({ naam: 'Amsterdam', provincie: 'Noord-Holland' });
    expect(byCode('GM0363').einde).toBeUndefined();
    expect(byCode('GM0788')).toMatchObject({ naam: 'Haaren', einde: '2021-01-01' });
    expect(byCode('GM0457')).toMatchObject({ naam: 'Weesp', einde: '2022-03-24' });
    expect(byCode('GM1991')).toMatchObject({ naam: 'Maashorst', begin: '2022-01-01' });
  });

  it('matches a day, a month or a year against the days a municipality existed', () => {
    const weesp = byCode('GM0457');
    expect(existedOn(weesp, '2022-03-23')).toBe(true);
    expect(existedOn(weesp, '2022-03-24')).toBe(false);
    expect(existedOn(weesp, '2022-03')).toBe(true);
    expect(existedOn(weesp, '2022')).toBe(true);
    expect(existedOn(weesp, '2023')).toBe(false);
    expect(existedOn(byCode('GM1991'), '2021-12-31')).toBe(false);
    // “Already existed in 1970” is not a founding date: an Amsterdam letter of 1965 is from Amsterdam.
    expect(existedOn(byCode('GM0363'), '1965-05-01')).toBe(true);
  });

  it('refuses a list whose rows do not have the expected shape', () => {
    expect(() => parseMunicipalities('code;naam\n0363;Amsterdam')).toThrow(/onbekende kop/);
    expect(() => parseMunicipalities('provinciecode;provincienaam;gemeentecode;gemeentenaam;begindatum;einddatum\n27;Noord-Holland;363;Amsterdam;1970-01-01;')).toThrow(/regel 2/);
  });
});

describe('recogniseSender', () => {
  it('reads the return address and the web address, not the town the body mentions', () => {
    const sender = recogniseSender({
      addressLines: ['Retouradres Postbus 202, 1000 AE Amsterdam', 'De heer P. de Vries', 'Kerkstraat 1', '7607 AB Almelo'],
      letterheadText: 'www.amsterdam.nl\nOnderwerp: samenwerking met de gemeente Almelo',
      bodyText: 'De gemeente Almelo heeft een vergelijkbare regeling. Burgemeester en wethouders van Almelo schreven ons.',
      date: '2025-04-10',
    });
    expect(sender).toMatchObject({ code: 'GM0363', naam: 'Gemeente Amsterdam', website: 'https://www.amsterdam.nl' });
    expect(sender!.evidence).toEqual(['webadres www.amsterdam.nl', 'retouradres “Postbus 202, 1000 AE Amsterdam”']);
  });

  it('never takes the sender from the body, nor from a resident’s address', () => {
    expect(recogniseSender({ bodyText: 'De gemeente Almelo en de gemeente Enschede werken samen.', date: '2020' })).toBeUndefined();
    expect(recogniseSender({ addressLines: ['De heer M. Hümmels', 'Kerkstraat 12', '7607 AB Almelo'], date: '2025-04-02' })).toBeUndefined();
  });

  it('keeps the sender of the letter’s own day: Haaren in 2019, no Haaren in 2022', () => {
    const clues = { letterheadText: 'Gemeente Haaren\nPostbus 6, 5076 ZG Haaren' };
    expect(recogniseSender({ ...clues, date: '2019-05-14' })).toMatchObject({ code: 'GM0788', naam: 'Gemeente Haaren' });
    const later = readSender({ ...clues, date: '2022-05-14' });
    expect(later.sender).toBeUndefined();
    expect(later.notes).toContain('Haaren (GM0788) bestond op 2022-05-14 niet meer (tot 2021-01-01)');
    expect(recogniseSender({ headerText: 'Gemeente Weesp  Datum 11 januari 2021  Kenmerk 2020-13953  Pagina 2 van 4', date: '2021-01-11' })).toMatchObject({ code: 'GM0457' });
  });

  it('reads the running header, the signature, e-mail addresses, OCR slips and the names a letter uses', () => {
    expect(recogniseSender({ headerText: 'Gemeente Amsterdam Datum 11 januari 2021 Kenmerk 2020-13953 Pagina 2 van 4', date: '2021-01-11' })?.code).toBe('GM0363');
    expect(recogniseSender({ signatureText: 'Met vriendelijke groet,\nBurgemeester en wethouders van Almelo,\nde secretaris,', date: '2025' })?.code).toBe('GM0141');
    expect(recogniseSender({ letterheadText: 'Behandeld door: team Jeugd\nj.jansen@almelo.nl', date: '2025-01-01' })?.evidence).toEqual(['e-mailadres …@almelo.nl']);
    expect(recogniseSender({ letterheadText: 'Bezoekadres Amstel 1 l011 PN Amsterdam\namsterdam.n1', date: '2020-01-01' })?.code).toBe('GM0363');
    expect(recogniseSender({ letterheadText: 'GEMEENTE DEN HAAG' })).toMatchObject({ code: 'GM0518', naam: 'Gemeente Den Haag' });
    expect(recogniseSender({ letterheadText: 'Gemeente Súdwest Fryslân', date: '2024-02-01' })?.code).toBe('GM1900');
    expect(recogniseSender({ letterheadText: 'Gemeente Bergen op Zoom', date: '2024-02-01' })?.code).toBe('GM0748');
    expect(recogniseSender({ addressLines: ['De heer P. de Vries', 'Almere, 3 april 2025'], date: '2025-04-03' })?.evidence).toEqual(['plaats en datum “Almere, 3 april 2025”']);
  });

  it('says nothing where a name fits two municipalities, until the web address decides', () => {
    expect(readSender({ letterheadText: 'Gemeente Bergen', date: '2024-01-01' }).notes[0]).toMatch(/past bij meer dan één gemeente \(GM0373, GM0893\)/);
    expect(recogniseSender({ letterheadText: 'Gemeente Bergen\nwww.bergen-nh.nl', date: '2024-01-01' })?.code).toBe('GM0373');
    // Hengelo (Gelderland) existed until 2005, Hengelo (Overijssel) still does.
    expect(recogniseSender({ letterheadText: 'Gemeente Hengelo', date: '2003-06-01' })).toBeUndefined();
    expect(recogniseSender({ letterheadText: 'Gemeente Hengelo', date: '2012-06-01' })?.code).toBe('GM0164');
  });
});

describe('proposeOrganisation', () => {
  it('proposes a file in the shape of the others, under a key no other file has', () => {
    const sender = recogniseSender({ letterheadText: 'Gemeente Haaren\nwww.haaren.nl', date: '2019-05-14' })!;
    const proposal = proposeOrganisation(sender, [{ key: 'almelo', naam: 'Gemeente Almelo', cbsCode: 'GM0141' }], 'brief-haaren.docx');
    expect(proposal).toMatchObject({ key: 'haaren', naam: 'Gemeente Haaren', cbsCode: 'GM0788', website: 'https://www.haaren.nl' });
    expect(organisationSchema.parse(load(proposal.yaml))).toEqual({ naam: 'Gemeente Haaren', soort: 'gemeente', cbsCode: 'GM0788', website: 'https://www.haaren.nl', leden: [] });
    expect(proposal.yaml).toContain('# CBS: GM0788 Haaren (Noord-Brabant, opgeheven per 1 januari 2021).');
    expect(proposal.yaml).toContain('bij brief-haaren.docx');
    expect(proposeOrganisation(sender, [{ key: 'haaren', naam: 'Stichting Haaren' }]).key).toBe('haaren-0788');
    expect(organisationKey('Gemeente Bergen (NH.)')).toBe('bergen-nh');
    expect(organisationKey("Gemeente 's-Hertogenbosch")).toBe('s-hertogenbosch');
    expect(organisationKey('Gemeente Súdwest-Fryslân')).toBe('sudwest-fryslan');
  });
});

describe('readAsker: the council member in the addressee', () => {
  it('names the member and the fractie from the “Aan” line or the address block', () => {
    const asked = 'Op 3 maart 2025 heeft u schriftelijke vragen gesteld op grond van artikel 41 van het Reglement van Orde.';
    expect(readAsker(asked, { aan: 'De heer P. de Vries, fractie GroenLinks' })).toEqual({ asker: { soort: 'raadslid', naam: 'P. de Vries', fractie: 'GroenLinks' }, gesteldOp: '2025-03-03', via: 'schriftelijke vragen (artikel 41 van het Reglement van Orde)' });
    expect(readAsker(asked, { address: ['De heer J. Jansen', 'Fractie D66', 'Postbus 202', '1000 AE Amsterdam'] }).asker).toEqual({ soort: 'raadslid', naam: 'J. Jansen', fractie: 'D66' });
    expect(readAsker(asked, { aan: 'Mevrouw A. Bakker (VVD)' }).asker).toEqual({ soort: 'raadslid', naam: 'A. Bakker', fractie: 'VVD' });
    expect(readAsker('Op 3 maart 2025 heeft u schriftelijke vragen gesteld.', { aan: 'De heer J. Jansen, GroenLinks-PvdA' }).asker).toEqual({ soort: 'raadslid', naam: 'J. Jansen', fractie: 'GroenLinks-PvdA' });
    expect(readAsker('Op 3 maart 2025 heeft u schriftelijke vragen gesteld.', { aan: 'De heer J. Jansen, raadslid Partij voor de Dieren' }).asker).toEqual({ soort: 'raadslid', naam: 'J. Jansen', fractie: 'Partij voor de Dieren' });
    expect(readAsker('Op 3 maart 2025 heeft u schriftelijke vragen gesteld.', { aan: 'Fractie CDA' }).asker).toEqual({ soort: 'fractie', fractie: 'CDA' });
    // Under the Reglement van Orde only a council member asks: named even without a fractie.
    expect(readAsker(asked, { address: ['De heer J. Jansen', 'Postbus 202'] }).asker).toEqual({ soort: 'raadslid', naam: 'J. Jansen' });
  });

  it('never names a resident', () => {
    expect(readAsker('In uw e-mail van 20 maart jl. stelt u ons drie vragen.', { address: ['De heer M. Hümmels', 'Kerkstraat 12', '7607 AB Almelo'] }).asker).toEqual({ soort: 'inwoner', unsure: false });
    expect(readAsker('Op 3 maart 2025 heeft u schriftelijke vragen gesteld.', { aan: 'De heer J. Jansen, Kerkstraat 12' }).asker).toEqual({ soort: 'inwoner', unsure: true });
    expect(readAsker('Op 3 maart 2025 heeft u schriftelijke vragen gesteld.', { aan: 'De heer J. Jansen, Almelo' }).asker).toEqual({ soort: 'inwoner', unsure: true });
    // A resident who spoke at a council meeting under the Reglement van Orde is still a resident.
    expect(readAsker('U sprak op grond van artikel 40 van het Reglement van Orde in bij de raad. Hieronder beantwoorden wij uw vragen.', { address: ['De heer J. Jansen', 'Kerkstraat 1'] }).asker).toMatchObject({ soort: 'inwoner' });
  });
});

describe('readSignature: names next to their office in every layout', () => {
  const personen = [{ functie: 'secretaris', naam: 'J.H. Dijkstra' }, { functie: 'burgemeester', naam: 'R.T.A. Korteland' }];
  it('the name above the office', () => {
    expect(readSignature([p('Met vriendelijke groet,'), p('Burgemeester en wethouders van Amsterdam,'), p('J.H. Dijkstra'), p('secretaris'), p('R.T.A. Korteland'), p('burgemeester')])?.personen).toEqual(personen);
  });
  it('the office and the name on one line', () => {
    expect(readSignature([p('Met vriendelijke groet,'), p('De secretaris, J.H. Dijkstra'), p('De burgemeester, R.T.A. Korteland')])?.personen).toEqual(personen);
    expect(readSignature([p('Met vriendelijke groet,'), p('Wethouder Jeugd, mr. A. de Boer')])?.personen).toEqual([{ functie: 'wethouder', naam: 'mr. A. de Boer' }]);
  });
  it('two columns, as a table with the names on top or as lines of a PDF', () => {
    expect(readSignature([p('Hoogachtend,'), { kind: 'table', rows: [['J.H. Dijkstra', 'R.T.A. Korteland'], ['gemeentesecretaris', 'burgemeester']] }])?.personen).toEqual(personen);
    expect(readSignature([p('Met vriendelijke groet,'), p('Het college van burgemeester en wethouders van Amsterdam,'), p('de secretaris,     de burgemeester,'), p('J.H. Dijkstra     R.T.A. Korteland')])).toMatchObject({ namens: 'Het college van burgemeester en wethouders van Amsterdam', personen });
  });
  it('an office without a name stays without one', () => {
    expect(readSignature([p('Met vriendelijke groet,'), p('Burgemeester en wethouders van Almelo,'), p('de secretaris,'), p('de burgemeester,')])?.personen).toEqual([{ functie: 'secretaris' }, { functie: 'burgemeester' }]);
  });
});

/** Answers to a GroenLinks member's written questions, from Amsterdam; the body mentions Almelo. */
const amsterdamAnswers = () =>
  docx([
    { p: 'Retouradres Postbus 202, 1000 AE Amsterdam' },
    {
      table: [
        ['Aan', 'De heer P. de Vries, fractie GroenLinks'],
        ['Datum', '10 april 2025'],
        ['Ons kenmerk', 'AB-2025-0042'],
        ['Onderwerp', 'Beantwoording schriftelijke vragen over de Amstelbrug'],
        ['Internet', 'www.amsterdam.nl'],
      ],
    },
    { p: 'Geachte heer De Vries,' },
    { p: 'Op 3 maart 2025 heeft u schriftelijke vragen gesteld op grond van artikel 41 van het Reglement van Orde over de Amstelbrug. De gemeente Almelo heeft een vergelijkbare brug laten onderzoeken; wij beantwoorden uw vragen hieronder.' },
    { p: [{ text: 'Vraag 1', bold: true }] },
    { p: 'Wanneer is de brug weer open voor fietsers?' },
    { p: [{ text: 'Antwoord', bold: true }] },
    { p: 'De brug gaat in juni 2025 weer open.' },
    { p: [{ text: 'Vraag 2', bold: true }] },
    { p: 'Wat kost het herstel?' },
    { p: [{ text: 'Antwoord', bold: true }] },
    { p: 'Het herstel kost naar verwachting 1,2 miljoen euro.' },
    { p: 'Met vriendelijke groet,' },
    { p: 'Het college van burgemeester en wethouders,' },
    { table: [['M. Bakker', 'R. van Dijk'], ['secretaris', 'burgemeester']] },
  ]);

/** A second letter from Amsterdam in the same folder: its organisation is proposed once. */
const amsterdamInformation = () =>
  docx([
    { p: 'Gemeente Amsterdam' },
    { table: [['Aan', 'De gemeenteraad van Amsterdam'], ['Datum', '2 mei 2025'], ['Ons kenmerk', 'AB-2025-0077'], ['Onderwerp', 'Voortgang herstel bruggen en kademuren']] },
    { p: 'Geachte leden van de raad,' },
    { p: 'Met deze brief informeren wij u over de voortgang van het herstel van bruggen en kademuren in de binnenstad.' },
    { p: 'Met vriendelijke groet,' },
    { p: 'Het college van burgemeester en wethouders van Amsterdam,' },
    { p: 'De secretaris, M. Bakker' },
    { p: 'De burgemeester, R. van Dijk' },
  ]);

/** A 2019 letter from Haaren, which was dissolved in 2021. */
const haarenLetter = () =>
  docx([
    { p: 'Gemeente Haaren' },
    { p: 'Datum: 14 mei 2019' },
    { p: 'Kenmerk: HA-2019-77' },
    { p: 'Onderwerp: Herinrichting van de Raadhuisstraat' },
    { p: 'Geachte leden van de raad,' },
    { p: 'Het college informeert u over de planning van de herinrichting van de Raadhuisstraat in het najaar van 2019.' },
    { p: 'Met vriendelijke groet,' },
    { p: 'Burgemeester en wethouders van Haaren,' },
    { p: 'de secretaris,     de burgemeester,' },
    { p: 'A. Jansen     B. de Wit' },
  ]);

const frontmatterOf = (text: string) => load(text.split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;

describe('npm run import: the sender and the asker of real letters', () => {
  const archive = emptyArchive('ra-afzender-');
  const folder = mkdtempSync(join(tmpdir(), 'ra-afzenders-'));
  writeFileSync(join(folder, 'a-antwoord-de-vries.docx'), amsterdamAnswers());
  writeFileSync(join(folder, 'b-haaren-2019.docx'), haarenLetter());
  writeFileSync(join(folder, 'c-voortgang-bruggen.docx'), amsterdamInformation());
  let results: FileResult[];
  beforeAll(async () => {
    results = await importFolder(folder, archive.options);
  });
  const briefing = (file: string) => {
    const result = results.find((r) => r.file === file)!;
    expect(result.outcome, `${result.message} ${result.hint}`).toBe('nakijken');
    const text = readFileSync(result.briefing!, 'utf8');
    return { result, text, data: frontmatterOf(text) };
  };

  it('answers to a council member: vragen-raadslid with the member and the fractie, and the signatories by name', () => {
    const { data } = briefing('a-antwoord-de-vries.docx');
    expect(data).toMatchObject({
      type: 'vragen-raadslid',
      organisatie: 'amsterdam',
      titel: 'De Amstelbrug: antwoorden op schriftelijke vragen van raadslid P. de Vries (GroenLinks)',
      aan: 'De heer P. de Vries, fractie GroenLinks',
      vragen: { gesteldDoor: { soort: 'raadslid', naam: 'P. de Vries', fractie: 'GroenLinks' }, via: 'schriftelijke vragen (artikel 41 van het Reglement van Orde)' },
      ondertekening: { namens: 'Het college van burgemeester en wethouders', personen: [{ functie: 'secretaris', naam: 'M. Bakker' }, { functie: 'burgemeester', naam: 'R. van Dijk' }] },
    });
    expect(String(data.vragen.gesteldOp instanceof Date ? data.vragen.gesteldOp.toISOString().slice(0, 10) : data.vragen.gesteldOp)).toBe('2025-03-03');
    expect(data.redactie).toBeUndefined();
  });

  it('the sender is Amsterdam, from the return address and the web address, although the body mentions Almelo', () => {
    const { result } = briefing('a-antwoord-de-vries.docx');
    const sender = result.notes.find((note) => note.startsWith('Afzender: Gemeente Amsterdam (GM0363), herkend aan '));
    expect(sender, JSON.stringify(result.notes)).toBeDefined();
    expect(sender).toContain('webadres www.amsterdam.nl');
    expect(sender).toContain('retouradres “Postbus 202, 1000 AE Amsterdam”');
    expect(sender).not.toContain('Almelo');
  });

  it('proposes the organisation file of a municipality the archive does not know, once per folder, and names it', () => {
    const first = results.find((r) => r.file === 'a-antwoord-de-vries.docx')!;
    expect(first.newOrganisation).toMatchObject({ key: 'amsterdam', path: join(archive.content, 'organisaties', 'amsterdam.yaml') });
    expect(first.toCheck.some((item) => item.startsWith('de nieuwe organisatie') && item.includes('amsterdam.yaml') && item.includes('Gemeente Amsterdam (GM0363)'))).toBe(true);
    const file = readFileSync(first.newOrganisation!.path, 'utf8');
    expect(file).toMatch(/^# Voorgesteld door npm run import bij a-antwoord-de-vries\.docx: controleer naam, CBS-code en website\./);
    expect(load(file)).toEqual({ naam: 'Gemeente Amsterdam', soort: 'gemeente', cbsCode: 'GM0363', website: 'https://www.amsterdam.nl' });
    // The second letter from Amsterdam uses that file.
    const second = results.find((r) => r.file === 'c-voortgang-bruggen.docx')!;
    expect(second.newOrganisation).toBeUndefined();
    expect(briefing('c-voortgang-bruggen.docx').data).toMatchObject({ type: 'raadsinformatiebrief', organisatie: 'amsterdam', ondertekening: { personen: [{ functie: 'secretaris', naam: 'M. Bakker' }, { functie: 'burgemeester', naam: 'R. van Dijk' }] } });
    expect(newOrganisations(results).map((o) => o.key)).toEqual(['amsterdam', 'haaren']);
    const summary = describeSummary(results);
    expect(summary).toContain('Nieuwe organisaties, voorgesteld uit de briefhoofden; controleer ze:');
    expect(summary.match(/amsterdam\.yaml/g)).toHaveLength(1);
  });

  it('a 2019 letter from Haaren keeps Haaren, not the municipalities it joined in 2021', () => {
    const { data, result } = briefing('b-haaren-2019.docx');
    expect(data).toMatchObject({ organisatie: 'haaren', ondertekening: { namens: 'Burgemeester en wethouders van Haaren', personen: [{ functie: 'secretaris', naam: 'A. Jansen' }, { functie: 'burgemeester', naam: 'B. de Wit' }] } });
    expect(load(readFileSync(result.newOrganisation!.path, 'utf8'))).toEqual({ naam: 'Gemeente Haaren', soort: 'gemeente', cbsCode: 'GM0788' });
    expect(readFileSync(result.newOrganisation!.path, 'utf8')).toContain('opgeheven per 1 januari 2021');
  });

  it('the check accepts the imported archive with its new organisations', () => {
    const { errors, warnings } = checkArchive({ contentRoot: archive.content, dataRoot: archive.data });
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => !isPlaceholderWarning(w))).toEqual([]);
  });

  it('--organisatie still decides, and proposes nothing', async () => {
    const other = emptyArchive('ra-afzender-');
    const path = join(folder, 'a-antwoord-de-vries.docx');
    const result = await importFile(path, 'a-antwoord-de-vries.docx', { ...other.options, organisatie: 'almelo' });
    expect(result.newOrganisation).toBeUndefined();
    expect(frontmatterOf(readFileSync(result.briefing!, 'utf8')).organisatie).toBe('almelo');
  });
});

describe('npm run import: the sender of a PDF letter', () => {
  it('a Weesp letter of 2021 keeps Weesp; the same letterhead after March 2022 names no sender', async () => {
    const archive = emptyArchive('ra-afzender-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-weesp-'));
    const letter = (datum: string, kenmerk: string) =>
      pdf([
        'Retouradres Postbus 5099, 1380 GB Weesp',
        '',
        'Aan: De raad van de gemeente Weesp',
        `Datum: ${datum}`,
        `Ons kenmerk: ${kenmerk}`,
        'Onderwerp: Stand van zaken van de bestuurlijke fusie',
        '',
        'Geachte leden van de raad,',
        '',
        'Met deze brief informeren wij u over de voorbereiding van de fusie met de gemeente Amsterdam.',
        '',
        'Met vriendelijke groet,',
        'Het college van burgemeester en wethouders,',
        'de secretaris,',
        'C. Smit',
      ]);
    writeFileSync(join(folder, 'weesp-2021.pdf'), letter('12 oktober 2021', 'WS-2021-301'));
    writeFileSync(join(folder, 'weesp-2023.pdf'), letter('12 oktober 2023', 'WS-2023-301'));
    const [early, late] = await importFolder(folder, archive.options);
    expect(early!.outcome, `${early!.message} ${early!.hint}`).toBe('nakijken');
    expect(frontmatterOf(readFileSync(early!.briefing!, 'utf8')).organisatie).toBe('weesp');
    expect(early!.newOrganisation?.description).toMatch(/^Gemeente Weesp \(GM0457\), herkend aan retouradres “Postbus 5099, 1380 GB Weesp”/);
    expect(late!.outcome).toBe('mislukt');
    expect(late!.message).toContain('Weesp (GM0457) bestond op 2023-10-12 niet meer (tot 2022-03-24)');
    expect(late!.hint).toMatch(/--organisatie/);
    expect(checkArchive({ contentRoot: archive.content, dataRoot: archive.data }).errors).toEqual([]);
  });
});
