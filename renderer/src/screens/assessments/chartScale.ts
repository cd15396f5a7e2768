/**
 * Scales and ticks for the hand-drawn SVG charts of scores over time. Pure, so the geometry is tested without a
 * browser. Time ticks fall on round local clock times (whole hours, midnight), because a clinician reads "2 PM"
 * faster than an evenly spaced but odd 1:47 PM.
 */
import type { Band } from '../../../../shared/instruments';

/** Maps [d0, d1] onto [r0, r1]; a zero-width domain maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (v: number): number => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The time span to draw for these instants: a little padding either side so the first and last points are not
 * on the axes, and at least two hours so a single rating still has a readable axis.
 */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) return [0, 1];
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = Math.max(max - min, 2 * HOUR);
  const pad = span * 0.06;
  const mid = (min + max) / 2;
  return max - min >= 2 * HOUR ? [min - pad, max + pad] : [mid - span / 2 - pad, mid + span / 2 + pad];
}

const STEPS_MIN = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];

/** Round local clock times between start and end, no more than `maxTicks` of them. */
export function timeTicks(start: number, end: number, maxTicks = 8): number[] {
  if (!(end > start)) return [];
  const stepMin =
    STEPS_MIN.find((s) => (end - start) / (s * 60_000) <= maxTicks) ?? STEPS_MIN[STEPS_MIN.length - 1] ?? 1;
  const d = new Date(start);
  d.setSeconds(0, 0);
  if (stepMin < 60) {
    d.setMinutes(Math.ceil(d.getMinutes() / stepMin) * stepMin);
  } else if (stepMin < 1440) {
    const hours = stepMin / 60;
    d.setMinutes(0);
    if (d.getTime() < start) d.setHours(d.getHours() + 1);
    while (d.getHours() % hours !== 0) d.setHours(d.getHours() + 1);
  } else {
    d.setHours(0, 0);
    if (d.getTime() < start) d.setDate(d.getDate() + 1);
  }
  const ticks: number[] = [];
  // Stepping through the calendar (not by adding milliseconds) keeps ticks on the clock across a DST change.
  while (d.getTime() <= end && ticks.length <= maxTicks * 2) {
    ticks.push(d.getTime());
    if (stepMin < 1440) d.setMinutes(d.getMinutes() + stepMin);
    else d.setDate(d.getDate() + stepMin / 1440);
  }
  return ticks;
}

/** Whether the ticks need their date as well as their time (the span crosses midnight or is days long). */
export function ticksSpanDays(ticks: readonly number[]): boolean {
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  if (first === undefined || last === undefined) return false;
  return new Date(first).toDateString() !== new Date(last).toDateString() || last - first >= DAY;
}

/**
 * Value ticks from 0 to `max` (a scale's top, always labelled): equal divisions of the scale when it divides into
 * about `count` whole steps (COWS 48 → 12s, SOWS 64 → 16s), otherwise round steps (1, 2 or 5 × 10ⁿ) plus the top.
 */
export function valueTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const divisions = [count, count + 1, count - 1, count + 2, 3].find(
    (c) => c > 1 && Number.isInteger(max / c),
  );
  if (divisions !== undefined) return Array.from({ length: divisions + 1 }, (_, i) => (max / divisions) * i);
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? max;
  const ticks: number[] = [];
  // Stop a step short of the top when the last round tick would crowd its label.
  for (let t = 0; t <= max - step / 2; t += step) ticks.push(Math.round(t * 1000) / 1000);
  ticks.push(max);
  return ticks;
}

/** The totals at which a new band starts (every band's lower edge but the first); lines go half a point below. */
export function bandEdges(bands: readonly Band[]): number[] {
  return bands.slice(1).map((b) => b.min);
}

export interface BandArea {
  id: Band['id'];
  label: string;
  /** The totals the band covers, inclusive (for its label). */
  min: number;
  max: number;
  /**
   * Where to shade, in score units: half a point beyond each end, so an integer total on a band edge (13 on
   * COWS) is drawn inside its own band (moderate) rather than on the line between two.
   */
  from: number;
  to: number;
}

/** Bands as areas to shade, clipped to [0, top]. Bands below `fromMin` (COWS "below threshold") stay unshaded. */
export function bandAreas(bands: readonly Band[], top: number, fromMin = 0): BandArea[] {
  return bands
    .filter((b) => b.min >= fromMin && b.min <= top)
    .map((b) => ({
      id: b.id,
      label: b.label,
      min: b.min,
      max: b.max,
      from: b.min - 0.5,
      to: Math.min(b.max + 0.5, top),
    }));
}
