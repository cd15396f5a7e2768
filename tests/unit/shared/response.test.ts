/** Response, remission and "not improving" (issue 15 item 2), at their edges. */
import { describe, expect, it } from 'vitest';
import { glanceOf, isRemission, isResponse } from '../../../shared/domain/response';

const series = (...totals: number[]) => totals.map((total, i) => ({ total, atMs: (i + 1) * 1000 }));

describe('response', () => {
  it('is a fall of 50 % or more from the first score', () => {
    expect(isResponse(20, 10)).toBe(true);
    expect(isResponse(20, 11)).toBe(false);
    expect(isResponse(15, 7)).toBe(true);
    expect(isResponse(15, 8)).toBe(false);
    expect(isResponse(0, 0)).toBe(false);
  });

  it('remission is PHQ-9 or GAD-7 under 5, from a first score of 5 or more', () => {
    expect(isRemission(12, 4, 5)).toBe(true);
    expect(isRemission(12, 5, 5)).toBe(false);
    expect(isRemission(4, 2, 5)).toBe(false);
  });
});

describe('glanceOf', () => {
  it('gives first, latest and change in time order, whatever the order given', () => {
    const g = glanceOf('phq9', [
      { total: 6, atMs: 3000 },
      { total: 18, atMs: 1000 },
      { total: 9, atMs: 2000 },
    ]);
    expect(g).toMatchObject({
      count: 3,
      first: { total: 18, atMs: 1000 },
      latest: { total: 6, atMs: 3000 },
      change: -12,
      response: true,
      remission: false,
      notImproving: false,
    });
  });

  it('marks remission for GAD-7 under 5', () => {
    expect(glanceOf('gad7', series(11, 4))).toMatchObject({ response: true, remission: true });
  });

  it('is not improving when the latest of three or more scores is no better than the first', () => {
    expect(glanceOf('phq9', series(12, 8, 12))?.notImproving).toBe(true);
    expect(glanceOf('phq9', series(12, 8, 14))?.notImproving).toBe(true);
    expect(glanceOf('phq9', series(12, 14, 11))?.notImproving).toBe(false);
    expect(glanceOf('phq9', series(12, 14))?.notImproving).toBe(false);
    expect(glanceOf('cows', series(8, 10, 9))?.notImproving).toBe(true);
  });

  it('has no response or remission from one score, nor for instruments without the rule', () => {
    expect(glanceOf('phq9', series(12))).toMatchObject({ response: null, remission: null, change: 0 });
    expect(glanceOf('cows', series(20, 4))).toMatchObject({ response: null, remission: null, change: -16 });
    expect(glanceOf('phq9', [])).toBeNull();
  });
});
