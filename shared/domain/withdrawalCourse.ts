/**
 * Where a client is on the expected course of kratom withdrawal, from the time of the last dose (CLINICAL.md §1.4):
 * withdrawal usually starts 6–24 h after the last dose, peaks on days 1–3, the acute phase resolves in about 5–10
 * days, and post-acute symptoms (PAWS: mood swings, anxiety, sleep problems, cravings) can last weeks to months.
 * These are typical ranges, not a prediction: the course view shows them beside the client's own ratings.
 */
import { z } from 'zod';
import { isCalendarDate, optionalText } from './common';

export const COURSE_PHASES = ['before-onset', 'onset', 'peak', 'acute', 'resolving', 'post-acute'] as const;
export type CoursePhase = (typeof COURSE_PHASES)[number];

/** Hour boundaries of the expected course (CLINICAL.md §1.4). */
export const COURSE_HOURS = {
  onsetFrom: 6,
  onsetTo: 24,
  peakTo: 72,
  acuteEndFrom: 5 * 24,
  acuteEndTo: 10 * 24,
} as const;

export const COURSE_PHASE_LABELS: Record<CoursePhase, string> = {
  'before-onset': 'Before the usual onset (withdrawal usually starts 6–24 h after the last dose)',
  onset: 'Usual onset window (6–24 h after the last dose)',
  peak: 'Usual peak (days 1–3)',
  acute: 'Acute phase (usually resolves in about 5–10 days)',
  resolving: 'Acute phase usually resolving (days 5–10)',
  'post-acute': 'After the acute phase: post-acute symptoms can last weeks to months',
};

/** The phase of the expected course at `hours` after the last dose; null for a time before it. */
export function coursePhase(hours: number): CoursePhase | null {
  if (!Number.isFinite(hours) || hours < 0) return null;
  if (hours < COURSE_HOURS.onsetFrom) return 'before-onset';
  if (hours < COURSE_HOURS.onsetTo) return 'onset';
  if (hours < COURSE_HOURS.peakTo) return 'peak';
  if (hours < COURSE_HOURS.acuteEndFrom) return 'acute';
  if (hours < COURSE_HOURS.acuteEndTo) return 'resolving';
  return 'post-acute';
}

/** Post-acute check-ins, each 0–10 (0 = none/very poor is not implied: the labels say which end is which). */
export const PAWS_MEASURES = ['sleep', 'mood', 'craving', 'energy'] as const;
export type PawsMeasure = (typeof PAWS_MEASURES)[number];
export const PAWS_LABELS: Record<PawsMeasure, { label: string; low: string; high: string }> = {
  sleep: { label: 'Sleep', low: '0 very poor', high: '10 very good' },
  mood: { label: 'Mood', low: '0 very low', high: '10 very good' },
  craving: { label: 'Craving', low: '0 none', high: '10 extreme' },
  energy: { label: 'Energy', low: '0 none', high: '10 full' },
};

const score = (label: string) =>
  z
    .number({ error: `${label} must be a number from 0 to 10.` })
    .int(`${label} must be a whole number from 0 to 10.`)
    .min(0, `${label} must be from 0 to 10.`)
    .max(10, `${label} must be from 0 to 10.`);

export const PawsCheckinInputSchema = z.object({
  checkinDate: z
    .string({ error: 'Date is required.' })
    .trim()
    .refine(isCalendarDate, 'Date must be a real date (YYYY-MM-DD).'),
  sleep: score('Sleep'),
  mood: score('Mood'),
  craving: score('Craving'),
  energy: score('Energy'),
  note: optionalText('Note', 2000),
});
export type PawsCheckinInput = z.infer<typeof PawsCheckinInputSchema>;

export const PawsCheckinSchema = PawsCheckinInputSchema.extend({
  id: z.string(),
  clientId: z.string(),
  recordedAtMs: z.number().int(),
  recordedByName: z.string().nullable(),
});
export type PawsCheckin = z.infer<typeof PawsCheckinSchema>;
