/**
 * The one time zone of an e2e file. The harness runs main's code in the test's own process and `openApp` gives the
 * browser that process's zone, as in the app, where main and the renderer share a computer. vitest.config.mts picks
 * the zone for the whole run (a fixed-offset zone where it is about noon at the start, so no test crosses local
 * midnight or a clock change); CLEARLEAF_E2E_TZ overrides it to try a test at another hour.
 */
import { localDate } from '../../../shared/domain/common';

export const TZ = process.env.TZ ?? 'Etc/UTC';

export const DAY = 86_400_000;

/** The calendar day of an instant in the shared zone, as 'YYYY-MM-DD'. */
export const dayOf = (ms: number): string => localDate(ms);

/**
 * The calendar day `n` days before today, as 'YYYY-MM-DD': counted in calendar days, so a daylight-saving change in
 * between never makes it one day off (n × 24 h before 23:30 after the autumn change is the wrong day).
 */
export function daysAgo(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return dayOf(d.getTime());
}

/** The instant of a local date ('YYYY-MM-DD') and time ('HH:MM') in the shared zone. */
export function localMs(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, mi).getTime();
}
