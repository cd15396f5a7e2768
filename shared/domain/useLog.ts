/** The baseline use log: each dose as it was taken, and the 3–5 day summary a clinician reads from it. */
import { z } from 'zod';
import { localDate, optionalText, requiredText } from './common';
import { ProductFormSchema } from './intake';

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

export const UseLogInputSchema = z.object({
  takenAtMs: z.number({ error: 'Enter when the dose was taken.' }).int(),
  product: requiredText('Product', 100),
  form: ProductFormSchema,
  amountGrams: z
    .number({ error: 'Enter the amount in grams.' })
    .positive('The amount must be more than 0 g.')
    .max(100, 'The amount must be at most 100 g per dose.'),
  trigger: TriggerSchema.nullable(),
  symptomsBetweenDoses: optionalText('Symptoms between doses', 1000),
  note: optionalText('Note', 2000),
});
export type UseLogInput = z.infer<typeof UseLogInputSchema>;

export const UseLogEntrySchema = UseLogInputSchema.extend({
  id: z.string(),
  clientId: z.string(),
  recordedAtMs: z.number().int(),
  recordedBy: z.string(),
});
export type UseLogEntry = z.infer<typeof UseLogEntrySchema>;

export interface DayTotal {
  date: string;
  doses: number;
  grams: number;
}

/** Doses and grams per local calendar day, oldest first, with empty days inside the range filled in. */
export function dailyTotals(entries: readonly Pick<UseLogEntry, 'takenAtMs' | 'amountGrams'>[]): DayTotal[] {
  if (entries.length === 0) return [];
  const byDay = new Map<string, DayTotal>();
  for (const e of entries) {
    const date = localDate(e.takenAtMs);
    const day = byDay.get(date) ?? { date, doses: 0, grams: 0 };
    day.doses += 1;
    day.grams += e.amountGrams;
    byDay.set(date, day);
  }
  const dates = [...byDay.keys()].sort();
  const out: DayTotal[] = [];
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? first;
  for (let d = first; d <= last; d = nextDate(d)) {
    const day = byDay.get(d) ?? { date: d, doses: 0, grams: 0 };
    out.push({ ...day, grams: Math.round(day.grams * 100) / 100 });
  }
  return out;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return next.toISOString().slice(0, 10);
}

export const BASELINE_MIN_DAYS = 3;
export const BASELINE_MAX_DAYS = 5;

export interface BaselineSummary {
  /** Days with doses logged in the baseline window (the first 3–5 such days of the log). */
  days: number;
  complete: boolean;
  meanDosesPerDay: number | null;
  meanGramsPerDay: number | null;
  largestDoseGrams: number | null;
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
  const days = dailyTotals(entries)
    .filter((d) => d.doses > 0)
    .slice(0, BASELINE_MAX_DAYS);
  if (days.length === 0) {
    return {
      days: 0,
      complete: false,
      meanDosesPerDay: null,
      meanGramsPerDay: null,
      largestDoseGrams: null,
      topTriggers: [],
      firstDate: null,
      lastDate: null,
    };
  }
  const window = new Set(days.map((d) => d.date));
  const inWindow = entries.filter((e) => window.has(localDate(e.takenAtMs)));
  const counts = new Map<Trigger, number>();
  for (const e of inWindow) if (e.trigger) counts.set(e.trigger, (counts.get(e.trigger) ?? 0) + 1);
  const topTriggers = [...counts.entries()]
    .map(([trigger, count]) => ({ trigger, count }))
    .sort((a, b) => b.count - a.count || TRIGGERS.indexOf(a.trigger) - TRIGGERS.indexOf(b.trigger))
    .slice(0, 3);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    days: days.length,
    complete: days.length >= BASELINE_MIN_DAYS,
    meanDosesPerDay: round(days.reduce((s, d) => s + d.doses, 0) / days.length),
    meanGramsPerDay: round(days.reduce((s, d) => s + d.grams, 0) / days.length),
    largestDoseGrams: Math.max(...inWindow.map((e) => e.amountGrams)),
    topTriggers,
    firstDate: days[0]?.date ?? null,
    lastDate: days[days.length - 1]?.date ?? null,
  };
}
