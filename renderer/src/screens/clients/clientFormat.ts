/**
 * How client facts read on screen. Date-only values ('YYYY-MM-DD') are formatted as UTC midnight in UTC, so a
 * date of birth never shows as the day before in a time zone west of Greenwich; the words and order follow the
 * clinician's locale.
 */
import { ageOn, isCalendarDate } from '../../../../shared/domain/common';

const dateOnlyFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** '1988-04-17' → "Apr 17, 1988" (en-US) or "17 Apr 1988" (en-GB); anything not a date is shown as it is. */
export function formatDateOnly(iso: string): string {
  if (!isCalendarDate(iso)) return iso;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return dateOnlyFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Whole years on `today`, or null for a date that is not a date of birth (later than today, malformed). */
export function ageInYears(dateOfBirth: string, today: string): number | null {
  if (!isCalendarDate(dateOfBirth) || !isCalendarDate(today) || dateOfBirth > today) return null;
  return ageOn(dateOfBirth, today);
}

const countFormat = new Intl.NumberFormat();

/** "26–50 of 60": the rows a page shows, for the pager and its announcement. */
export function pageRangeText(pageIndex: number, pageSize: number, total: number): string {
  if (total === 0) return '0 of 0';
  const from = pageIndex * pageSize + 1;
  const to = Math.min(total, from + pageSize - 1);
  return `${countFormat.format(from)}–${countFormat.format(to)} of ${countFormat.format(total)}`;
}
