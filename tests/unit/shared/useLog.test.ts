/**
 * Daily totals and the baseline summary. Days are local calendar days, so the zone is pinned (New York, which
 * has daylight-saving changes to cross) and times are built with the local Date constructor.
 */
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  amountsByFormText,
  baselineSummary,
  CHART_MAX_DAYS,
  dailyTotals,
  doseTimeTooEarly,
  UseLogInputSchema,
  type UseLogEntry,
} from '../../../shared/domain/useLog';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();

let n = 0;
function dose(takenAtMs: number, amount: number, trigger: UseLogEntry['trigger'] = null): UseLogEntry {
  n += 1;
  return {
    id: `dose-${n}`,
    clientId: 'client-1',
    takenAtMs,
    product: 'Green Maeng Da powder',
    form: 'leaf-powder',
    amount,
    unit: 'g',
    trigger,
    symptomsBetweenDoses: '',
    note: '',
    recordedAtMs: takenAtMs,
    recordedBy: 'user-1',
  };
}

describe('dailyTotals', () => {
  it('is empty for no entries', () => {
    expect(dailyTotals([])).toEqual([]);
  });

  it('counts doses and sums grams per day, oldest first, whatever the input order', () => {
    const entries = [
      dose(at(2026, 11, 21, 9), 3),
      dose(at(2026, 11, 20, 8), 2),
      dose(at(2026, 11, 20, 20), 4),
    ];
    expect(dailyTotals(entries)).toEqual([
      { date: '2026-11-20', doses: 2, grams: 6 },
      { date: '2026-11-21', doses: 1, grams: 3 },
    ]);
  });

  it('splits at local midnight: 23:59 and 00:00 are different days', () => {
    const late = new Date(2026, 10, 20, 23, 59, 59, 999).getTime();
    const early = new Date(2026, 10, 21, 0, 0, 0, 0).getTime();
    expect(dailyTotals([dose(late, 1), dose(early, 2)])).toEqual([
      { date: '2026-11-20', doses: 1, grams: 1 },
      { date: '2026-11-21', doses: 1, grams: 2 },
    ]);
  });

  it('uses the local day, not the UTC day (an evening dose in New York is the next day in UTC)', () => {
    const evening = at(2026, 11, 20, 21); // 02:00 UTC on the 21st
    expect(new Date(evening).toISOString().slice(0, 10)).toBe('2026-11-21');
    expect(dailyTotals([dose(evening, 2)])).toEqual([{ date: '2026-11-20', doses: 1, grams: 2 }]);
  });

  it('fills days without doses inside the range with zeros', () => {
    expect(dailyTotals([dose(at(2026, 11, 18), 2), dose(at(2026, 11, 21), 3)])).toEqual([
      { date: '2026-11-18', doses: 1, grams: 2 },
      { date: '2026-11-19', doses: 0, grams: 0 },
      { date: '2026-11-20', doses: 0, grams: 0 },
      { date: '2026-11-21', doses: 1, grams: 3 },
    ]);
  });

  it('crosses month and year ends, leap days and daylight-saving changes without losing or doubling a day', () => {
    const dates = (entries: UseLogEntry[]) => dailyTotals(entries).map((d) => d.date);
    expect(dates([dose(at(2026, 12, 31), 1), dose(at(2027, 1, 1), 1)])).toEqual(['2026-12-31', '2027-01-01']);
    expect(dates([dose(at(2028, 2, 28), 1), dose(at(2028, 3, 1), 1)])).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    // 1 November 2026 has 25 hours in New York; 8 March 2026 has 23.
    expect(dates([dose(at(2026, 10, 31, 23, 30), 1), dose(at(2026, 11, 2, 0, 30), 1)])).toEqual([
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ]);
    expect(dates([dose(at(2026, 3, 7, 23, 30), 1), dose(at(2026, 3, 9, 0, 30), 1)])).toEqual([
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
  });

  it('rounds the grams of a day to hundredths (no 0.30000000000000004)', () => {
    expect(dailyTotals([dose(at(2026, 11, 20, 8), 0.1), dose(at(2026, 11, 20, 9), 0.2)])[0]?.grams).toBe(0.3);
  });
});

describe('dailyTotals with dose times saved before they were checked', () => {
  it('charts at most the latest CHART_MAX_DAYS days, however far back one dose was dated', () => {
    const days = dailyTotals([dose(at(1970, 1, 1), 2), dose(at(2026, 11, 20), 3), dose(at(2026, 11, 22), 4)]);
    expect(days).toHaveLength(CHART_MAX_DAYS);
    expect(days.at(-1)).toEqual({ date: '2026-11-22', doses: 1, grams: 4 });
    expect(days.filter((d) => d.doses > 0).map((d) => d.date)).toEqual(['2026-11-20', '2026-11-22']);
    expect(dailyTotals([dose(at(2026, 1, 1), 1), dose(at(2026, 11, 20), 1)], 3).map((d) => d.date)).toEqual([
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
  });

  it('never throws, leaving out times that are not a four-digit-year date', () => {
    const wild = [-8.64e15, 8.64e15, -9_007_199_254_740_991, 9_007_199_254_740_991, 0, -1];
    const entries = [...wild.map((ms) => dose(ms, 1)), dose(at(2026, 11, 20), 3)];
    const days = dailyTotals(entries);
    expect(days.length).toBeLessThanOrEqual(CHART_MAX_DAYS);
    expect(days.at(-1)).toEqual({ date: '2026-11-20', doses: 1, grams: 3 });
    expect(dailyTotals(wild.slice(0, 4).map((ms) => dose(ms, 1)))).toEqual([]);
    expect(() => baselineSummary(entries)).not.toThrow();
    // The 1969/1970 doses are readable dates and count as logged days: the clinician sees them and corrects them.
    expect(baselineSummary(entries)).toMatchObject({
      days: 2,
      firstDate: '1969-12-31',
      lastDate: '2026-11-20',
    });
  });
});

describe('doseTimeTooEarly', () => {
  const now = at(2026, 11, 23, 13);
  it('refuses a time before the date of birth or more than two years back, and allows the edges', () => {
    expect(doseTimeTooEarly(at(1970, 1, 1), now, '1960-05-01', 'A dose')).toBe(
      'A dose must be within the past 2 years: check the year.',
    );
    expect(doseTimeTooEarly(at(1970, 1, 1), now, '1988-04-17', 'A dose')).toBe(
      "A dose cannot be before the client's date of birth: check the year.",
    );
    expect(doseTimeTooEarly(-8.64e15, now, '1988-04-17', 'The last dose')).toMatch(/^The last dose cannot/);
    expect(doseTimeTooEarly(at(2024, 11, 22, 23, 59), now, '1988-04-17', 'A dose')).toMatch(/2 years/);
    expect(doseTimeTooEarly(at(2024, 11, 23, 0, 0), now, '1988-04-17', 'A dose')).toBeNull();
    expect(doseTimeTooEarly(at(2026, 11, 23, 9), now, '1988-04-17', 'A dose')).toBeNull();
    // A young client: the date of birth is the bound, from its local midnight.
    expect(doseTimeTooEarly(at(2025, 6, 1, 0, 0), now, '2025-06-01', 'A dose')).toBeNull();
    expect(doseTimeTooEarly(at(2025, 5, 31, 23, 59), now, '2025-06-01', 'A dose')).toMatch(/date of birth/);
  });
});

describe('baselineSummary', () => {
  it('has nothing to say about an empty log', () => {
    expect(baselineSummary([])).toEqual({
      days: 0,
      complete: false,
      meanDosesPerDay: null,
      meanGramsPerDay: null,
      largestDoseGrams: null,
      byForm: [],
      strongFormsLogged: [],
      topTriggers: [],
      firstDate: null,
      lastDate: null,
    });
  });

  it('is not complete with fewer than three days', () => {
    const two = baselineSummary([dose(at(2026, 11, 20, 8), 2, 'stress'), dose(at(2026, 11, 21, 8), 4)]);
    expect(two).toMatchObject({ days: 2, complete: false, meanDosesPerDay: 1, meanGramsPerDay: 3 });
    expect(two.largestDoseGrams).toBe(4);
  });

  it('summarises three days: mean doses and grams a day (to one decimal), largest dose, commonest triggers', () => {
    const entries = [
      dose(at(2026, 11, 20, 7), 2, 'withdrawal'),
      dose(at(2026, 11, 20, 12), 3, 'stress'),
      dose(at(2026, 11, 20, 19), 4, 'stress'),
      dose(at(2026, 11, 21, 7), 3, 'withdrawal'),
      dose(at(2026, 11, 21, 11), 3, 'stress'),
      dose(at(2026, 11, 21, 15), 3),
      dose(at(2026, 11, 21, 21), 3, 'craving'),
      dose(at(2026, 11, 22, 6), 2, 'withdrawal'),
      dose(at(2026, 11, 22, 10), 2, 'stress'),
      dose(at(2026, 11, 22, 13), 3),
      dose(at(2026, 11, 22, 17), 3, 'craving'),
      dose(at(2026, 11, 22, 22), 2.5),
    ];
    expect(baselineSummary(entries)).toEqual({
      days: 3,
      complete: true,
      meanDosesPerDay: 4, // 12 doses / 3 days
      meanGramsPerDay: 11.2, // (9 + 12 + 12.5) / 3 = 11.1666...
      largestDoseGrams: 4,
      byForm: [{ group: 'leaf', dosesPerDay: 4, amountsPerDay: [{ unit: 'g', amount: 11.2 }] }],
      strongFormsLogged: [],
      topTriggers: [
        { trigger: 'stress', count: 4 },
        { trigger: 'withdrawal', count: 3 },
        { trigger: 'craving', count: 2 },
      ],
      firstDate: '2026-11-20',
      lastDate: '2026-11-22',
    });
  });

  it('uses only the first five days; later doses change nothing', () => {
    const window = [1, 2, 3, 4, 5].map((d) => dose(at(2026, 11, d, 9), 2, 'pain'));
    const later = [dose(at(2026, 11, 6, 9), 50, 'stress'), dose(at(2026, 11, 7, 9), 50, 'stress')];
    const s = baselineSummary([...window, ...later]);
    expect(s).toMatchObject({ days: 5, complete: true, meanDosesPerDay: 1, meanGramsPerDay: 2 });
    expect(s.largestDoseGrams).toBe(2);
    expect(s.topTriggers).toEqual([{ trigger: 'pain', count: 5 }]);
    expect(s.lastDate).toBe('2026-11-05');
  });

  it('reads a day without entries inside the window as not logged', () => {
    const s = baselineSummary([dose(at(2026, 11, 20), 3), dose(at(2026, 11, 22), 3)]);
    // The 21st has no entries: read as not logged, so the baseline has two logged days and is not complete yet.
    expect(s).toMatchObject({ days: 2, complete: false, meanDosesPerDay: 1, meanGramsPerDay: 3 });
  });

  it('lists at most three triggers, ties in the order of the trigger list, and ignores doses with none', () => {
    const entries = [
      dose(at(2026, 11, 20, 8), 1, 'boredom'),
      dose(at(2026, 11, 20, 9), 1, 'social'),
      dose(at(2026, 11, 20, 10), 1, 'pain'),
      dose(at(2026, 11, 20, 11), 1, 'stress'),
      dose(at(2026, 11, 20, 12), 1, null),
      dose(at(2026, 11, 20, 13), 1, null),
    ];
    expect(baselineSummary(entries).topTriggers).toEqual([
      { trigger: 'stress', count: 1 },
      { trigger: 'pain', count: 1 },
      { trigger: 'social', count: 1 },
    ]);
  });
});

/**
 * Issue 8 item 2: strong products (CLINICAL.md §1.5, §3: "the dose only looks smaller") are reported per form and
 * never added into leaf grams; shots can be logged in millilitres or bottles.
 */
describe('strong forms in the use log', () => {
  const as = (e: UseLogEntry, over: Partial<UseLogEntry>): UseLogEntry => ({ ...e, ...over });
  // Per day: 5 doses, 4 × 3.5 g of leaf and one 0.5 g extract shot — as the issue's chart header example.
  const day = (d: number) => [
    dose(at(2026, 11, d, 7), 3.5),
    dose(at(2026, 11, d, 11), 3.5),
    dose(at(2026, 11, d, 15), 3.5),
    dose(at(2026, 11, d, 19), 3),
    as(dose(at(2026, 11, d, 22), 0.5), { form: 'shot', product: 'Extract shot' }),
  ];

  it('never adds a shot into leaf grams, and reports each form apart', () => {
    const s = baselineSummary([...day(20), ...day(21), ...day(22)]);
    expect(s.meanDosesPerDay).toBe(5);
    expect(s.meanGramsPerDay).toBe(13.5);
    expect(s.largestDoseGrams).toBe(3.5);
    expect(s.byForm).toEqual([
      { group: 'leaf', dosesPerDay: 4, amountsPerDay: [{ unit: 'g', amount: 13.5 }] },
      { group: 'shot', dosesPerDay: 1, amountsPerDay: [{ unit: 'g', amount: 0.5 }] },
    ]);
    expect(s.strongFormsLogged).toEqual(['shot']);
    expect(dailyTotals(day(20))).toEqual([{ date: '2026-11-20', doses: 5, grams: 13.5 }]);
  });

  it('keeps two 0.5 g extract shots a day from reading as a light leaf habit', () => {
    const shots = [20, 21, 22].flatMap((d) => [
      as(dose(at(2026, 11, d, 8), 0.5), { form: 'extract' }),
      as(dose(at(2026, 11, d, 18), 0.5), { form: 'extract' }),
    ]);
    const s = baselineSummary(shots);
    expect(s.meanGramsPerDay).toBe(0);
    expect(s.largestDoseGrams).toBeNull();
    expect(s.byForm).toEqual([
      { group: 'extract', dosesPerDay: 2, amountsPerDay: [{ unit: 'g', amount: 1 }] },
    ]);
    expect(s.strongFormsLogged).toEqual(['extract']);
  });

  it('finds a strong form anywhere in the log, not only in the baseline days', () => {
    const window = [1, 2, 3, 4, 5].map((d) => dose(at(2026, 11, d, 9), 2));
    const later = as(dose(at(2026, 11, 9, 9), 1), { form: '7-oh-product', unit: 'bottles' });
    const s = baselineSummary([...window, later]);
    expect(s.byForm.map((f) => f.group)).toEqual(['leaf']);
    expect(s.strongFormsLogged).toEqual(['7-oh-product']);
  });

  it('sums shots in millilitres and bottles apart from grams, and says so in words', () => {
    const doses = [
      dose(at(2026, 11, 20, 8), 3),
      as(dose(at(2026, 11, 20, 12), 30), { form: 'shot', unit: 'ml' }),
      as(dose(at(2026, 11, 20, 18), 1), { form: 'shot', unit: 'bottles' }),
      as(dose(at(2026, 11, 20, 21), 1), { form: '7-oh-product', unit: 'bottles' }),
    ];
    expect(amountsByFormText(doses)).toBe(
      'Leaf, powder or capsules 3 g; Shots 30 ml + 1 bottle; 7-OH products 1 bottle',
    );
    expect(dailyTotals(doses)).toEqual([{ date: '2026-11-20', doses: 4, grams: 3 }]);
  });

  it("takes millilitres and bottles only for shots, extracts and 7-OH products, within each unit's ceiling", () => {
    const input = (over: object) =>
      UseLogInputSchema.safeParse({
        takenAtMs: at(2026, 11, 20),
        product: 'Shot',
        form: 'shot',
        amount: 1,
        unit: 'bottles',
        trigger: null,
        symptomsBetweenDoses: '',
        note: '',
        ...over,
      });
    expect(input({}).success).toBe(true);
    expect(input({ form: '7-oh-product', unit: 'ml', amount: 15 }).success).toBe(true);
    expect(input({ form: 'leaf-powder', unit: 'ml' }).error?.issues[0]?.path).toEqual(['unit']);
    expect(input({ amount: 11 }).error?.issues[0]?.message).toBe(
      'The amount must be at most 10 bottles per dose.',
    );
    expect(input({ unit: 'g', amount: 101 }).error?.issues[0]?.message).toBe(
      'The amount must be at most 100 g per dose.',
    );
  });
});
