/**
 * The practice's outcome figures for a period and (optionally) one clinician (issue 15, items 3 and 5). The figures
 * are counts computed in SQL; `outcomeTable` turns them into the rows a funder or board sees, with small cells
 * suppressed (suppression.ts). The same rows feed the CSV and the PDF, so the two can never disagree.
 *
 * Definitions (printed with the figures). Every figure counts episodes of care (shared/domain/episode.ts): a client
 * discharged and re-admitted starts a new episode on the re-admission date; each episode has its own admission,
 * discharge, clinician and scores (a first episode also holds scores taken before the admission date), and the
 * episodes a re-admission closed are kept (migration 0850), so a closed period's figures do not change afterwards.
 * - in care: clients with an episode admitted on or before the period's end and not discharged before its start
 *   (each client once); admissions, retention and response count episodes;
 * - retention at N days: of clients admitted in the period at least N days ago, those not discharged within N days
 *   of admission, a completed treatment counting as retained;
 * - measured on schedule: of clients in care at the period's end, those with a PHQ-9 and a GAD-7 in its last 30 days;
 * - PHQ-9 / GAD-7 response and remission: of clients in care with two or more scores of the episode by the period's
 *   end and a first score of the episode of 10 or more, those whose latest is at least 50 % lower (response) or
 *   under 5 (remission);
 * - COWS peak: each client's highest COWS in the period; the median across clients.
 */
import { z } from 'zod';
import { DISCHARGE_TYPES, DISCHARGE_TYPE_LABELS } from './clients';
import { isoDate } from './common';
import { isSmall, suppressCount, suppressGroup, suppressRate } from './suppression';

export const OutcomeQuerySchema = z
  .object({ from: isoDate('From'), to: isoDate('To'), clinicianId: z.string().max(64).nullable() })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The period ends before it starts.' });
export type OutcomeQuery = z.infer<typeof OutcomeQuerySchema>;

const Rate = z.object({ eligible: z.number().int(), count: z.number().int() });
const Response = z.object({
  eligible: z.number().int(),
  response: z.number().int(),
  remission: z.number().int(),
});

export const OutcomeFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  clinicianName: z.string().nullable(),
  clientsInCare: z.number().int(),
  admissions: z.number().int(),
  discharges: z.object(
    Object.fromEntries(DISCHARGE_TYPES.map((t) => [t, z.number().int()])) as {
      [K in (typeof DISCHARGE_TYPES)[number]]: z.ZodNumber;
    },
  ),
  retention30: Rate,
  retention90: Rate,
  measuredOnSchedule: Rate,
  phq9: Response,
  gad7: Response,
  cowsPeak: z.object({ clients: z.number().int(), median: z.number().nullable() }),
});
export type OutcomeFigures = z.infer<typeof OutcomeFiguresSchema>;

/** The definitions printed with the figures (the PDF and the page). */
export const OUTCOME_DEFINITIONS: readonly string[] = [
  'Episode of care: a client discharged and admitted again starts a new episode on the date of re-admission. Each episode is counted with its own admission, discharge, clinician and scores; its first score is the one later scores are compared with. Admissions, retention and response count episodes.',
  'In care: clients with an episode admitted on or before the end of the period and not discharged before its start, each client once.',
  'Retention at 30 or 90 days: of the episodes admitted in the period at least that long ago, those not discharged within that many days of admission; a completed treatment counts as retained.',
  'Measured on schedule: of the clients in care at the end of the period, those with both a PHQ-9 and a GAD-7 in its last 30 days.',
  'Response and remission: of the episodes in care with a first PHQ-9 (or GAD-7) of 10 or more and a later score by the end of the period, those whose latest score is at least 50 % lower (response) or under 5 (remission).',
  'Discharges: the discharge that ended each episode; a correction recorded with a signed discharge summary stands for the discharge it corrects.',
  'COWS peak: each client’s highest COWS score in the period; the median across those clients.',
];

export interface OutcomeRow {
  section: string;
  measure: string;
  /** The figure as printed: a count, a percentage, a median, or "suppressed (1–10)". */
  value: string;
}

export const SUPPRESSED = 'suppressed (1–10)';

const count = (n: number | null) => (n === null ? SUPPRESSED : String(n));
const percent = (r: number | null, eligible: number) =>
  r === null ? (eligible === 0 ? 'no eligible clients' : SUPPRESSED) : `${Math.round(r * 1000) / 10} %`;

/** The figures as rows for export, every count of 1–10 suppressed and no suppressed cell recoverable. */
export function outcomeTable(f: OutcomeFigures): OutcomeRow[] {
  const discharges = DISCHARGE_TYPES.map((t) => f.discharges[t]);
  const d = suppressGroup(
    discharges.reduce((a, b) => a + b, 0),
    discharges,
  );
  const rate = (section: string, measure: string, r: { eligible: number; count: number }): OutcomeRow[] => [
    { section, measure: `${measure}: clients counted`, value: count(suppressCount(r.eligible)) },
    { section, measure, value: percent(suppressRate(r.count, r.eligible), r.eligible) },
  ];
  const response = (name: string, r: OutcomeFigures['phq9']): OutcomeRow[] => [
    {
      section: name,
      measure: 'Clients with a first score of 10 or more and a later score',
      value: count(suppressCount(r.eligible)),
    },
    {
      section: name,
      measure: 'Response (50 % or more lower)',
      value: percent(suppressRate(r.response, r.eligible), r.eligible),
    },
    {
      section: name,
      measure: 'Remission (under 5)',
      value: percent(suppressRate(r.remission, r.eligible), r.eligible),
    },
  ];
  return [
    { section: 'Period', measure: 'From', value: f.from },
    { section: 'Period', measure: 'To', value: f.to },
    { section: 'Period', measure: 'Clinician', value: f.clinicianName ?? 'All clinicians' },
    { section: 'Caseload', measure: 'Clients in care', value: count(suppressCount(f.clientsInCare)) },
    { section: 'Caseload', measure: 'Admissions', value: count(suppressCount(f.admissions)) },
    { section: 'Discharges', measure: 'All discharges', value: count(d.total) },
    ...DISCHARGE_TYPES.map((t, i) => ({
      section: 'Discharges',
      measure: DISCHARGE_TYPE_LABELS[t],
      value: count(d.parts[i] ?? null),
    })),
    ...rate('Retention', 'Retained at 30 days', f.retention30),
    ...rate('Retention', 'Retained at 90 days', f.retention90),
    ...rate(
      'Measurement',
      'Measured on schedule (PHQ-9 and GAD-7 in the last 30 days)',
      f.measuredOnSchedule,
    ),
    ...response('PHQ-9', f.phq9),
    ...response('GAD-7', f.gad7),
    {
      section: 'Withdrawal',
      measure: 'Clients with a COWS in the period',
      value: count(suppressCount(f.cowsPeak.clients)),
    },
    {
      section: 'Withdrawal',
      measure: 'Median COWS peak',
      value:
        f.cowsPeak.median === null
          ? 'no COWS in the period'
          : isSmall(f.cowsPeak.clients)
            ? SUPPRESSED
            : String(f.cowsPeak.median),
    },
  ];
}

/** RFC 4180 CSV of the rows, with a header; every field quoted. */
export function outcomeCsv(rows: readonly OutcomeRow[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [['Section', 'Measure', 'Value'], ...rows.map((r) => [r.section, r.measure, r.value])]
    .map((r) => r.map(q).join(','))
    .join('\r\n')
    .concat('\r\n');
}
