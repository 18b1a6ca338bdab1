/**
 * Markdown is compiled once and cached by Astro; the figures it shows must
 * not be. A directive therefore compiles to a small placeholder element that
 * the page expands when it renders, with the current data and base path.
 */
import type { SourceLocation } from '../lib/errors/props';
import type { AuthorComponentName } from '../schemas/components';
import { renderAuthorComponent } from './components';
import { escape } from './html';

const TAG = 'ra-component';

export function placeholder(name: AuthorComponentName, props: Record<string, unknown>, where: SourceLocation): string {
  return `<${TAG} data-name="${name}" data-props="${escape(JSON.stringify(props))}" data-source="${escape(`${where.file}:${where.line ?? 0}:${where.column ?? 0}`)}"></${TAG}>`;
}

const PATTERN = new RegExp(`<${TAG} data-name="([A-Za-z]+)" data-props="([^"]*)" data-source="([^"]*)"></${TAG}>`, 'g');

const unescape = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Replaces every placeholder in compiled Markdown with the component's HTML. */
export function expandPlaceholders(html: string): string {
  return html.replace(PATTERN, (_, name: string, props: string, source: string) => {
    const [, file = '', line = '0', column = '0'] = /^(.*):(\d+):(\d+)$/.exec(unescape(source)) ?? [];
    return renderAuthorComponent(name as AuthorComponentName, JSON.parse(unescape(props)), {
      file,
      line: Number(line) || undefined,
      column: Number(column) || undefined,
    });
  });
}
