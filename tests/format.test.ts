import { describe, expect, it } from 'vitest';
import { columnDecimals, formatAmount, formatCount, formatNumber, formatPercentage, formatValue } from '../src/lib/formats/numbers';

const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('decimals per column', () => {
  it('shows cents when any amount has them, and enough decimals for the most precise number', () => {
    expect(columnDecimals('bedrag', undefined, [812300.5, 1000])).toBe(2);
    expect(columnDecimals('bedrag', undefined, [812300, 1000])).toBe(0);
    expect(columnDecimals('getal', undefined, [1.5, 2.25, 'x'])).toBe(2);
    expect(columnDecimals('percentage', undefined, [12])).toBe(1);
    expect(columnDecimals('bedrag', 0, [812300.5])).toBe(0);
  });
});

describe('Dutch number formatting', () => {
  it('groups thousands with a dot', () => {
    expect(formatCount(1432)).toBe('1.432');
    expect(formatCount(183747)).toBe('183.747');
    expect(formatCount(12)).toBe('12');
  });
  it('writes amounts with the euro sign and a no-break space', () => {
    expect(plain(formatAmount(16143))).toBe('€ 16.143');
    expect(formatAmount(16143)).toContain('\u00a0');
    expect(plain(formatAmount(-2500))).toBe('€ -2.500');
    expect(plain(formatAmount(7.75, 2))).toBe('€ 7,75');
  });
  it('writes percentages with a decimal comma', () => {
    expect(formatPercentage(12.3)).toBe('12,3%');
    expect(formatPercentage(52, 0)).toBe('52%');
  });
  it('formats by column type', () => {
    expect(formatValue(1432, 'aantal')).toBe('1.432');
    expect(plain(formatValue(16143, 'bedrag'))).toBe('€ 16.143');
    expect(formatValue(6, 'percentage', 0)).toBe('6%');
    expect(formatNumber(3.25, 2)).toBe('3,25');
  });
});
