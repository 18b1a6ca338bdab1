/**
 * The text layer of a PDF, read with pdf.js: a printed page yields its words
 * whole (ligatures and table cells included), a scan yields no text, a damaged
 * file throws, and the text stops at the limit at a word boundary. The PDFs are
 * printed by Chromium, as a word processor would export them.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText, hasText } from '../src/lib/publication/pdf-text';

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
});

afterAll(async () => {
  await browser?.close();
});

async function printed(html: string, draw?: () => void): Promise<Uint8Array> {
  const page = await browser.newPage();
  await page.setContent(`<!doctype html><html lang="nl"><body>${html}</body></html>`);
  if (draw) await page.evaluate(draw);
  const pdf = await page.pdf({ format: 'A4' });
  await page.close();
  return new Uint8Array(pdf);
}

describe('PDF text', () => {
  it('reads the words of a printed letter, ligatures and table cells included', async () => {
    const pdf = await printed(`
      <h1>Effectieve financiële verantwoording</h1>
      <p>De officiële cijfers staan in de Meicirculaire.</p>
      <table><tr><td>Almelo</td><td>€ 21,4</td></tr><tr><td>Borne</td><td>€ 3,8</td></tr></table>
      <p style="break-before: page">Tweede bladzijde met de zwaluwstaartverbinding.</p>`);
    const result = await extractPdfText(pdf);
    expect(result.pages).toBe(2);
    expect(result.pagesRead).toBe(2);
    expect(result.truncated).toBe(false);
    const words = result.text.split(/\s+/);
    for (const word of ['Effectieve', 'financiële', 'officiële', 'Meicirculaire.', 'Almelo', 'Borne', 'zwaluwstaartverbinding.']) expect(words).toContain(word);
    expect(result.text).toMatch(/Almelo\s+€ 21,4/);
    // The caller's buffer is left alone (pdf.js takes over the one it is given).
    expect(pdf.byteLength).toBeGreaterThan(0);
  });

  it('finds no text in a scan: a page that is only an image', async () => {
    const scan = await printed('<canvas width="600" height="200"></canvas>', () => {
      const context = document.querySelector('canvas')!.getContext('2d')!;
      context.font = '32px sans-serif';
      context.fillText('Gescande brief van de gemeente', 10, 100);
    });
    const result = await extractPdfText(scan);
    expect(result.pages).toBe(1);
    expect(result.text).toBe('');
    expect(hasText(result.text)).toBe(false);
  });

  it('finds no text on an empty page', async () => {
    expect((await extractPdfText(await printed(''))).text).toBe('');
  });

  it('stops at the limit, at a word boundary, and says so', async () => {
    const pdf = await printed(`<p>${'raadsinformatie '.repeat(400)}</p><p style="break-before: page">${'jeugdzorg '.repeat(400)}</p>`);
    const result = await extractPdfText(pdf, { maxChars: 1000 });
    expect(result.truncated).toBe(true);
    expect(result.pagesRead).toBe(1);
    expect(result.text.length).toBeLessThanOrEqual(1000);
    expect(result.text.split(/\s+/).every((word) => word === 'raadsinformatie')).toBe(true);
  });

  it('throws on a file pdf.js cannot open', async () => {
    const damaged = new TextEncoder().encode('%PDF-1.7\nniet meer dan een begin\n');
    await expect(extractPdfText(damaged)).rejects.toThrow();
  });
});
