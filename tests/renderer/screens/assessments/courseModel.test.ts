import { describe, expect, it } from 'vitest';
import {
  courseModel,
  durationText,
  lastDoseOf,
  sqrtPosition,
  type CourseRating,
} from '../../../../renderer/src/screens/assessments/courseModel';

const H = 3_600_000;
const DOSE = Date.UTC(2026, 11, 1, 8, 0);
const rating = (id: string, hours: number, lastDoseAtMs: number | null = DOSE, total = 10): CourseRating => ({
  id,
  instrument: 'cows',
  atMs: DOSE + hours * H,
  lastDoseAtMs,
  total,
});

describe('course model', () => {
  it('takes the latest rating’s last dose, else the intake’s', () => {
    expect(lastDoseOf([rating('a', 10, DOSE - 100 * H), rating('b', 20)], null)).toBe(DOSE);
    expect(lastDoseOf([rating('a', 10, null)], 5)).toBe(5);
    expect(lastDoseOf([], null)).toBeNull();
  });

  it('places now and each rating on the expected course', () => {
    const m = courseModel([rating('a', 2), rating('b', 30), rating('old', -5)], null, DOSE + 50 * H);
    expect(m?.nowPhase).toBe('peak');
    expect(m?.points.map((p) => [p.id, p.phase])).toEqual([
      ['a', 'before-onset'],
      ['b', 'peak'],
    ]);
    expect(m?.maxHours).toBeGreaterThanOrEqual(14 * 24);
    expect(courseModel([], null, DOSE)).toBeNull();
  });

  it('uses a square-root axis and plain durations', () => {
    expect(sqrtPosition(0, 100)).toBe(0);
    expect(sqrtPosition(25, 100)).toBe(0.5);
    expect(sqrtPosition(400, 100)).toBe(1);
    expect(durationText(9.5)).toBe('9 h');
    expect(durationText(52)).toBe('2 days 4 h');
    expect(durationText(24 * 23)).toBe('3 weeks 2 days');
  });
});
