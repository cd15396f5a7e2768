/**
 * Dates for the chart, in the clinician's locale. Date-only values ('YYYY-MM-DD') are formatted as UTC midnight
 * in UTC, so a date never shifts by a day in time zones west of Greenwich; instants are shown in local time.
 */
import { localDate } from '../../../../shared/domain/common';

const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const weekday = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });

function utcOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** 'YYYY-MM-DD' → "Nov 20, 2026" (locale order), without time-zone drift. */
export const formatDate = (date: string): string => dateOnly.format(utcOf(date));

/** Two 'YYYY-MM-DD' → "Nov 20 – 22, 2026" (the locale's own way of writing a range). */
export const formatDateRange = (from: string, to: string): string =>
  from === to ? formatDate(from) : dateOnly.formatRange(utcOf(from), utcOf(to));

/** 'YYYY-MM-DD' → "Nov 20": axis labels. */
export const formatShortDate = (date: string): string => shortDay.format(utcOf(date));

/** 'YYYY-MM-DD' → "Fri": axis labels. */
export const formatWeekday = (date: string): string => weekday.format(utcOf(date));

/** Today in this computer's time zone. */
export const todayLocal = (): string => localDate(Date.now());

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the value of a `datetime-local` input ("2026-11-20T08:30"), in local time. */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  return `${localDate(ms)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value → epoch ms in local time; null when empty or not a date-time. */
export function fromDateTimeLocal(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const ms = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0)).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** Now, to the minute (what a `datetime-local` input shows). */
export const nowToTheMinute = (): number => Math.floor(Date.now() / 60_000) * 60_000;

const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
/** Epoch ms → "8:30 AM". */
export const formatTime = (ms: number): string => time.format(ms);
