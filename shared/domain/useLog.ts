/** The baseline use log: each dose as it was taken, and the 3–5 day summary a clinician reads from it. */
import { z } from 'zod';
import { isCalendarDate, localDate, optionalText, requiredText } from './common';
import { POTENT_FORMS, ProductFormSchema, type ProductForm } from './intake';

export const TRIGGERS = [
  'stress',
  'pain',
  'craving',
  'withdrawal',
  'social',
  'boredom',
  'fatigue',
  'sleep',
  'work',
  'habit',
  'other',
] as const;
export const TriggerSchema = z.enum(TRIGGERS);
export type Trigger = z.infer<typeof TriggerSchema>;
export const TRIGGER_LABELS: Record<Trigger, string> = {
  stress: 'Stress',
  pain: 'Pain',
  craving: 'Craving',
  withdrawal: 'Withdrawal symptoms',
  social: 'Social',
  boredom: 'Boredom',
  fatigue: 'Fatigue',
  sleep: 'Sleep',
  work: 'Work break',
  habit: 'Habit or routine',
  other: 'Other',
};

/**
 * How a dose is measured. Leaf, powder and capsules are weighed in grams; a liquid shot or extract is often known
 * only by its volume or as a count of bottles, so those forms may be logged that way too (issue 8 item 2: a
 * clinician entered 0.03 g to get a 7-OH shot past a grams-only field).
 */
export const DOSE_UNITS = ['g', 'ml', 'bottles'] as const;
export const DoseUnitSchema = z.enum(DOSE_UNITS);
export type DoseUnit = z.infer<typeof DoseUnitSchema>;
export const DOSE_UNIT_LABELS: Record<DoseUnit, string> = {
  g: 'grams',
  ml: 'millilitres',
  bottles: 'bottles',
};
/** Forms that may be logged in millilitres or bottles as well as grams: the liquid, potent ones. */
export const LIQUID_FORMS: readonly ProductForm[] = ['extract', 'shot', '7-oh-product'];
/** The most of each unit one dose may be (the database checks the same 100 ceiling). */
export const DOSE_UNIT_MAX: Record<DoseUnit, number> = { g: 100, ml: 100, bottles: 10 };

/** "3.5 g", "30 ml", "1 bottle", "2 bottles". */
export function formatAmount(amount: number, unit: DoseUnit): string {
  const n = Math.round(amount * 100) / 100;
  if (unit === 'bottles') return `${n} ${n === 1 ? 'bottle' : 'bottles'}`;
  return `${n} ${unit}`;
}

export const UseLogInputSchema = z
  .object({
    takenAtMs: z.number({ error: 'Enter when the dose was taken.' }).int(),
    product: requiredText('Product', 100),
    form: ProductFormSchema,
    amount: z.number({ error: 'Enter the amount as a number.' }).positive('The amount must be more than 0.'),
    unit: DoseUnitSchema,
    trigger: TriggerSchema.nullable(),
    symptomsBetweenDoses: optionalText('Symptoms between doses', 1000),
    note: optionalText('Note', 2000),
  })
  .superRefine((e, ctx) => {
    if (e.unit !== 'g' && !LIQUID_FORMS.includes(e.form)) {
      ctx.addIssue({
        code: 'custom',
        path: ['unit'],
        message:
          'Leaf, powder and capsules are logged in grams; millilitres and bottles are for shots and extracts.',
      });
    }
    if (e.amount > DOSE_UNIT_MAX[e.unit]) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `The amount must be at most ${formatAmount(DOSE_UNIT_MAX[e.unit], e.unit)} per dose.`,
      });
    }
  });
export type UseLogInput = z.infer<typeof UseLogInputSchema>;

export const UseLogEntrySchema = UseLogInputSchema.safeExtend({
  id: z.string(),
  clientId: z.string(),
  recordedAtMs: z.number().int(),
  recordedBy: z.string(),
});
export type UseLogEntry = z.infer<typeof UseLogEntrySchema>;

export interface DayTotal {
  date: string;
  /** Every dose of the day, whatever its form: how often predicts withdrawal better than how much. */
  doses: number;
  /** Grams of leaf, powder and capsules only: strong forms are never added in (see FORM_GROUPS). */
  grams: number;
}

/**
 * Policy (CLINICAL.md §1.5 and §3, issue 8 item 2): extracts, shots and 7-OH products are far more potent than
 * leaf, so "the dose only looks smaller" — their grams are never added to leaf grams, and each form is reported
 * on its own. 'other' is unknown strength: reported apart, never added to leaf grams either.
 */
export const FORM_GROUPS = ['leaf', 'extract', 'shot', '7-oh-product', 'other'] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];
export const FORM_GROUP_LABELS: Record<FormGroup, string> = {
  leaf: 'Leaf, powder or capsules',
  extract: 'Extracts',
  shot: 'Shots',
  '7-oh-product': '7-OH products',
  other: 'Other products',
};
export function formGroup(form: ProductForm): FormGroup {
  return form === 'leaf-powder' || form === 'capsules' ? 'leaf' : form;
}
/** Whether a logged dose adds to the leaf grams a day: leaf or capsules weighed in grams. */
const isLeafGrams = (e: Pick<UseLogEntry, 'form' | 'unit'>) => formGroup(e.form) === 'leaf' && e.unit === 'g';

/**
 * How far back a dose time may go, in years. The baseline log records 3–5 days as they happen, and a paper diary
 * brought in late is weeks old, not years: a dose dated earlier is almost always a mistyped year. Intake's last
 * dose uses the same bound, since it times withdrawal and induction, which a dose years ago does not.
 */
export const DOSE_LOOKBACK_YEARS = 2;

/**
 * Why a dose time cannot be right, or null: before the client was born, or further back than the log reaches.
 * `what` names the time in the message ("A dose", "The last dose"). The future is checked by the caller, which
 * knows the allowed clock difference.
 */
export function doseTimeTooEarly(
  takenAtMs: number,
  nowMs: number,
  dateOfBirth: string,
  what: string,
): string | null {
  // Local midnights: a dose on the day of birth, or exactly two years ago today, is allowed.
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  if (takenAtMs < new Date(y, m - 1, d).getTime()) {
    return `${what} cannot be before the client's date of birth: check the year.`;
  }
  const now = new Date(nowMs);
  if (
    takenAtMs < new Date(now.getFullYear() - DOSE_LOOKBACK_YEARS, now.getMonth(), now.getDate()).getTime()
  ) {
    return `${what} must be within the past ${DOSE_LOOKBACK_YEARS} years: check the year.`;
  }
  return null;
}

/**
 * The local calendar day of a dose, or null for a time that cannot be read as a four-digit-year date (a row saved
 * before dose times were checked). Such rows stay in the table, to be corrected, but out of totals and charts.
 */
export function doseDate(takenAtMs: number): string | null {
  if (!Number.isFinite(new Date(takenAtMs).getTime())) return null;
  const date = localDate(takenAtMs);
  return isCalendarDate(date) ? date : null;
}

/** The most days the per-day chart shows: a quarter of a year, ending at the latest logged day. */
export const CHART_MAX_DAYS = 92;

const DAY_MS = 86_400_000;
/** A 'YYYY-MM-DD' as UTC midnight: calendar days one DAY_MS apart, whatever the local daylight-saving rules. */
const utcDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const dateOfUtcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Doses (all forms) and leaf grams per local calendar day, oldest first, with empty days inside the range filled in. At most
 * `maxDays` days, the latest ones, so one mistyped year can never build a decades-long array; doses whose time
 * cannot be read as a date are left out (see doseDate).
 */
export function dailyTotals(
  entries: readonly Pick<UseLogEntry, 'takenAtMs' | 'amount' | 'unit' | 'form'>[],
  maxDays: number = CHART_MAX_DAYS,
): DayTotal[] {
  const byDay = new Map<number, DayTotal>();
  for (const e of entries) {
    const date = doseDate(e.takenAtMs);
    if (date === null) continue;
    const key = utcDay(date);
    const day = byDay.get(key) ?? { date, doses: 0, grams: 0 };
    day.doses += 1;
    if (isLeafGrams(e)) day.grams += e.amount;
    byDay.set(key, day);
  }
  if (byDay.size === 0) return [];
  const keys = [...byDay.keys()];
  const last = Math.max(...keys);
  const first = Math.max(Math.min(...keys), last - (Math.max(1, maxDays) - 1) * DAY_MS);
  const out: DayTotal[] = [];
  for (let key = first; key <= last; key += DAY_MS) {
    const day = byDay.get(key) ?? { date: dateOfUtcDay(key), doses: 0, grams: 0 };
    out.push({ ...day, grams: Math.round(day.grams * 100) / 100 });
  }
  return out;
}

export const BASELINE_MIN_DAYS = 3;
export const BASELINE_MAX_DAYS = 5;

/** One form group's use over the baseline days: doses a day and, per unit it was logged in, amount a day. */
export interface FormUse {
  group: FormGroup;
  dosesPerDay: number;
  amountsPerDay: Array<{ unit: DoseUnit; amount: number }>;
}

export interface BaselineSummary {
  /** Days with doses logged in the baseline window (the first 3–5 such days of the log). */
  days: number;
  complete: boolean;
  /** All doses, whatever the form. */
  meanDosesPerDay: number | null;
  /** Leaf, powder and capsule grams only; strong forms are in `byForm`, never added here. */
  meanGramsPerDay: number | null;
  /** The largest leaf, powder or capsule dose in grams; null when none was logged in grams. */
  largestDoseGrams: number | null;
  /** Use per form group over the baseline days, in FORM_GROUPS order; groups not logged are left out. */
  byForm: FormUse[];
  /** Strong forms (extract, shot, 7-OH product) found anywhere in the log, not only in the baseline window. */
  strongFormsLogged: ProductForm[];
  topTriggers: Array<{ trigger: Trigger; count: number }>;
  firstDate: string | null;
  lastDate: string | null;
}
/**
 * The baseline: the first days of the log that have doses logged, up to five; complete once three such days are
 * logged. A calendar day with no entries is read as "not logged", not as "no use": a person dependent on kratom
 * rarely has a day without a dose, and averaging in forgotten days would understate use.
 */
export function baselineSummary(entries: readonly UseLogEntry[]): BaselineSummary {
  const days = loggedDays(entries).slice(0, BASELINE_MAX_DAYS);
  if (days.length === 0) {
    return {
      days: 0,
      complete: false,
      meanDosesPerDay: null,
      meanGramsPerDay: null,
      largestDoseGrams: null,
      byForm: [],
      strongFormsLogged: strongForms(entries),
      topTriggers: [],
      firstDate: null,
      lastDate: null,
    };
  }
  const window = new Set(days.map((d) => d.date));
  const inWindow = entries.filter((e) => window.has(doseDate(e.takenAtMs) ?? ''));
  const counts = new Map<Trigger, number>();
  for (const e of inWindow) if (e.trigger) counts.set(e.trigger, (counts.get(e.trigger) ?? 0) + 1);
  const topTriggers = [...counts.entries()]
    .map(([trigger, count]) => ({ trigger, count }))
    .sort((a, b) => b.count - a.count || TRIGGERS.indexOf(a.trigger) - TRIGGERS.indexOf(b.trigger))
    .slice(0, 3);
  const round = (n: number) => Math.round(n * 10) / 10;
  const leafDoses = inWindow.filter(isLeafGrams);
  return {
    days: days.length,
    complete: days.length >= BASELINE_MIN_DAYS,
    meanDosesPerDay: round(days.reduce((s, d) => s + d.doses, 0) / days.length),
    meanGramsPerDay: round(days.reduce((s, d) => s + d.grams, 0) / days.length),
    largestDoseGrams: leafDoses.length > 0 ? Math.max(...leafDoses.map((e) => e.amount)) : null,
    byForm: FORM_GROUPS.flatMap((group) => {
      const ofGroup = inWindow.filter((e) => formGroup(e.form) === group);
      if (ofGroup.length === 0) return [];
      const amountsPerDay = DOSE_UNITS.flatMap((unit) => {
        const sum = ofGroup.filter((e) => e.unit === unit).reduce((s, e) => s + e.amount, 0);
        return sum > 0 ? [{ unit, amount: round(sum / days.length) }] : [];
      });
      return [{ group, dosesPerDay: round(ofGroup.length / days.length), amountsPerDay }];
    }),
    strongFormsLogged: strongForms(entries),
    topTriggers,
    firstDate: days[0]?.date ?? null,
    lastDate: days[days.length - 1]?.date ?? null,
  };
}

/** The days that have doses logged, oldest first, however far apart (no empty days filled in). */
function loggedDays(entries: readonly UseLogEntry[]): DayTotal[] {
  const byDay = new Map<string, DayTotal>();
  for (const e of entries) {
    const date = doseDate(e.takenAtMs);
    if (date === null) continue;
    const day = byDay.get(date) ?? { date, doses: 0, grams: 0 };
    day.doses += 1;
    if (isLeafGrams(e)) day.grams += e.amount;
    byDay.set(date, day);
  }
  // Four-digit years only (doseDate), so the dates sort as text.
  return [...byDay.values()]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((d) => ({ ...d, grams: Math.round(d.grams * 100) / 100 }));
}

/** The strong forms (CLINICAL.md §3: extracts, shots, 7-OH products) logged anywhere, in PRODUCT_FORMS order. */
export function strongForms(entries: readonly Pick<UseLogEntry, 'form'>[]): ProductForm[] {
  return POTENT_FORMS.filter((f) => entries.some((e) => e.form === f));
}

/**
 * The amounts of some doses, summed per form group and unit and never across them: "Leaf, powder or capsules
 * 6 g; Shots 2 bottles". Empty for no doses.
 */
export function amountsByFormText(entries: readonly Pick<UseLogEntry, 'form' | 'amount' | 'unit'>[]): string {
  return FORM_GROUPS.flatMap((group) => {
    const ofGroup = entries.filter((e) => formGroup(e.form) === group);
    const amounts = DOSE_UNITS.flatMap((unit) => {
      const sum = ofGroup.filter((e) => e.unit === unit).reduce((s, e) => s + e.amount, 0);
      return sum > 0 ? [formatAmount(sum, unit)] : [];
    });
    return amounts.length > 0 ? [`${FORM_GROUP_LABELS[group]} ${amounts.join(' + ')}`] : [];
  }).join('; ');
}
