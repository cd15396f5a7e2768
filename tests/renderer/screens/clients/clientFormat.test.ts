import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  formatDateOnly,
  pageRangeText,
} from '../../../../renderer/src/screens/clients/clientFormat';

describe('client facts on screen', () => {
  it('shows a date-only value on its own day, whatever the time zone', () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.UTC(1988, 0, 1),
    );
    expect(formatDateOnly('1988-01-01')).toBe(expected);
    expect(formatDateOnly('1988-01-01')).toContain('1988');
    expect(formatDateOnly('not a date')).toBe('not a date');
  });

  it('gives whole years of age, none for a birth date after today', () => {
    expect(ageInYears('1988-04-17', '2026-04-16')).toBe(37);
    expect(ageInYears('1988-04-17', '2026-04-17')).toBe(38);
    expect(ageInYears('2030-01-01', '2026-04-17')).toBeNull();
    expect(ageInYears('', '2026-04-17')).toBeNull();
  });

  it('describes the rows of a page', () => {
    expect(pageRangeText(0, 25, 60)).toBe('1–25 of 60');
    expect(pageRangeText(2, 25, 60)).toBe('51–60 of 60');
    expect(pageRangeText(0, 25, 0)).toBe('0 of 0');
    expect(pageRangeText(0, 100, 1234)).toBe(`1–100 of ${new Intl.NumberFormat().format(1234)}`);
  });
});
