/**
 * The editing screen in Chromium, as a clerk uses it, on a copy of the project
 * with its own git repository and a bare one as its remote: create a
 * raadsinformatiebrief with an original and an attachment, see it pass the
 * check and its page link both files; save a date the check refuses and read
 * the Dutch message; drop a Word letter and see it open in the form; publish
 * and find the commit in the remote. One server, one browser for the file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../src/editor/preview';
import { startEditorServer, type EditorServer } from '../src/editor/server';
import { projectCopy } from './helpers/build';
import { git, repositoryWithRemote } from './helpers/git';
import { councilMemberLetter } from './helpers/letters';
import { letterPdf } from './helpers/pdf';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let root: string;
let bare: string;
let files: string;
let preview: Preview;
let server: EditorServer;
let browser: Browser;
let page: Page;
let cms: FrameLocator;

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** A one-page letter with enough text to be read, as the check wants of an original. */
const pdfWith = (title: string) => letterPdf([[{ text: 'Gemeente Almelo', y: 60, bold: true }, { text: title, y: 120 }, ...Array.from({ length: 12 }, (_, i) => ({ text: `Regel ${i + 1} over parkeren in het centrum van Almelo.`, y: 160 + i * 16 }))]]);

beforeAll(async () => {
  root = projectCopy();
  bare = repositoryWithRemote(root);
  files = mkdtempSync(join(tmpdir(), 'ra-downloads-'));
  writeFileSync(join(files, 'parkeren-ondertekend.pdf'), pdfWith('Aan de gemeenteraad van Almelo'));
  writeFileSync(join(files, 'parkeeronderzoek-2024.pdf'), pdfWith('Parkeeronderzoek binnenstad 2024'));
  const [previewPort, browserStarted] = [await freePort(), chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] })];
  preview = await startPreview(root, previewPort);
  server = await startEditorServer({ root, contentRoot: join(root, 'content'), dataRoot: join(root, 'data'), previewUrl: preview.url });
  browser = await browserStarted;
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/beheer/`);
  cms = page.frameLocator('#cms');
  await cms.getByText('Raadsinformatiebrieven').first().waitFor({ timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  preview?.stop();
});

const openInForm = (hash: string) => page.evaluate((route) => ((document.getElementById('cms') as HTMLIFrameElement).contentWindow!.location.hash = route), hash);

/** Decap's own “Publiceer → Publiceer nu”, then the panel's check result. */
async function saveInForm(): Promise<string> {
  await page.locator('#meldingen').evaluate((node) => (node.textContent = ''));
  await cms.getByText(/^niet-opgeslagen wijzigingen$/i).waitFor();
  await cms.getByRole('button', { name: 'Publiceer', exact: true }).click();
  await cms.getByRole('menuitem', { name: 'Publiceer nu' }).click();
  await page.locator('#meldingen').getByText(/^Opgeslagen[.,]/).waitFor({ timeout: 30_000 }).catch(async (error) => {
    await page.screenshot({ path: join(tmpdir(), 'editor-browser-save.png') });
    throw error;
  });
  // The panel then has the form read the saved file again (in the same task as showing the result); it is ready once it shows the entry.
  await page.locator('body[data-formulier="klaar"]').waitFor({ timeout: 30_000 });
  await expect.poll(() => cms.getByLabel('Titel', { exact: true }).first().inputValue(), { timeout: 30_000 }).not.toBe('');
  await cms.getByText(/^wijzigingen opgeslagen$/i).waitFor({ timeout: 30_000 });
  return page.locator('#meldingen').innerText();
}

async function chooseFile(button: number, path: string, name: string) {
  await cms.getByRole('button', { name: 'Kies een bestand' }).nth(button).click();
  await cms.locator('input[type=file]').setInputFiles(path);
  await cms.getByText(name, { exact: true }).waitFor();
  await cms.getByRole('button', { name: 'Gebruik selectie' }).click();
}

describe('the editing screen, as a clerk', () => {
  const slug = 'almelo-parkeren-in-het-centrum';
  const file = () => join(root, 'content/stukken', `${slug}.md`);

  it('creates a raadsinformatiebrief with its signed original and an attachment, which passes the check and whose page links both files', async () => {
    await openInForm('#/collections/raadsinformatiebrief/new');
    await cms.getByLabel('Titel', { exact: true }).fill('Parkeren in het centrum');
    await cms.getByLabel('Organisatie', { exact: true }).fill('almelo');
    await cms.getByLabel('Datum', { exact: true }).fill('2025-03-04');
    await cms.getByLabel('Kenmerk (optioneel)').fill('UIT-25001234');
    await cms.getByRole('button', { name: 'Voeg onderwerpen toe' }).click();
    await cms.locator('input[id^="item-field-"]').first().fill('parkeren');
    await chooseFile(0, join(files, 'parkeren-ondertekend.pdf'), 'parkeren-ondertekend.pdf');
    await cms.getByRole('button', { name: 'Voeg bijlagen toe' }).click();
    await cms.locator('input[id^="titel-field-"]').nth(1).fill('Parkeeronderzoek binnenstad 2024');
    await chooseFile(0, join(files, 'parkeeronderzoek-2024.pdf'), 'parkeeronderzoek-2024.pdf');

    expect(await saveInForm()).toContain(`Opgeslagen. Geen fouten in content/stukken/${slug}.md.`);
    const text = readFileSync(file(), 'utf8');
    expect(text).toContain('type: raadsinformatiebrief\ntitel: Parkeren in het centrum\norganisatie: almelo\ndatum: 2025-03-04\nkenmerk: UIT-25001234\n');
    expect(text).toContain('origineel: bijlagen/parkeren-ondertekend.pdf\n');
    expect(text).toContain('  - titel: Parkeeronderzoek binnenstad 2024\n    bestand: bijlagen/parkeeronderzoek-2024.pdf\n');
    for (const name of ['parkeren-ondertekend.pdf', 'parkeeronderzoek-2024.pdf']) expect(readFileSync(join(root, 'content/stukken/bijlagen', name)).equals(readFileSync(join(files, name)))).toBe(true);

    const check = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check.ts'], { cwd: root, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);

    const link = page.locator('#pagina-link');
    expect(await link.getAttribute('href')).toBe(`${preview.url}/stukken/${slug}/`);
    // astro dev picks the new file up from its watcher.
    let html = '';
    await expect.poll(async () => (html = await (await fetch(`${preview.url}/stukken/${slug}/`)).text()), { timeout: 30_000, interval: 500 }).toContain('Parkeren in het centrum');
    expect(html).toContain(`href="/stukken/${slug}/parkeren-ondertekend.pdf"`);
    expect(html).toContain(`href="/stukken/${slug}/parkeeronderzoek-2024.pdf"`);
  }, 90_000);

  it('shows the check’s Dutch message in place when a field is saved into something the check refuses', async () => {
    await openInForm(`#/collections/raadsinformatiebrief/entries/${slug}`);
    const datum = cms.getByLabel('Datum', { exact: true });
    // Typed as a clerk types: Decap's field is controlled by React, and a filled-in value would be added to the old one.
    const retype = async (value: string) => {
      await datum.click();
      await datum.press('ControlOrMeta+a');
      await datum.press('Backspace');
      await datum.pressSequentially(value);
      await expect.poll(() => datum.inputValue()).toBe(value);
    };
    await retype('2025-02-30');
    const shown = await saveInForm();
    expect(shown).toContain(`content/stukken/${slug}.md heeft 1 fout`);
    expect(shown).toMatch(new RegExp(`Fout content/stukken/${slug}\\.md:5 datum: 30 februari 2025 bestaat niet`));
    await retype('2025-03-04');
    expect(await saveInForm()).toContain('Geen fouten');
  }, 60_000);

  it('imports a dropped Word letter with the project’s importer and opens it in the form, with what it guessed marked for review', async () => {
    const letter = councilMemberLetter().toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'Antwoord De Olde.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, letter);
    const panel = page.locator('#meldingen');
    await panel.getByText(/^Geïmporteerd als content\/stukken\/.*\.md\. Het stuk is geopend in het formulier\.$/).waitFor({ timeout: 60_000 });
    expect(await panel.locator('.nakijken li').allInnerTexts()).toContainEqual(expect.stringContaining('Nakijken de samenvatting'));
    const hash = await page.evaluate(() => (document.getElementById('cms') as HTMLIFrameElement).contentWindow!.location.hash);
    expect(hash).toMatch(/^#\/collections\/vragen-raadslid\/entries\/almelo-2024-[a-z0-9-]+$/);
    const title = cms.getByLabel('Titel', { exact: true }).first();
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).toMatch(/jeugdzorg/i);
    expect(existsSync(join(root, 'content/stukken', `${hash.replace(/^.*\//, '')}.md`))).toBe(true);
  }, 90_000);

  it('publishes: the changed files are committed with a Dutch message and pushed to the remote', async () => {
    await page.getByRole('button', { name: 'Publiceren', exact: true }).click();
    await page.locator('#publicatie').getByText(/^(Gepubliceerd|Niet gepubliceerd|Vastgelegd|Er is niets)/).waitFor({ timeout: 60_000 });
    expect(await page.locator('#publicatie').innerText()).toMatch(/^Gepubliceerd \(\d+ nieuw, 0 gewijzigd, 0 ingetrokken\): verstuurd naar origin\./);
    const log = git(bare, 'log', '-1', '--format=%s%n%b', 'main');
    expect(log).toMatch(/^Stukken gepubliceerd vanuit het beheerscherm \(\d+ nieuw, 0 gewijzigd, 0 ingetrokken\)/);
    expect(log).toContain(`- nieuw: content/stukken/${slug}.md`);
    expect(log).toContain('- nieuw: content/stukken/bijlagen/parkeeronderzoek-2024.pdf');
    expect(git(bare, 'show', `main:content/stukken/${slug}.md`)).toContain('titel: Parkeren in het centrum');
  }, 60_000);

  it('refuses a request from another origin', async () => {
    const response = await fetch(`${server.url}/api/v1`, { method: 'POST', headers: { Origin: 'http://evil.example', 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'deleteFile', params: { path: `content/stukken/${slug}.md` } }) });
    expect(response.status).toBe(403);
    expect(existsSync(file())).toBe(true);
  });

  it('has no serious or critical axe-core violations in its own parts: the drop zone, the messages and publishing', async () => {
    // Evaluated, not added as a script tag: the screen's own policy refuses inline scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: object, options: object) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const result = await axe.run({ include: [['#paneel']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
