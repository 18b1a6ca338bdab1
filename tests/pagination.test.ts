import { describe, expect, it } from 'vitest';
import { pageWindow, stablePages } from '../src/lib/site/pagination';

const render = (current: number, last: number) => pageWindow(current, last).map((l) => ('gap' in l ? '…' : String(l.page))).join(' ');

describe('pageWindow', () => {
  it('shows every page of a short listing', () => {
    expect(render(1, 1)).toBe('1');
    expect(render(3, 5)).toBe('1 2 3 4 5');
    expect(render(1, 7)).toBe('1 2 3 … 7');
  });

  it('keeps a long listing to first, last and two either side, whatever its length', () => {
    expect(render(1, 2000)).toBe('1 2 3 … 2000');
    expect(render(1000, 2000)).toBe('1 … 998 999 1000 1001 1002 … 2000');
    expect(render(2000, 2000)).toBe('1 … 1998 1999 2000');
    expect(pageWindow(1000, 2000).length).toBe(pageWindow(1000, 200000).length);
  });

  it('shows a single left-out page as its number rather than a gap', () => {
    expect(render(4, 10)).toBe('1 2 3 4 5 6 … 10');
    expect(render(5, 10)).toBe('1 2 3 4 5 6 7 … 10');
  });

  it('refuses a page that does not exist', () => {
    expect(() => pageWindow(0, 3)).toThrow(/pagina 0 van 3/);
    expect(() => pageWindow(4, 3)).toThrow(/bestaat niet/);
  });
});

/** Letters numbered in the order they arrived, newest first as the lists show them. */
const letters = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const layout = (n: number, size = 50) => stablePages(letters(n), size, '/archief/').map(({ block, page }) => ({ block, url: page.url.current, first: page.data[0], last: page.data.at(-1), count: page.data.length }));

describe('stablePages', () => {
  it('puts the newest letters first, on a first page of one to two pages’ worth', () => {
    expect(layout(0)).toEqual([{ block: undefined, url: '/archief/', first: undefined, last: undefined, count: 0 }]);
    expect(layout(49)).toEqual([{ block: undefined, url: '/archief/', first: 49, last: 1, count: 49 }]);
    expect(layout(99)).toEqual([{ block: undefined, url: '/archief/', first: 99, last: 1, count: 99 }]);
    expect(layout(130)).toEqual([
      { block: undefined, url: '/archief/', first: 130, last: 51, count: 80 },
      { block: '1', url: '/archief/1/', first: 50, last: 1, count: 50 },
    ]);
  });

  it('leaves every page but the first as it was when a letter arrives, and moves one block when fifty have', () => {
    const before = layout(10_020);
    const after = layout(10_021);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect(after[0]).toEqual({ ...before[0], first: 10_021, count: before[0]!.count + 1 });
    // The fiftieth letter after a block closed opens a new one: the old blocks keep their address and letters.
    const closed = layout(10_050);
    expect(closed).toHaveLength(before.length + 1);
    expect(closed.slice(2)).toEqual(before.slice(1));
    expect(closed[1]).toEqual({ block: '200', url: '/archief/200/', first: 10_000, last: 9_951, count: 50 });
  });

  it('numbers pages for the reader from the newest, and links each to its neighbours', () => {
    const pages = stablePages(letters(260), 50, '/vragen/').map(({ page }) => page);
    expect(pages.map((p) => p.currentPage)).toEqual([1, 2, 3, 4, 5]);
    expect(pages.map((p) => p.url.current)).toEqual(['/vragen/', '/vragen/4/', '/vragen/3/', '/vragen/2/', '/vragen/1/']);
    expect(pages[1]!.url).toMatchObject({ prev: '/vragen/', next: '/vragen/3/', first: '/vragen/', last: '/vragen/1/' });
    expect(pages[0]!.urlOf(5)).toBe('/vragen/1/');
    expect(pages.flatMap((p) => p.data)).toEqual(letters(260));
  });

  it('refuses a page size or base it cannot use', () => {
    expect(() => stablePages([], 0, '/a/')).toThrow(/paginagrootte 0/);
    expect(() => stablePages([], 50, '/a')).toThrow(/op een \/ eindigen/);
  });
});
