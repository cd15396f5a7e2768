/**
 * Small-cell suppression (issue 15 item 5): counts of 1–10 never shown, and never recoverable by subtracting the
 * shown cells from a shown total.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressCount, suppressGroup, suppressRate } from '../../../shared/domain/suppression';

/** What someone holding the table could work out: a hidden cell is exposed if it is the only one hidden. */
function recoverable(total: number | null, parts: Array<number | null>): boolean {
  return total !== null && parts.filter((p) => p === null).length === 1;
}

describe('suppressCount', () => {
  it('hides 1 to 10, shows 0 and 11 upwards', () => {
    expect([0, 1, 10, 11, 250].map(suppressCount)).toEqual([0, null, null, 11, 250]);
  });
});

describe('suppressGroup', () => {
  it('hides a small cell and the smallest other non-zero cell with it', () => {
    expect(suppressGroup(100, [60, 25, 7, 8 + 0])).toEqual({ total: 100, parts: [60, 25, null, null] });
    expect(suppressGroup(100, [60, 33, 7, 0])).toEqual({ total: 100, parts: [60, null, null, 0] });
  });

  it('hides the total when no other cell can be hidden with the small one', () => {
    expect(suppressGroup(7, [7, 0])).toEqual({ total: null, parts: [null, 0] });
    expect(suppressGroup(57, [7, 50])).toEqual({ total: 57, parts: [null, null] });
    // 40 with a lone 9 among zeros: the total goes too, or 9 could be read back from it.
    expect(suppressGroup(40, [0, 0, 9, 0])).toEqual({ total: null, parts: [0, 0, null, 0] });
  });

  it('hides a small total and every non-zero part', () => {
    expect(suppressGroup(9, [4, 5, 0])).toEqual({ total: null, parts: [null, null, 0] });
  });

  it('leaves a table with no small cells alone', () => {
    expect(suppressGroup(60, [20, 40, 0])).toEqual({ total: 60, parts: [20, 40, 0] });
  });

  it('never leaves a single hidden cell beside a shown total, and never shows a count of 1–10', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 7 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0);
        const out = suppressGroup(total, parts);
        expect(recoverable(out.total, out.parts)).toBe(false);
        for (const v of [out.total, ...out.parts]) if (v !== null) expect(v === 0 || v > 10).toBe(true);
        // The total minus the shown cells is never a single small cell's value handed back.
        parts.forEach((p, i) => {
          if (p > 0 && p <= 10) expect(out.parts[i]).toBeNull();
        });
      }),
    );
  });
});

describe('suppressRate', () => {
  it('hides a rate whose numerator, denominator or their difference is small', () => {
    expect(suppressRate(30, 60)).toBe(0.5);
    expect(suppressRate(5, 60)).toBeNull();
    expect(suppressRate(55, 60)).toBeNull();
    expect(suppressRate(8, 9)).toBeNull();
    expect(suppressRate(0, 40)).toBe(0);
    expect(suppressRate(40, 40)).toBe(1);
    expect(suppressRate(0, 0)).toBeNull();
  });
});
