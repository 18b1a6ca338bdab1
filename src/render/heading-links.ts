/**
 * A reader cites one answer: after every section or question heading of a
 * letter comes a small link to that heading, to copy or share. It sits beside
 * the heading, not inside it, so the heading and the table of contents keep
 * their plain text; its name ("Link naar Vraag 3") is for screen readers, the
 * "#" the eye sees comes from CSS. Search does not index it.
 */
import { escape } from './html';

const HEADING = /<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g;

const plainText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

export function addHeadingLinks(html: string): string {
  return html.replace(
    HEADING,
    (heading: string, id: string, content: string) =>
      `<div class="ra-kop">${heading}<a class="ra-anker" href="#${id}" data-pagefind-ignore><span class="ra-sr-only">Link naar ${escape(plainText(content))}</span></a></div>`,
  );
}
