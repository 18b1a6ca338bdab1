import { describe, expect, it } from 'vitest';
import { pageWindow } from '../src/lib/site/pagination';

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
