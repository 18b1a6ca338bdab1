/**
 * A migration folder as a Woo-coordinator hands it over: per case a folder
 * with the decision, its inventory list and the e-mails it released. The
 * documents that are not letters become attachments of their decision (the
 * letter's own "Bijlage: Inventarislijst" gets the file); one that has no
 * decision beside it is reported with the reason, never made into a letter.
 * The run ends with a report per outcome, per type and per year, and says
 * what stays offline and why.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkArchive } from '../src/lib/content/check';
import { formatContentError } from '../src/lib/errors/content-error';
import { describeResult, describeSummary, importFolder, summaryCsv, writeSummary } from '../src/lib/import/import-letters';
import { build, textOf } from './helpers/build';
import { buildPdf, onePage } from './helpers/pdf';
import { docx } from './helpers/docx';
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
      // The title is published: the e-mail's date, not its subject line or sender.
      { titel: 'E-mail van 3 maart 2021', bestand: 'bijlagen/mail-bezoekers.pdf' },
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
    expect(page).toContain('E-mail van 3 maart 2021 (PDF');

    const again = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(again.map((r) => r.outcome)).toEqual(['mislukt', 'overgeslagen', 'overgeslagen', 'overgeslagen', 'overgeslagen']);
  });
});

const frontmatterOf = (path: string) => load(readFileSync(path, 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, any>;

describe('npm run import: an e-mail that names a private person', () => {
  it('is named beside a Woo decision as not public, without its file, and no subject line or sender becomes a title', async () => {
    const { content, data } = emptyArchive('ra-overzetten-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-zaken-'));
    writeFileSync(join(folder, 'besluit.pdf'), pdf(DECISION));
    writeFileSync(join(folder, 'inventarislijst.pdf'), pdf(INVENTORY));
    writeFileSync(join(folder, 'mail-bezoekers.pdf'), pdf(EMAIL));
    // The requester's own request: their name in the header, the subject and the signature.
    writeFileSync(
      join(folder, 'verzoek-mail.pdf'),
      pdf([
        'Van: J. Bosschaert <j.bosschaert@example.nl>',
        'Verzonden: vrijdag 25 november 2022 21:40',
        'Aan: Woo-loket gemeente Almelo',
        'Onderwerp: Woo-verzoek zwembad van J. Bosschaert',
        '',
        'Geachte heer, mevrouw,',
        '',
        'Graag ontvang ik alle documenten over de sluiting van zwembad De Hoeve.',
        '',
        'Met vriendelijke groet,',
        'J. Bosschaert',
      ]),
    );
    const results = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['besluit.pdf', 'nakijken'],
      ['inventarislijst.pdf', 'bijlage'],
      ['mail-bezoekers.pdf', 'bijlage'],
      ['verzoek-mail.pdf', 'bijlage'],
    ]);
    const decision = results[0]!.briefing!;
    expect(frontmatterOf(decision).bijlagen).toEqual([
      { titel: 'Inventarislijst', bestand: 'bijlagen/inventarislijst.pdf' },
      { titel: 'E-mail van 3 maart 2021', bestand: 'bijlagen/mail-bezoekers.pdf' },
      { titel: 'E-mail van 25 november 2022', opmerking: 'noemt een privépersoon' },
    ]);
    expect(existsSync(join(content, 'stukken', 'bijlagen', 'verzoek-mail.pdf'))).toBe(false);
    const said = describeResult(results[3]!);
    expect(said).toContain('niet openbaar: de e-mail noemt een privépersoon; het bestand is niet overgenomen');
    expect(said).toContain('Lak de naam weg');

    expect(checkArchive({ contentRoot: content, dataRoot: data }).errors.map(formatContentError)).toEqual([]);
    const site = build({ content, data });
    expect(site.status, site.output).toBe(0);
    const id = decision.replace(/^.*\//, '').replace(/\.md$/, '');
    expect(textOf(site.read(`stukken/${id}/index.html`))).toContain('E-mail van 25 november 2022 (niet openbaar: noemt een privépersoon)');
    // The redacted decision, the list and the other e-mail are published; the requester's e-mail is not.
    const published = readdirSync(join(site.outDir, 'stukken', id)).filter((name) => name.endsWith('.pdf'));
    expect(published).toHaveLength(3);
    expect(published).toEqual(expect.arrayContaining(['inventarislijst.pdf', 'mail-bezoekers.pdf']));
    const named = readdirSync(site.outDir, { recursive: true, encoding: 'utf8' }).filter((name) => {
      if (/\.(png|wasm|woff2?)$/.test(name)) return false;
      const path = join(site.outDir, name);
      if (!statSync(path).isFile()) return false;
      const bytes = readFileSync(path);
      return /bosschaert/i.test(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('latin1'));
    });
    expect(named).toEqual([]);
  });
});

describe('npm run import: attaching to a briefing a clerk has edited', () => {
  it('reads the frontmatter as YAML: an empty or unindented list is filled, a clerk’s remark and a file stay, a broken one is reported and the run still ends with its summary', async () => {
    const { content, data } = emptyArchive('ra-overzetten-');
    const folder = mkdtempSync(join(tmpdir(), 'ra-zaken-'));
    // Word decisions: the briefing itself records the file, so a second run finds the briefing and attaches to it.
    const decision = (kenmerk: string, about: string) => docx(DECISION.filter(Boolean).map((line) => ({ p: line.replace('Z-2022-13953', kenmerk).replace('de sluiting van zwembad De Hoeve.', `${about}.`) })));
    for (const [zaak, kenmerk, about] of [['zaak-a', 'Z-2022-101', 'de bouw van de brug'], ['zaak-b', 'Z-2022-102', 'het nieuwe stadspark'], ['zaak-c', 'Z-2022-103', 'de verkoop van het stadhuis']] as const) {
      mkdirSync(join(folder, zaak));
      writeFileSync(join(folder, zaak, 'besluit.docx'), decision(kenmerk, about));
    }
    const first = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(first.map((r) => r.outcome)).toEqual(['nakijken', 'nakijken', 'nakijken']);
    const [a, b, c] = first.map((r) => r.briefing!) as [string, string, string];
    const edit = (path: string, change: (frontmatter: string) => string) => {
      const text = readFileSync(path, 'utf8');
      const end = text.indexOf('\n---\n', 4);
      writeFileSync(path, `${change(text.slice(0, end))}${text.slice(end)}`);
    };
    const namedList = /^bijlagen:\n(?: {2}.*\n)+/m;
    // A: the clerk emptied the list. B: a list without indent, one entry with its file, one with the clerk's remark. C: a quote left open.
    edit(a, (fm) => fm.replace(namedList, 'bijlagen: []\n'));
    mkdirSync(join(content, 'stukken', 'bijlagen'), { recursive: true });
    writeFileSync(join(content, 'stukken', 'bijlagen', 'inventarislijst-eerder.pdf'), pdf(['Inventarislijst (eerste versie)', '1  Verslag  Openbaar']));
    edit(b, (fm) => fm.replace(namedList, 'bijlagen:\n- titel: Inventarislijst (eerste versie)\n  bestand: bijlagen/inventarislijst-eerder.pdf\n- titel: Inventarislijst\n  opmerking: aangevuld na het bezwaar\n'));
    edit(c, (fm) => fm.replace(/^titel: .*$/m, 'titel: "Besluit op een Woo-verzoek'));
    writeFileSync(join(folder, 'zaak-a', 'mail.pdf'), pdf(EMAIL));
    writeFileSync(join(folder, 'zaak-a', 'verzoek.pdf'), pdf(['Van: J. Jansen <j.jansen@example.nl>', 'Verzonden: woensdag 2 februari 2022 08:12', 'Aan: Woo-loket gemeente Almelo', 'Onderwerp: Woo-verzoek over de brug', '', 'Geachte heer, mevrouw,', '', 'Graag ontvang ik alle documenten over de bouw van de brug.', '', 'Met vriendelijke groet,', 'J. Jansen']));
    writeFileSync(join(folder, 'zaak-b', 'inventarislijst.pdf'), pdf(INVENTORY));
    writeFileSync(join(folder, 'zaak-c', 'mail.pdf'), pdf(EMAIL.map((line) => line.replace('bezoekers', 'kassa'))));

    const again = await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(again.map((r) => [r.file, r.outcome]), again.map((r) => r.message).join('\n')).toEqual([
      ['zaak-a/besluit.docx', 'overgeslagen'],
      ['zaak-a/mail.pdf', 'bijlage'],
      ['zaak-a/verzoek.pdf', 'bijlage'],
      ['zaak-b/besluit.docx', 'overgeslagen'],
      ['zaak-b/inventarislijst.pdf', 'bijlage'],
      ['zaak-c/besluit.docx', 'overgeslagen'],
      ['zaak-c/mail.pdf', 'mislukt'],
    ]);
    const attachedToA = [
      { titel: 'E-mail van 3 maart 2021', bestand: 'bijlagen/mail.pdf' },
      { titel: 'E-mail van 2 februari 2022', opmerking: 'noemt een privépersoon' },
    ];
    expect(frontmatterOf(a).bijlagen).toEqual(attachedToA);
    expect(frontmatterOf(b).bijlagen).toEqual([
      { titel: 'Inventarislijst (eerste versie)', bestand: 'bijlagen/inventarislijst-eerder.pdf' },
      { titel: 'Inventarislijst', opmerking: 'aangevuld na het bezwaar', bestand: 'bijlagen/inventarislijst.pdf' },
    ]);
    // The import's comments stay: the hash that tells the letter was imported, the reminders.
    for (const path of [a, b]) expect(readFileSync(path, 'utf8')).toMatch(/^# sha256 van het geïmporteerde bestand: [0-9a-f]{64}$/m);
    expect(again[6]!.message).toMatch(/^dit is een e-mail, geen brief; niet toegevoegd aan \S+verkoop-van-het-stadhuis\.md: de voorkant van het stuk is geen geldige YAML \(.+\)$/);
    expect(again[6]!.hint).toMatch(/^Noem het bestand met de hand onder bijlagen: in /);
    expect(readFileSync(c, 'utf8')).toContain('titel: "Besluit op een Woo-verzoek\n');
    const summary = readFileSync(writeSummary(folder, again), 'utf8');
    expect(summary).toContain('niet toegevoegd aan');
    // A third run names the e-mail that is not taken in no second time.
    await importFolder(folder, { contentRoot: content, dataRoot: data });
    expect(frontmatterOf(a).bijlagen).toEqual(attachedToA);
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
