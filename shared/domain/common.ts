/** Field builders shared by the domain schemas: messages a clinician can act on, limits that stop abuse. */
import { z } from 'zod';

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

/** Free text that may be left empty ("" means not recorded). */
export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters.`);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A date-only value, 'YYYY-MM-DD'. */
export const isoDate = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .refine(isCalendarDate, `${label} must be a real date (YYYY-MM-DD).`);

export const optionalPhone = z
  .string()
  .trim()
  .max(40, 'The phone number must be at most 40 characters.')
  .regex(/^$|^[0-9+()./\s-]*\d[0-9+()./\s-]*$/, 'Use digits and + ( ) - . only.');

export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'The email address must be at most 254 characters.')
  .refine((v) => v === '' || z.email().safeParse(v).success, 'This is not an email address.');

/** Today's date in the local time zone of `ms`'s reader, as 'YYYY-MM-DD'. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Epoch ms of the local midnight that starts a 'YYYY-MM-DD' (the first instant of that day in this zone). */
export function localMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** Whole years between a date of birth and a date, both 'YYYY-MM-DD'. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Days from `from` to `to`, both 'YYYY-MM-DD' (calendar days, no time-zone drift). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}
