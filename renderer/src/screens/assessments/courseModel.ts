/**
 * Where the client is on the expected withdrawal course (shared/domain/withdrawalCourse.ts, CLINICAL.md §1.4), for
 * the course view: the last-dose time the flowsheet knows (the latest rating's, else the intake's), the hours since
 * it now and at each rating, on a square-root time axis so the first hours (onset 6–24 h) are as readable as the
 * weeks after. Pure, tested without a browser.
 */
import { COURSE_HOURS, coursePhase, type CoursePhase } from '../../../../shared/domain/withdrawalCourse';

export interface CourseRating {
  id: string;
  instrument: 'cows' | 'sows';
  atMs: number;
  lastDoseAtMs: number | null;
  total: number;
}

export interface CourseModel {
  lastDoseAtMs: number;
  nowHours: number;
  nowPhase: CoursePhase | null;
  /** The ratings since that last dose, with their hours after it and the phase they fell in. */
  points: Array<CourseRating & { hours: number; phase: CoursePhase | null }>;
  /** The right end of the axis, in hours: at least 14 days, further if a rating or now is later. */
  maxHours: number;
}

const HOUR = 3_600_000;

/** The latest last-dose time recorded with a rating, else the intake's; null when none is known. */
export function lastDoseOf(
  ratings: readonly CourseRating[],
  intakeLastDoseAtMs: number | null,
): number | null {
  const withDose = ratings.filter((r) => r.lastDoseAtMs !== null).sort((a, b) => b.atMs - a.atMs);
  return withDose[0]?.lastDoseAtMs ?? intakeLastDoseAtMs;
}

export function courseModel(
  ratings: readonly CourseRating[],
  intakeLastDoseAtMs: number | null,
  nowMs: number,
): CourseModel | null {
  const lastDoseAtMs = lastDoseOf(ratings, intakeLastDoseAtMs);
  if (lastDoseAtMs === null) return null;
  const nowHours = (nowMs - lastDoseAtMs) / HOUR;
  const points = ratings
    .filter((r) => r.atMs >= lastDoseAtMs)
    .map((r) => {
      const hours = (r.atMs - lastDoseAtMs) / HOUR;
      return { ...r, hours, phase: coursePhase(hours) };
    })
    .sort((a, b) => a.hours - b.hours);
  const maxHours = Math.max(14 * 24, nowHours, ...points.map((p) => p.hours)) * 1.02;
  return { lastDoseAtMs, nowHours, nowPhase: coursePhase(nowHours), points, maxHours };
}

/** The square-root time axis: hours → [0, 1]. */
export const sqrtPosition = (hours: number, maxHours: number): number =>
  Math.sqrt(Math.max(0, Math.min(hours, maxHours)) / maxHours);

/** The shaded spans of the expected course, in hours. */
export const COURSE_SPANS: ReadonlyArray<{
  phase: CoursePhase;
  from: number;
  to: number | null;
  label: string;
}> = [
  { phase: 'onset', from: COURSE_HOURS.onsetFrom, to: COURSE_HOURS.onsetTo, label: 'Onset 6–24 h' },
  { phase: 'peak', from: COURSE_HOURS.onsetTo, to: COURSE_HOURS.peakTo, label: 'Peak days 1–3' },
  { phase: 'acute', from: COURSE_HOURS.peakTo, to: COURSE_HOURS.acuteEndFrom, label: 'Acute' },
  {
    phase: 'resolving',
    from: COURSE_HOURS.acuteEndFrom,
    to: COURSE_HOURS.acuteEndTo,
    label: 'Resolves ~days 5–10',
  },
  { phase: 'post-acute', from: COURSE_HOURS.acuteEndTo, to: null, label: 'Post-acute: weeks–months' },
];

/** "2 days 4 h", "9 h", "3 weeks 2 days". */
export function durationText(hours: number): string {
  if (hours < 0) return 'before the last dose';
  if (hours < 48) return `${Math.floor(hours)} h`;
  const days = Math.floor(hours / 24);
  if (days < 21) {
    const h = Math.floor(hours - days * 24);
    return `${days} days${h > 0 ? ` ${h} h` : ''}`;
  }
  const weeks = Math.floor(days / 7);
  const d = days - weeks * 7;
  return `${weeks} weeks${d > 0 ? ` ${d} ${d === 1 ? 'day' : 'days'}` : ''}`;
}
