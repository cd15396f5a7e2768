/**
 * Building and changing a treatment plan in the editor. Every problem, goal and objective gets its id here, when
 * it is added, and keeps it in every later revision: notes link to goals by id, so a goal must stay the same goal
 * across versions.
 */
import type { Goal, TreatmentPlanInput } from '../../../../shared/domain/treatmentPlans';

type Problem = TreatmentPlanInput['problems'][number];
type Objective = Goal['objectives'][number];

const newId = (): string => crypto.randomUUID();

export const newObjective = (): Objective => ({
  id: newId(),
  text: '',
  measure: '',
  targetDate: null,
  status: 'active',
});

export const newGoal = (): Goal => ({
  id: newId(),
  text: '',
  objectives: [newObjective()],
  interventions: [''],
  targetDate: null,
  status: 'active',
});

export const newProblem = (): Problem => ({ id: newId(), text: '', goals: [newGoal()] });

/** A first plan: one problem with one goal, to be reviewed in 90 days. */
export function blankPlan(today: string): TreatmentPlanInput {
  return { problems: [newProblem()], reviewDate: addDays(today, 90), status: 'active', revisionNote: '' };
}

/** The start of a revision: the current plan with every id kept, and no reason yet. */
export function revisionOf(plan: TreatmentPlanInput): TreatmentPlanInput {
  return { ...structuredClone(plan), revisionNote: '' };
}

/** 'YYYY-MM-DD' plus n days, computed on UTC dates so no zone shifts the day. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A copy of `list` with item `i` replaced. */
export const replaceAt = <T>(list: readonly T[], i: number, item: T): T[] =>
  list.map((x, j) => (j === i ? item : x));

/** A copy of `list` without item `i`. */
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/** Every goal id of a plan, for checks that revisions keep them. */
export const goalIds = (plan: TreatmentPlanInput): string[] =>
  plan.problems.flatMap((p) => p.goals.map((g) => g.id));

/** The plan as saved: intervention lines left empty are dropped (the form offers one empty line per goal). */
export function withoutBlankInterventions(plan: TreatmentPlanInput): TreatmentPlanInput {
  return {
    ...plan,
    problems: plan.problems.map((p) => ({
      ...p,
      goals: p.goals.map((g) => ({ ...g, interventions: g.interventions.filter((t) => t.trim() !== '') })),
    })),
  };
}
