/**
 * Treatment plan (CLINICAL.md §5): problems, measurable goals and objectives, interventions, target and review
 * dates, status. A revision is a new version; earlier versions are kept. Goal ids stay the same across versions so
 * a note can say which goals it addressed.
 */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from './common';

export const PLAN_ITEM_STATUSES = ['active', 'met', 'partially-met', 'not-met', 'discontinued'] as const;
export const PlanItemStatusSchema = z.enum(PLAN_ITEM_STATUSES);
export const PLAN_ITEM_STATUS_LABELS: Record<(typeof PLAN_ITEM_STATUSES)[number], string> = {
  active: 'Active',
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  discontinued: 'Discontinued',
};

const Id = z.string().min(1).max(64);

export const ObjectiveSchema = z.object({
  id: Id,
  text: requiredText('Objective', 1000),
  /** How progress is measured, e.g. "daily grams logged, target 4 g by 15 Dec". */
  measure: optionalText('Measure', 500),
  targetDate: isoDate('Target date').nullable(),
  status: PlanItemStatusSchema,
});

export const GoalSchema = z.object({
  id: Id,
  text: requiredText('Goal', 1000),
  objectives: z.array(ObjectiveSchema).max(20),
  interventions: z.array(requiredText('Intervention', 500)).max(20),
  targetDate: isoDate('Target date').nullable(),
  status: PlanItemStatusSchema,
});
export type Goal = z.infer<typeof GoalSchema>;

export const ProblemSchema = z.object({
  id: Id,
  text: requiredText('Problem', 1000),
  goals: z.array(GoalSchema).min(1, 'Each problem needs at least one goal.').max(20),
});

export const TreatmentPlanInputSchema = z.object({
  problems: z.array(ProblemSchema).min(1, 'Add at least one problem.').max(30),
  reviewDate: isoDate('Review date'),
  status: z.enum(['active', 'completed']),
  /** Why this revision was made (empty for the first version). */
  revisionNote: optionalText('Reason for revision', 1000),
});
export type TreatmentPlanInput = z.infer<typeof TreatmentPlanInputSchema>;

export const TreatmentPlanSchema = z.object({
  clientId: z.string(),
  version: z.number().int().positive(),
  plan: TreatmentPlanInputSchema,
  createdAtMs: z.number().int(),
  createdByName: z.string().nullable(),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlanSchema>;

/** Every goal of a plan with its problem, for "goals addressed" pickers. */
export function planGoals(plan: TreatmentPlanInput): Array<{ id: string; text: string; problem: string }> {
  return plan.problems.flatMap((p) => p.goals.map((g) => ({ id: g.id, text: g.text, problem: p.text })));
}
