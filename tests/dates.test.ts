import { describe, expect, it } from 'vitest';
import { compareDatesDesc, formatPartialDate } from '../src/lib/formats/dates';
import { parsePartialDate, type PartialDate } from '../src/schemas/partial-date';

const parse = (v: unknown) => parsePartialDate(v) as PartialDate;

describe('dates with honest precision', () => {
  it('keeps the precision the source gives', () => {
    expect(formatPartialDate(parse('2024-09-10'))).toBe('10 september 2024');
    expect(formatPartialDate(parse('2024-07'))).toBe('juli 2024');
    expect(formatPartialDate(parse(2019))).toBe('2019');
    expect(formatPartialDate(parse('onbekend'))).toBe('datum onbekend');
  });
  it('accepts the Date YAML makes of an unquoted date', () => {
    expect(parse(new Date('2025-07-15T00:00:00Z')).iso).toBe('2025-07-15');
  });
  it('rejects impossible dates in Dutch', () => {
    expect(parsePartialDate('2024-02-30')).toEqual({ error: '30 februari 2024 bestaat niet' });
    expect(parsePartialDate('2024-13')).toEqual({ error: 'maand 13 bestaat niet' });
    expect(parsePartialDate('10-09-2024')).toHaveProperty('error');
  });
  it('sorts newest first with unknown dates last', () => {
    const dates = ['2019', 'onbekend', '2024-09-10', '2024-09'].map(parse).sort(compareDatesDesc);
    expect(dates.map((d) => d.iso)).toEqual(['2024-09-10', '2024-09', '2019', '']);
  });
});
