/**
 * A migration folder as a Woo-coordinator hands it over: per case a folder
 * with the decision, its inventory list and the e-mails it released. The
 * documents that are not letters become attachments of their decision (the
 * letter's own "Bijlage: Inventarislijst" gets the file); one that has no
 * decision beside it is reported with the reason, never made into a letter.
 * The run ends with a report per outcome, per type and per year, and says
 * what stays offline and why.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { describeResult, describeSummary, importFolder, summaryCsv } from '../src/lib/import/import-letters';
import { build, textOf } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';
import { emptyArchive } from './helpers/archive';

const pdf = (lines: string[]) => buildPdf({ objects: onePage({ lines }) });

const DECISION = [
  'Gemeente Almelo',
  'Postbus 5100, 7600 GC Almelo',
  'Datum: 14 maart 2023',
  'Ons kenmerk: Z-2022-13953',
  'Bijlage: Inventarislijst',
  'Onderwerp: Besluit op uw Woo-verzoek',
  '',
  'Geachte heer/mevrouw 5.1.2e,',
  '',
  'Op 25 november 2022 hebben wij uw verzoek ontvangen om informatie over',
  'de sluiting van zwembad De Hoeve.',
  '',
  'Besluit',
  '',
  'Wij hebben besloten de documenten gedeeltelijk openbaar te maken.',
  '',
  'Met vriendelijke groet,',
  'Burgemeester en wethouders van Almelo,',
];
const INVENTORY = ['Inventarislijst Woo-verzoek Z-2022-13953', '', '1  Verslag overleg zwembad  Deels openbaar  5.1.2e', '2  Memo aan het college  Openbaar'];
const EMAIL = ['Van: 5.1.2e', 'Verzonden: dinsdag 3 maart 2021 10:14', 'Aan: 5.1.2e', 'Onderwerp: RE: sluiting zwembad', '', 'Hierbij de cijfers van de bezoekers van vorig jaar.'];
const NOTICE = ['Bekendmaking', '', 'Het college van burgemeester en wethouders van Almelo maakt bekend dat het', 'zwembad De Hoeve vanaf 1 juli 2023 gesloten is.'];

describe('npm run import: a migration folder', () => {
  it('attaches e-mails and lists to their decision, reports what has none, and ends with a report a Woo-coordinator can act on', async () => {
    const { content, data } = emptyArchive('ra-overzetten-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-zaken-'));
    mkdirSync(join(folder, 'zaak-13953'));
    writeFileSync(join(folder, 'zaak-13953', 'besluit.pdf'), pdf(DECISION));
    writeFileSync(join(folder, 'zaak-13953', 'inventarislijst.pdf'), pdf(INVENTORY));
    writeFileSync(join(folder, 'zaak-13953', 'mail-bezoekers.pdf'), pdf(EMAIL));
    mkdirSync(join(folder, 'bekendmakingen'));
    writeFileSync(join(folder, 'bekendmakingen', 'sluiting-zwembad.pdf'), pdf(NOTICE));
    writeFileSync(join(folder, 'brief-zonder-datum.pdf'), pdf(['Gemeente Almelo', 'Onderwerp: Informatie over de kermis', '', 'Geachte leden van de raad,', '', 'Het college informeert u over de kermis in het centrum van de stad dit najaar.', '', 'Met vriendelijke groet,', 'Burgemeester en wethouders van Almelo,']));

    const results = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['bekendmakingen/sluiting-zwembad.pdf', 'mislukt'],
      ['brief-zonder-datum.pdf', 'nakijken'],
      ['zaak-13953/besluit.pdf', 'nakijken'],
      ['zaak-13953/inventarislijst.pdf', 'bijlage'],
      ['zaak-13953/mail-bezoekers.pdf', 'bijlage'],
    ]);
    const notice = results[0]!;
    expect(notice.message).toBe('dit is een bekendmaking, geen brief, en er staat geen besluit of brief naast in de map');
    expect(notice.hint).toMatch(/Zet het in de map van het stuk waar het bij hoort/);

    const decision = results[2]!;
    for (const attached of results.slice(3)) expect(attached.briefing).toBe(decision.briefing);
    const front = load(readFileSync(decision.briefing!, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;
    expect(front.type).toBe('woo-besluit');
    expect(front.bijlagen).toEqual([
      { titel: 'Inventarislijst', bestand: 'bijlagen/inventarislijst.pdf' },
      { titel: 'E-mail van dinsdag 3 maart 2021: sluiting zwembad', bestand: 'bijlagen/mail-bezoekers.pdf' },
    ]);

    const summary = describeSummary(results);
    expect(summary).toContain('5 bestanden: 2 geïmporteerd (waarvan 2 nakijken), 2 als bijlage bij een stuk, 0 stonden al in het archief, 1 mislukt.');
    expect(summary).toContain('Per soort: Besluit op Woo-verzoek 1, Raadsinformatiebrief 1');
    expect(summary).toMatch(/Per jaar: 2023 1, onbekend 1/);
    expect(summary).toMatch(/niet in de Woo-index \(de dag is niet bekend\): 1\./);
    const csv = summaryCsv(results);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFBestand;Uitkomst;Stuk;Soort;Jaar;Niet online;Toelichting');

    expect(checkArchive({ contentRoot: content, dataRoot: data }).errors.map(formatContentError)).toEqual([]);
    const site = build({ content, data });
    expect(site.status, site.output).toBe(0);
    const id = decision.briefing!.replace(/^.*\//, '').replace(/\.md$/, '');
    const page = textOf(site.read(`stukken/${id}/index.html`));
    expect(page).toContain('Inventarislijst (PDF');
    expect(page).toContain('E-mail van dinsdag 3 maart 2021: sluiting zwembad (PDF');

    const again = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(again.map((r) => r.outcome)).toEqual(['mislukt', 'overgeslagen', 'overgeslagen', 'overgeslagen', 'overgeslagen']);
  });
});

describe('npm run import -- <map> --controleer', () => {
  it('reads every letter and says what would come in and what was guessed, and writes nothing', async () => {
    const { content, data } = emptyArchive('ra-overzetten-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-proef-'));
    writeFileSync(join(folder, 'besluit.pdf'), pdf(DECISION));
    writeFileSync(join(folder, 'zonder-onderwerp.pdf'), pdf(['Gemeente Almelo', 'Datum: 2 mei 2023', '', 'Geachte leden van de raad,', '', 'Het college informeert u over de voortgang van de renovatie van het stadhuis.', '', 'Met vriendelijke groet,', 'Burgemeester en wethouders van Almelo,']));
    const before = readdirSync(content, { recursive: true }).length + readdirSync(data, { recursive: true }).length;
    const results = await importFolder(folder, { contentRoot: content, dataRoot: data, controleer: true });
    expect(results.map((r) => [r.file, r.outcome, r.title])).toEqual([
      ['besluit.pdf', 'nakijken', 'Besluit op Woo-verzoek over de sluiting van zwembad De Hoeve'],
      ['zonder-onderwerp.pdf', 'nakijken', 'Raadsinformatiebrief van 2 mei 2023'],
    ]);
    expect(results[1]!.toCheck).toContain('de titel: de brief heeft geen onderwerpregel');
    expect(describeResult(results[1]!)).toContain('? zonder-onderwerp.pdf → raadsinformatiebrief “Raadsinformatiebrief van 2 mei 2023”, 2023');
    expect(readdirSync(content, { recursive: true }).length + readdirSync(data, { recursive: true }).length).toBe(before);
  });
});
