import { describe, expect, it } from 'vitest';
import { TreatmentPlanInputSchema } from '../../../../shared/domain/treatmentPlans';
import {
  addDays,
  blankPlan,
  goalIds,
  newGoal,
  revisionOf,
  withoutBlankInterventions,
} from '../../../../renderer/src/screens/sessions/planDraft';

describe('treatment plan drafts', () => {
  it('gives every new goal its own id', () => {
    const ids = new Set(Array.from({ length: 20 }, () => newGoal().id));
    expect(ids.size).toBe(20);
  });

  it('keeps goal ids in a revision and starts it without a reason', () => {
    const plan = { ...blankPlan('2026-11-23'), revisionNote: 'old reason' };
    const revision = revisionOf(plan);
    expect(goalIds(revision)).toEqual(goalIds(plan));
    expect(revision.revisionNote).toBe('');
    // A deep copy: editing the revision does not change the saved version on screen.
    revision.problems[0]!.text = 'changed';
    expect(plan.problems[0]?.text).toBe('');
  });

  it('drops empty intervention lines, so a filled plan parses', () => {
    const plan = blankPlan('2026-11-23');
    plan.problems[0]!.text = 'Daily kratom use';
    const goal = plan.problems[0]!.goals[0]!;
    goal.text = 'Taper safely';
    goal.objectives[0]!.text = 'Reduce 10 % a week';
    goal.interventions = ['', 'CBT for triggers', '   '];
    const cleaned = withoutBlankInterventions(plan);
    expect(cleaned.problems[0]?.goals[0]?.interventions).toEqual(['CBT for triggers']);
    expect(TreatmentPlanInputSchema.safeParse(cleaned).success).toBe(true);
  });

  it('adds days on calendar dates, across months and leap days', () => {
    expect(blankPlan('2026-11-23').reviewDate).toBe('2027-02-21');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
