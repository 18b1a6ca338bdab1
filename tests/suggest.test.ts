/** "Bedoelt u …?" points at the name a clerk most likely meant, and at nothing when nothing is close. */
import { describe, expect, it } from 'vitest';
import { closest } from '../src/lib/errors/suggest';

describe('closest', () => {
  it('finds typos, shortened names and wrong capitals', () => {
    const datasets = ['parkeren-centrum-2024', 'voorbeeld-tabel', 'voorbeeld-status'];
    expect(closest('parkeren-centrum', datasets)).toBe('parkeren-centrum-2024');
    expect(closest('voorbeeld-tabellen', datasets)).toBe('voorbeeld-tabel');
    expect(closest('data-tabel', ['data-table', 'chart', 'stoplight'])).toBe('data-table');
    expect(closest('Datatable', ['DataTable', 'Chart'])).toBe('DataTable');
  });

  it('suggests nothing for a name that is not close to any', () => {
    expect(closest('grafiek', ['data-table', 'chart', 'key-figure'])).toBeUndefined();
    expect(closest('iets-heel-anders', ['parkeren-centrum-2024'])).toBeUndefined();
  });
});
