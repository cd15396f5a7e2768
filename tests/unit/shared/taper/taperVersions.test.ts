/**
 * The pure parts of taper versions: holding, a new rate and a restart keep the steps before them as they were;
 * plan versus actual counts local calendar days across the autumn daylight-saving change, keeps other forms out
 * of the taper's grams and flags strong ones. The zone is pinned to one that changes its clocks on 2026-11-01.
 */
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import {
  holdSteps,
  describeOtherFormUse,
  planVersusActual,
  replanAtRate,
  restartFrom,
  stepOn,
} from '../../../../shared/domain/taper';
import { planTaper } from '../../../../shared/taper';

const plan = planTaper({
  dailyGrams: 6,
  dosesPerDay: 2,
  reductionPercent: 10,
  daysPerStep: 5,
  precisionGrams: 0.1,
  startDate: '2026-10-29',
}).steps;

describe('taper versions', () => {
  it('holds the step in effect: later steps move, earlier ones stay', () => {
    expect(stepOn(plan, '2026-11-04')?.date).toBe('2026-11-03');
    const held = holdSteps(plan, '2026-11-04', 3);
    expect(held.slice(0, 3).map((s) => s.date)).toEqual(['2026-10-29', '2026-11-03', '2026-11-11']);
    expect(held.map((s) => s.dailyGrams)).toEqual(plan.map((s) => s.dailyGrams));
    expect(() => holdSteps(plan, '2026-10-28', 3)).toThrow(/not started/);
    const end = plan[plan.length - 1]?.date ?? '';
    expect(() => holdSteps(plan, end, 3)).toThrow(/reached zero/);
  });

  it('changes the rate from the step in effect, and restarts from today, keeping what came before', () => {
    const rated = replanAtRate(plan, '2026-11-04', {
      dosesPerDay: 2,
      precisionGrams: 0.1,
      reductionPercent: 20,
      daysPerStep: 3,
    });
    expect(rated.slice(0, 4).map((s) => [s.date, s.dailyGrams])).toEqual([
      ['2026-10-29', 6],
      ['2026-11-03', 5.4],
      ['2026-11-06', 4.4],
      ['2026-11-09', 3.6],
    ]);
    const restarted = restartFrom(plan, '2026-11-05', {
      dailyGrams: 5.8,
      dosesPerDay: 2,
      reductionPercent: 10,
      daysPerStep: 7,
      precisionGrams: 0.1,
    });
    expect(restarted.slice(0, 3).map((s) => [s.date, s.dailyGrams])).toEqual([
      ['2026-10-29', 6],
      ['2026-11-03', 5.4],
      ['2026-11-05', 5.8],
    ]);
  });

  it('reads plan versus actual by local calendar day across the daylight-saving change', () => {
    const at = (d: number, h: number) => new Date(2026, 10, d, h, 30).getTime();
    const entries = [
      // 1 November: the clocks go back at 2 am; 00:30 and 23:30 are the same calendar day.
      { takenAtMs: at(1, 0), amount: 3, unit: 'g' as const, form: 'leaf-powder' as const },
      { takenAtMs: at(1, 23), amount: 3.5, unit: 'g' as const, form: 'leaf-powder' as const },
      { takenAtMs: at(2, 9), amount: 3, unit: 'g' as const, form: 'leaf-powder' as const },
      { takenAtMs: at(2, 21), amount: 1, unit: 'bottles' as const, form: 'shot' as const },
      { takenAtMs: at(2, 22), amount: 2, unit: 'g' as const, form: 'capsules' as const },
    ];
    const days = planVersusActual(plan, 'leaf-powder', entries, '2026-11-03');
    expect(days.map((d) => d.date)).toEqual([
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
      '2026-11-03',
    ]);
    expect(days[3]).toMatchObject({ plannedGrams: 6, loggedGrams: 6.5, loggedDoses: 2, overPlan: true });
    expect(days[4]).toMatchObject({ loggedGrams: 3, overPlan: false, strongForm: true });
    expect(days[4]?.otherForms).toEqual([
      { form: 'shot', amounts: [{ amount: 1, unit: 'bottles' }], doses: 1, strong: true },
      { form: 'capsules', amounts: [{ amount: 2, unit: 'g' }], doses: 1, strong: false },
    ]);
    const [shot] = days[4]?.otherForms ?? [];
    expect(shot && describeOtherFormUse(shot, 'Shot')).toBe('Strong form: Shot 1 bottle (1 dose)');
    expect(days[5]).toMatchObject({ plannedGrams: 5.4, loggedGrams: null });
    expect(planVersusActual(plan, 'leaf-powder', entries, '2026-10-28')).toEqual([]);
    // A day with only a shot logged is not "under plan": the taper's own form was not logged at all.
    const onlyShot = planVersusActual(plan, 'leaf-powder', [entries[3]!], '2026-11-03');
    expect(onlyShot[4]).toMatchObject({ loggedGrams: null, overPlan: false, strongForm: true });
  });
});
