/**
 * A client's taper (CLINICAL.md §1.5): the schedule of one consistent, measured product, kept as versions. Every
 * change — a new taper, a held step, a new rate, a restart from today's actual amount — is a new version holding the
 * whole schedule, past steps included, so what was planned for any day stays readable; old versions are never
 * changed. Plan versus actual compares each day's planned amount with the grams of that one product form logged in
 * the use log. Doses of other forms are never added in (an extract's gram is not a leaf gram); days with a strong
 * form (extract, shot, 7-OH product) are flagged, because switching to them is not a taper (§1.5).
 */
import { z } from 'zod';
import { isoDate, requiredText, optionalText } from './common';
import { POTENT_FORMS, ProductFormSchema, type ProductForm } from './intake';
import { doseDate, formatAmount, type DoseUnit, type UseLogEntry } from './useLog';
import { DAYS_PER_STEP, planTaper, taperInputProblems, type TaperInput, type TaperStep } from '../taper';

export const TAPER_CHANGES = ['create', 'hold', 'rate', 'restart'] as const;
export const TaperChangeSchema = z.enum(TAPER_CHANGES);
export type TaperChange = z.infer<typeof TaperChangeSchema>;
export const TAPER_CHANGE_LABELS: Record<TaperChange, string> = {
  create: 'Taper planned',
  hold: 'Step held',
  rate: 'Rate changed',
  restart: 'Restarted from the actual amount',
};

const amount = (what: string) => z.number({ error: `Enter ${what} as a number.` });

/** The planner's numbers, each refused beside its own field by the planner's own rules (taperInputProblems). */
const plannerFields = {
  dosesPerDay: amount('doses per day'),
  reductionPercent: amount('the cut per step'),
  daysPerStep: amount('days per step'),
};

function checkPlan(v: TaperInput, ctx: z.RefinementCtx): void {
  for (const p of taperInputProblems(v))
    ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
}

/**
 * Policy: a taper is never built on an extract, shot or 7-OH product. CLINICAL.md §1.5: "Never taper by switching to
 * extracts or shots (far more potent; the dose only looks smaller)"; §3: extracts and shots point to medically
 * supported detox. Such a schedule is refused, not only warned about; the clinician is pointed to the prescriber.
 * (A strong form logged during a leaf taper is still only flagged in plan versus actual: that is what happened.)
 */
export const STRONG_FORM_TAPER_REFUSAL =
  'A taper is never built on an extract, shot or 7-OH product: they are far more potent and the dose only looks ' +
  'smaller. Using them is a criterion for medically supported detox: refer the client to a prescriber. Saving ' +
  'is refused.';

/** Whether a taper of this product form is refused (an extract, shot or 7-OH product). */
export const refusedTaperForm = (form: ProductForm): boolean => POTENT_FORMS.includes(form);

export const TaperCreateSchema = z
  .object({
    product: requiredText('Product', 100),
    form: ProductFormSchema,
    dailyGrams: amount('the daily amount'),
    ...plannerFields,
    precisionGrams: amount("the scale's precision"),
    startDate: isoDate('Start date'),
  })
  .superRefine((v, ctx) => {
    checkPlan(v, ctx);
    if (refusedTaperForm(v.form))
      ctx.addIssue({ code: 'custom', path: ['form'], message: STRONG_FORM_TAPER_REFUSAL });
  });
export type TaperCreate = z.infer<typeof TaperCreateSchema>;

/** Holding the step in effect today for `days` more days (1 to 14: two weeks, then the clinician re-plans). */
export const HOLD_DAYS = { min: 1, max: 14 } as const;
export const TaperHoldSchema = z.object({
  days: amount('days to hold')
    .int('Hold for whole days.')
    .min(HOLD_DAYS.min, `Hold for ${HOLD_DAYS.min}–${HOLD_DAYS.max} days.`)
    .max(HOLD_DAYS.max, `Hold for ${HOLD_DAYS.min}–${HOLD_DAYS.max} days.`),
  reason: requiredText('Reason', 1000),
});
export type TaperHold = z.infer<typeof TaperHoldSchema>;

export const TaperRateSchema = z
  .object({ reductionPercent: plannerFields.reductionPercent, daysPerStep: plannerFields.daysPerStep })
  .extend({ reason: requiredText('Reason', 1000) })
  .superRefine((v, ctx) => {
    const problems = taperInputProblems({
      ...v,
      dailyGrams: 1,
      dosesPerDay: 1,
      precisionGrams: 1,
      startDate: '2026-01-01',
    });
    for (const p of problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  });
export type TaperRate = z.infer<typeof TaperRateSchema>;

export const TaperRestartSchema = z.object({
  dailyGrams: amount('the actual daily amount'),
  ...plannerFields,
  reason: requiredText('Reason', 1000),
});
export type TaperRestart = z.infer<typeof TaperRestartSchema>;

export const TaperStepSchema = z.object({
  date: z.string(),
  dailyGrams: z.number(),
  gramsPerDose: z.number(),
});

export const TaperVersionSchema = z.object({
  clientId: z.string(),
  version: z.number().int(),
  change: TaperChangeSchema,
  /** The date the change takes effect (the start date for a new taper). */
  effectiveDate: z.string(),
  product: z.string(),
  form: ProductFormSchema,
  dosesPerDay: z.number().int(),
  reductionPercent: z.number(),
  daysPerStep: z.number().int(),
  precisionGrams: z.number(),
  holdDays: z.number().int().nullable(),
  reason: optionalText('Reason', 1000),
  steps: z.array(TaperStepSchema),
  createdAtMs: z.number().int(),
  createdByName: z.string().nullable(),
});
export type TaperVersion = z.infer<typeof TaperVersionSchema>;

/** The step in effect on `date`: the last one starting on or before it; null before the taper starts. */
export function stepOn(steps: readonly TaperStep[], date: string): TaperStep | null {
  let found: TaperStep | null = null;
  for (const s of steps) if (s.date <= date) found = s;
  return found;
}

/** The date a step ends (the day before the next one), or null for the last step. */
export function stepEnd(steps: readonly TaperStep[], index: number): string | null {
  const next = steps[index + 1];
  return next ? addDaysUtc(next.date, -1) : null;
}

const addDaysUtc = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/**
 * Holding today's step: every later step moves `days` calendar days later; the steps so far stay as they were.
 * Refused (RangeError) before the taper starts and once it has reached zero: there is no step to hold.
 */
export function holdSteps(steps: readonly TaperStep[], today: string, days: number): TaperStep[] {
  const current = stepOn(steps, today);
  if (!current) throw new RangeError('The taper has not started yet: there is no step to hold.');
  if (current.dailyGrams === 0) throw new RangeError('The taper has reached zero: there is no step to hold.');
  return steps.map((s) => (s.date > today ? { ...s, date: addDaysUtc(s.date, days) } : s));
}

/**
 * A new rate from the step in effect today (or the first step, before the taper starts): that step starts again at
 * its own date with the new days per step, and the cuts after it follow the new rate. Earlier steps are kept.
 */
export function replanAtRate(
  steps: readonly TaperStep[],
  today: string,
  settings: Pick<TaperInput, 'dosesPerDay' | 'precisionGrams'> & {
    reductionPercent: number;
    daysPerStep: number;
  },
): TaperStep[] {
  const current = stepOn(steps, today) ?? steps[0];
  if (!current) throw new RangeError('There is no schedule to change.');
  if (current.dailyGrams === 0) throw new RangeError('The taper has reached zero: restart it to plan again.');
  const next = planTaper({ ...settings, dailyGrams: current.dailyGrams, startDate: current.date });
  return [...steps.filter((s) => s.date < current.date), ...next.steps];
}

/** A restart from today's actual amount: the steps before today are kept, a new schedule starts today. */
export function restartFrom(
  steps: readonly TaperStep[],
  today: string,
  settings: Omit<TaperInput, 'startDate'>,
): TaperStep[] {
  const next = planTaper({ ...settings, startDate: today });
  return [...steps.filter((s) => s.date < today), ...next.steps];
}

/** The default days per step when none is chosen yet. */
export const DEFAULT_DAYS_PER_STEP = DAYS_PER_STEP.default;

export interface OtherFormUse {
  form: ProductForm;
  /** What was logged of this form that day, per unit ("0.5 g", "2 bottles"): units are never added together. */
  amounts: { amount: number; unit: DoseUnit }[];
  doses: number;
  /** An extract, shot or 7-OH product: far more potent, never a taper step (CLINICAL.md §1.5). */
  strong: boolean;
}

export interface PlanActualDay {
  date: string;
  /** Grams planned for the day (the step in effect). */
  plannedGrams: number;
  /** Grams of the taper's own product form logged that day; null when nothing at all was logged. */
  loggedGrams: number | null;
  loggedDoses: number;
  /** Logged grams of the taper's form above the plan. */
  overPlan: boolean;
  /** Doses of any other form that day, never added into loggedGrams. */
  otherForms: OtherFormUse[];
  strongForm: boolean;
}

/** The most days plan versus actual shows: the latest quarter of a year, as the use-log chart. */
export const PLAN_ACTUAL_MAX_DAYS = 92;

const dayNumber = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/**
 * Each day from the first step to today (at most the latest PLAN_ACTUAL_MAX_DAYS): the plan beside what was logged.
 * A day with nothing logged is "not logged" (null), not "no use" — the same reading as the baseline (useLog.ts).
 */
export function planVersusActual(
  steps: readonly TaperStep[],
  form: ProductForm,
  entries: readonly Pick<UseLogEntry, 'takenAtMs' | 'amount' | 'unit' | 'form'>[],
  today: string,
): PlanActualDay[] {
  const first = steps[0];
  if (!first || today < first.date) return [];
  const byDay = new Map<string, { grams: number; doses: number; other: Map<ProductForm, OtherFormUse> }>();
  for (const e of entries) {
    const date = doseDate(e.takenAtMs);
    if (date === null) continue;
    const day = byDay.get(date) ?? { grams: 0, doses: 0, other: new Map() };
    if (e.form === form && e.unit === 'g') {
      day.grams += e.amount;
      day.doses += 1;
    } else {
      const o: OtherFormUse = day.other.get(e.form) ?? {
        form: e.form,
        amounts: [],
        doses: 0,
        strong: POTENT_FORMS.includes(e.form),
      };
      const same = o.amounts.find((a) => a.unit === e.unit);
      if (same) same.amount = Math.round((same.amount + e.amount) * 100) / 100;
      else o.amounts.push({ amount: e.amount, unit: e.unit });
      o.doses += 1;
      day.other.set(e.form, o);
    }
    byDay.set(date, day);
  }
  const start = Math.max(dayNumber(first.date), dayNumber(today) - (PLAN_ACTUAL_MAX_DAYS - 1));
  const out: PlanActualDay[] = [];
  for (let n = start; n <= dayNumber(today); n += 1) {
    const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
    const planned = stepOn(steps, date)?.dailyGrams ?? 0;
    const day = byDay.get(date);
    // Only grams of the taper's own form compare with the plan: a day with nothing of it logged (only other forms,
    // or none) is "not logged", never read as at or under plan.
    const loggedGrams = day && day.doses > 0 ? Math.round(day.grams * 100) / 100 : null;
    const otherForms = day ? [...day.other.values()] : [];
    out.push({
      date,
      plannedGrams: planned,
      loggedGrams,
      loggedDoses: day?.doses ?? 0,
      overPlan: loggedGrams !== null && loggedGrams > planned + 1e-9,
      otherForms,
      strongForm: otherForms.some((o) => o.strong),
    });
  }
  return out;
}

/** "Extract 0.5 g (1 dose)": one other form's use on a day, each unit on its own. */
export function describeOtherFormUse(o: OtherFormUse, formLabel: string): string {
  const amounts = o.amounts.map((a) => formatAmount(a.amount, a.unit)).join(' + ');
  return `${o.strong ? 'Strong form: ' : ''}${formLabel} ${amounts} (${o.doses} ${o.doses === 1 ? 'dose' : 'doses'})`;
}
