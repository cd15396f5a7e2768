/**
 * Vital signs taken with a withdrawal rating (issue 10; seed 003: clonidine lowers blood pressure, so pressure is
 * checked with each rating). Each value may be left empty; one that is given must be in a physiologically possible
 * range, or it is refused beside its field — a typo such as 1200 for 120 must never reach the chart. The database
 * holds the same ranges as CHECK constraints (migration 0350).
 */
import { z } from 'zod';

export const VITAL_RANGES = {
  systolic: { min: 50, max: 260, unit: 'mmHg', label: 'Systolic blood pressure' },
  diastolic: { min: 20, max: 160, unit: 'mmHg', label: 'Diastolic blood pressure' },
  heartRate: { min: 20, max: 250, unit: 'beats/min', label: 'Heart rate' },
  temperatureC: { min: 30, max: 43, unit: '°C', label: 'Temperature' },
} as const;
export type VitalId = keyof typeof VITAL_RANGES;

const vital = (id: VitalId, integer: boolean) => {
  const r = VITAL_RANGES[id];
  const base = z.number({ error: `${r.label} must be a number.` });
  return (integer ? base.int(`${r.label} must be a whole number.`) : base)
    .min(r.min, `${r.label} must be between ${r.min} and ${r.max} ${r.unit}.`)
    .max(r.max, `${r.label} must be between ${r.min} and ${r.max} ${r.unit}.`)
    .nullable();
};

export const VitalsSchema = z
  .object({
    systolic: vital('systolic', true),
    diastolic: vital('diastolic', true),
    heartRate: vital('heartRate', true),
    temperatureC: vital('temperatureC', false),
  })
  .superRefine((v, ctx) => {
    if ((v.systolic === null) !== (v.diastolic === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.systolic === null ? 'systolic' : 'diastolic'],
        message: 'Enter both blood pressure numbers (systolic and diastolic).',
      });
    } else if (v.systolic !== null && v.diastolic !== null && v.diastolic >= v.systolic) {
      ctx.addIssue({
        code: 'custom',
        path: ['diastolic'],
        message: 'The diastolic pressure must be lower than the systolic.',
      });
    }
  });
export type Vitals = z.infer<typeof VitalsSchema>;

export const NO_VITALS: Vitals = { systolic: null, diastolic: null, heartRate: null, temperatureC: null };

export const hasVitals = (v: Vitals | null | undefined): boolean =>
  !!v && (v.systolic !== null || v.heartRate !== null || v.temperatureC !== null);

/** "118/76 · HR 88 · 37.2 °C", the parts that were taken. */
export function vitalsText(v: Vitals | null | undefined): string {
  if (!v) return '';
  const parts: string[] = [];
  if (v.systolic !== null && v.diastolic !== null) parts.push(`BP ${v.systolic}/${v.diastolic}`);
  if (v.heartRate !== null) parts.push(`HR ${v.heartRate}`);
  if (v.temperatureC !== null) parts.push(`${v.temperatureC.toFixed(1)} °C`);
  return parts.join(' · ');
}

/**
 * Low blood pressure to point out (systolic below 90 or diastolic below 60), the usual threshold for hypotension;
 * shown beside the reading when the client takes clonidine or lofexidine (CLINICAL.md §1.6, seed 003).
 */
export const isLowBloodPressure = (v: Vitals | null | undefined): boolean =>
  !!v && v.systolic !== null && v.diastolic !== null && (v.systolic < 90 || v.diastolic < 60);
