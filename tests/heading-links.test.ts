/** Every heading of a letter gets a link to itself beside it, named after the heading's text. */
import { describe, expect, it } from 'vitest';
import { addHeadingLinks } from '../src/render/heading-links';

describe('addHeadingLinks', () => {
  it('puts a named link beside each level-2 heading and leaves the heading as it was', () => {
    expect(addHeadingLinks('<p>Inleiding</p><h2 id="vraag-1">Vraag 1</h2><p>Antwoord</p>')).toBe(
      '<p>Inleiding</p><div class="ra-kop"><h2 id="vraag-1">Vraag 1</h2><a class="ra-anker" href="#vraag-1" data-pagefind-ignore><span class="ra-sr-only">Link naar Vraag 1</span></a></div><p>Antwoord</p>',
    );
  });

  it('names the link with the plain text of a heading that has markup or entities, escaped again', () => {
    const html = addHeadingLinks('<h2 id="kosten-baten">Kosten <em>&amp;</em> baten &lt;2024&gt;</h2>');
    expect(html).toContain('<span class="ra-sr-only">Link naar Kosten &amp; baten &lt;2024&gt;</span>');
  });

  it('leaves other headings and text alone', () => {
    const html = '<h1>Titel</h1><h3 id="a">Sub</h3><p>h2 id="x"</p>';
    expect(addHeadingLinks(html)).toBe(html);
  });
});
