/**
 * The taper planner over its whole input space (fast-check): never increasing, multiples of the precision, each
 * cut within the rate except the stated exceptions (a one-unit cut where rounding leaves nothing; the final step to
 * zero), ending at zero, dates spaced as asked across daylight-saving changes and leap days, and every input
 * outside the rules refused with a RangeError. The zone is pinned to one with daylight-saving changes to cross.
 */
process.env.TZ = 'America/New_York';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAYS_PER_STEP,
  DOSES_PER_DAY,
  MAX_DAILY_GRAMS,
  PRECISIONS_GRAMS,
  REDUCTION_PERCENT,
  addDays,
  doseSplit,
  planTaper,
  type TaperInput,
} from '../../../../shared/taper';

const DAY_MS = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const units = (grams: number, precision: number) => grams / precision;
const isMultiple = (grams: number, precision: number) =>
  Math.abs(units(grams, precision) - Math.round(units(grams, precision))) < 1e-9;

/** Independent of the code under test: the date survives a round trip through UTC. */
const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

const calendarDate = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Any valid input: the daily amount is a whole number of units of the chosen precision, up to the maximum. */
const validInput: fc.Arbitrary<TaperInput> = fc
  .record({
    precisionGrams: fc.constantFrom(...PRECISIONS_GRAMS),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    dosesPerDay: fc.integer({ min: DOSES_PER_DAY.min, max: DOSES_PER_DAY.max }),
    halfPercent: fc.integer({ min: REDUCTION_PERCENT.min * 2, max: REDUCTION_PERCENT.max * 2 }),
    daysPerStep: fc.integer({ min: DAYS_PER_STEP.min, max: DAYS_PER_STEP.max }),
    startDate: calendarDate,
  })
  .map(({ precisionGrams, fraction, halfPercent, ...rest }) => {
    const hundredths = Math.round(precisionGrams * 100);
    const maxUnits = Math.floor((MAX_DAILY_GRAMS * 100) / hundredths);
    const u = 1 + Math.floor(fraction * (maxUnits - 1));
    return { ...rest, precisionGrams, reductionPercent: halfPercent / 2, dailyGrams: (u * hundredths) / 100 };
  });

describe('planTaper properties', () => {
  it('starts at the daily amount, never increases, and ends at zero', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const { steps } = planTaper(input);
        expect(steps[0]?.dailyGrams).toBe(input.dailyGrams);
        expect(steps[steps.length - 1]?.dailyGrams).toBe(0);
        for (let i = 1; i < steps.length; i += 1) {
          expect(steps[i]!.dailyGrams).toBeLessThan(steps[i - 1]!.dailyGrams);
        }
        // Zero only once, at the end.
        expect(steps.filter((s) => s.dailyGrams === 0)).toHaveLength(1);
      }),
      { numRuns: 400 },
    );
  });

  it('gives every amount, daily and per dose, as a multiple of the precision', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        for (const s of planTaper(input).steps) {
          expect(isMultiple(s.dailyGrams, input.precisionGrams), `${s.dailyGrams}`).toBe(true);
          expect(isMultiple(s.gramsPerDose, input.precisionGrams), `${s.gramsPerDose}`).toBe(true);
          // Printed as the decimal it is: no float tail such as 0.30000000000000004.
          expect(String(s.dailyGrams).length).toBeLessThanOrEqual(String(MAX_DAILY_GRAMS).length + 3);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('cuts within the rate, except a one-unit cut where rounding leaves nothing, or the final step to zero', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const { steps } = planTaper(input);
        const rate = (input.reductionPercent ?? 10) / 100;
        for (let i = 1; i < steps.length; i += 1) {
          const before = Math.round(units(steps[i - 1]!.dailyGrams, input.precisionGrams));
          const after = Math.round(units(steps[i]!.dailyGrams, input.precisionGrams));
          const cut = before - after;
          const withinRate = cut <= before * rate + 1e-9;
          // The exception applies only when the rate, rounded down to the scale, is less than one unit.
          const roundingForced = cut === 1 && Math.floor(before * rate + 1e-9) === 0;
          const finalToZero = after === 0 && i === steps.length - 1;
          expect(withinRate || roundingForced || finalToZero, `${before} → ${after} units`).toBe(true);
          // And no smaller than the rate allows (rounded down to the scale): the taper does not dawdle.
          expect(cut).toBeGreaterThanOrEqual(Math.max(1, Math.floor(before * rate + 1e-9)));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('spaces the steps exactly daysPerStep calendar days apart from the start date', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const { steps } = planTaper(input);
        expect(steps[0]?.date).toBe(input.startDate);
        steps.forEach((s, i) => {
          expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(dayOf(s.date) - dayOf(input.startDate)).toBe(i * input.daysPerStep);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('gives per dose the daily amount divided by the doses, to the nearest unit; the split adds up exactly', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        for (const s of planTaper(input).steps) {
          const exact = s.dailyGrams / input.dosesPerDay;
          expect(Math.abs(s.gramsPerDose - exact)).toBeLessThanOrEqual(input.precisionGrams / 2 + 1e-9);
          const split = doseSplit(s.dailyGrams, input.dosesPerDay, input.precisionGrams);
          expect(split.smallerCount + split.largerCount).toBe(input.dosesPerDay);
          const total = split.grams * split.smallerCount + split.largerGrams * split.largerCount;
          expect(Math.abs(total - s.dailyGrams)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses every input outside the rules with a RangeError', () => {
    const invalid = fc.oneof(
      validInput.chain((i) =>
        fc
          .oneof(
            fc.double({ noNaN: false }).filter((r) => !(r >= 10 && r <= 20 && Number.isInteger(r * 2))),
            fc.constantFrom(9.5, 20.5, 12.25, 0, -10, Number.NaN, Infinity),
          )
          .map((reductionPercent) => ({ ...i, reductionPercent })),
      ),
      validInput.chain((i) =>
        fc
          .oneof(
            fc.integer().filter((d) => d < 3 || d > 7),
            fc.constantFrom(3.5, Number.NaN),
          )
          .map((daysPerStep) => ({ ...i, daysPerStep })),
      ),
      validInput.chain((i) =>
        fc
          .oneof(
            fc.integer().filter((d) => d < 1 || d > 12),
            fc.constantFrom(1.5, Number.NaN),
          )
          .map((dosesPerDay) => ({ ...i, dosesPerDay })),
      ),
      validInput.chain((i) =>
        fc
          .double()
          .filter((p) => !(PRECISIONS_GRAMS as readonly number[]).includes(p))
          .map((precisionGrams) => ({ ...i, precisionGrams })),
      ),
      validInput.chain((i) =>
        fc
          .oneof(
            fc.double({ max: 0 }),
            fc.double({ min: MAX_DAILY_GRAMS, minExcluded: true }),
            fc.constantFrom(Number.NaN, -Infinity),
          )
          .map((dailyGrams) => ({ ...i, dailyGrams })),
      ),
      validInput
        .filter((i) => i.precisionGrams >= 0.05)
        .map((i) => ({ ...i, dailyGrams: Math.min(i.dailyGrams + 0.01, MAX_DAILY_GRAMS - 0.01) }))
        .filter((i) => !isMultiple(i.dailyGrams, i.precisionGrams)),
      validInput.chain((i) =>
        fc
          .oneof(
            fc.string(),
            fc.constantFrom('2026-02-29', '2026-13-01', '2026-04-31', '2026-1-5', '05/01/2026', ''),
          )
          .filter((d) => !isRealDate(d))
          .map((startDate) => ({ ...i, startDate })),
      ),
    );
    fc.assert(
      fc.property(invalid, (input) => {
        expect(() => planTaper(input)).toThrow(RangeError);
      }),
      { numRuns: 600 },
    );
  });
});

describe('planTaper examples', () => {
  it('plans 8 g a day, 3 doses, 10 % every 7 days on a 0.1 g scale', () => {
    const { steps } = planTaper({
      dailyGrams: 8,
      dosesPerDay: 3,
      daysPerStep: 7,
      precisionGrams: 0.1,
      startDate: '2026-03-01',
    });
    expect(steps.slice(0, 4)).toEqual([
      { date: '2026-03-01', dailyGrams: 8, gramsPerDose: 2.7 },
      { date: '2026-03-08', dailyGrams: 7.2, gramsPerDose: 2.4 },
      { date: '2026-03-15', dailyGrams: 6.5, gramsPerDose: 2.2 },
      { date: '2026-03-22', dailyGrams: 5.9, gramsPerDose: 2 },
    ]);
    expect(steps.at(-1)?.dailyGrams).toBe(0);
  });

  it('crosses the spring daylight-saving change and a leap day by calendar days', () => {
    // New York moves its clocks on 2028-03-12; 2028 is a leap year.
    const { steps } = planTaper({
      dailyGrams: 1,
      dosesPerDay: 1,
      reductionPercent: 20,
      daysPerStep: 3,
      precisionGrams: 0.5,
      startDate: '2028-02-27',
    });
    expect(steps.map((s) => s.date)).toEqual(['2028-02-27', '2028-03-01', '2028-03-04']);
    expect(addDays('2028-03-10', 3)).toBe('2028-03-13');
    expect(addDays('2026-10-31', 7)).toBe('2026-11-07');
  });

  it('splits 1.0 g over 3 doses as 0.3 g twice and 0.4 g once', () => {
    expect(doseSplit(1, 3, 0.1)).toEqual({ grams: 0.3, largerGrams: 0.4, largerCount: 1, smallerCount: 2 });
  });

  it('names the rule broken', () => {
    const ok = {
      dailyGrams: 5,
      dosesPerDay: 2,
      daysPerStep: 5,
      precisionGrams: 0.1,
      startDate: '2026-05-01',
    };
    expect(() => planTaper({ ...ok, reductionPercent: 25 })).toThrow(/10–20 %/);
    expect(() => planTaper({ ...ok, daysPerStep: 8 })).toThrow(/3–7/);
    expect(() => planTaper({ ...ok, precisionGrams: 0.3 })).toThrow(/precision/);
    expect(() => planTaper({ ...ok, dailyGrams: 5.05 })).toThrow(/multiple/);
    expect(() => planTaper({ ...ok, startDate: '2026-02-30' })).toThrow(/real date/);
  });
});
