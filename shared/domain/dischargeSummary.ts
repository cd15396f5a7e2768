/**
 * The discharge summary (CLINICAL.md §5): admission, last service and discharge dates; how the client left care;
 * presenting problem; services provided; progress on each treatment-plan goal; condition at discharge with the first
 * and latest score of each instrument; diagnoses with severity and remission; level of care and the dimension
 * ratings used; medications at discharge; recommendations, referrals and the aftercare plan; the reason any element
 * could not be completed; a dated signature with credentials.
 *
 * A summary holds two parts. `facts` are read from the record by main (electron/discharge/prefill.ts) and refreshed
 * until signing, so a summary never disagrees with the chart it summarises; `written` is the clinician's. Signing
 * checks `dischargeSummaryProblems`: an element the record cannot fill needs the reason in `incompleteReason`.
 */
import { z } from 'zod';
import { DischargeTypeSchema, type DischargeType } from './clients';
import { addDays } from '../taper';
import { daysBetween, isCalendarDate, optionalText } from './common';

const Text = (label: string, max: number) => optionalText(label, max);
const Count = z.number().int().min(0);

export const InstrumentTrendPointSchema = z.object({
  on: z.string(),
  total: z.number().int().nullable(),
  band: z.string(),
});

export const DischargeFactsSchema = z.object({
  admissionDate: z.string(),
  lastServiceOn: z.string().nullable(),
  /** The discharge already recorded for the client (Edit details), or null while they are active or on hold. */
  recordedDischarge: z.object({ dischargedOn: z.string(), type: DischargeTypeSchema }).nullable(),
  services: z.object({
    individual: Count,
    group: Count,
    family: Count,
    /** Intake and crisis sessions: counted apart so the three named counts stay what they say. */
    other: Count,
    matContacts: Count,
  }),
  treatmentPlanVersion: z.number().int().nullable(),
  goals: z.array(z.object({ id: z.string(), problem: z.string(), text: z.string(), status: z.string() })),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      title: z.string(),
      administrations: Count,
      first: InstrumentTrendPointSchema,
      latest: InstrumentTrendPointSchema,
    }),
  ),
  diagnoses: z.array(
    z.object({
      code: z.string(),
      text: z.string(),
      severity: z.string(),
      remission: z.string(),
      on: z.string(),
      /** A later checklist that found criteria not met, with no remission recorded: the diagnosis still stands. */
      notMetOn: z.string().nullable().default(null),
    }),
  ),
  levelOfCare: z
    .object({
      level: z.string(),
      decidedOn: z.string(),
      reason: z.string(),
      dimensions: z.array(z.object({ label: z.string(), rating: z.string(), note: z.string() })),
    })
    .nullable(),
  medications: z.array(z.object({ summary: z.string(), prescriber: z.string(), pharmacy: z.string() })),
  aftercarePlan: z.object({ id: z.string(), version: z.number().int(), signedOn: z.string() }).nullable(),
});
export type DischargeFacts = z.infer<typeof DischargeFactsSchema>;

export const ReferralSchema = z.object({
  to: Text('Referred to', 300),
  reason: Text('Reason for the referral', 1000),
});
export type Referral = z.infer<typeof ReferralSchema>;

/** The clinician's part. Lengths and types only: completeness is checked when signing. */
export const DischargeWrittenSchema = z.object({
  dischargedOn: z.string().max(10),
  dischargeType: DischargeTypeSchema.nullable(),
  presentingProblem: Text('Presenting problem', 4000),
  goalProgress: z
    .array(z.object({ goalId: z.string().max(64), progress: Text('Progress on this goal', 2000) }))
    .max(200),
  conditionAtDischarge: Text('Condition at discharge', 4000),
  /**
   * The clinician's recommendation for care after discharge (the latest level-of-care decision is usually the
   * intake's, so it is shown only as context). Summaries written before this field have it empty.
   */
  levelOfCareAtDischarge: Text('Level of care recommended at discharge', 1000).default(''),
  recommendations: Text('Recommendations', 4000),
  referrals: z.array(ReferralSchema).max(20),
  incompleteReason: Text('Elements that could not be completed', 2000),
});
export type DischargeWritten = z.infer<typeof DischargeWrittenSchema>;

export const DischargeSummaryContentSchema = z.object({
  facts: DischargeFactsSchema,
  written: DischargeWrittenSchema,
});
export type DischargeSummaryContent = z.infer<typeof DischargeSummaryContentSchema>;

export const DischargeSummarySchema = z.object({
  id: z.string(),
  clientId: z.string(),
  content: DischargeSummaryContentSchema,
  createdAtMs: z.number().int(),
  createdByName: z.string().nullable(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedByName: z.string().nullable(),
  /** The signer's credentials as they were when signing. */
  signerCredentials: z.string().nullable(),
  contentHash: z.string().nullable(),
});
export type DischargeSummary = z.infer<typeof DischargeSummarySchema>;

/** A new draft's written part: the recorded discharge and the intake's reasons where the record has them. */
export function initialWritten(facts: DischargeFacts, presentingProblem: string): DischargeWritten {
  return {
    dischargedOn: facts.recordedDischarge?.dischargedOn ?? '',
    dischargeType: facts.recordedDischarge?.type ?? null,
    presentingProblem,
    goalProgress: facts.goals.map((g) => ({ goalId: g.id, progress: '' })),
    conditionAtDischarge: '',
    levelOfCareAtDischarge: '',
    recommendations: '',
    referrals: [],
    incompleteReason: '',
  };
}

/** The written progress for each goal the facts list, in the plan's order (a goal gained since is listed empty). */
export function goalProgressRows(
  c: DischargeSummaryContent,
): Array<DischargeFacts['goals'][number] & { progress: string }> {
  return c.facts.goals.map((g) => ({
    ...g,
    progress: c.written.goalProgress.find((p) => p.goalId === g.id)?.progress ?? '',
  }));
}

/** Every signed service the record counts: sessions of each kind and MAT coordination contacts. */
const serviceCount = (f: DischargeFacts): number =>
  f.services.individual + f.services.group + f.services.family + f.services.other + f.services.matContacts;

/** Elements the record could not fill, named for the "could not be completed" reason. */
export function missingElements(f: DischargeFacts): string[] {
  const missing: string[] = [];
  if (f.lastServiceOn === null) missing.push('no signed session or MAT contact');
  if (f.treatmentPlanVersion === null) missing.push('no treatment plan');
  if (f.instruments.length === 0) missing.push('no signed scored assessment');
  if (f.diagnoses.length === 0) missing.push('no diagnosis from a signed SUD checklist');
  if (f.levelOfCare === null) missing.push('no level-of-care decision');
  if (f.aftercarePlan === null) missing.push('no signed aftercare plan');
  return missing;
}

export interface SummaryProblem {
  /** Path inside `written`. */
  path: string;
  message: string;
}

/** What must be complete before the summary is signed, each with the field it belongs beside. */
export function dischargeSummaryProblems(c: DischargeSummaryContent, today: string): SummaryProblem[] {
  const { facts: f, written: w } = c;
  const problems: SummaryProblem[] = [];
  const need = (path: string, message: string) => problems.push({ path, message });
  if (!isCalendarDate(w.dischargedOn)) need('dischargedOn', 'Enter the discharge date.');
  else if (w.dischargedOn > today) need('dischargedOn', 'The discharge date cannot be in the future.');
  else if (w.dischargedOn < f.admissionDate)
    need('dischargedOn', 'The discharge date is before the admission date.');
  else if (f.lastServiceOn !== null && w.dischargedOn < f.lastServiceOn) {
    need('dischargedOn', `The discharge date is before the last service (${f.lastServiceOn}).`);
  }
  if (w.dischargeType === null) need('dischargeType', 'Choose how the client left care.');
  else if (w.dischargeType === 'completed' && serviceCount(f) === 0) {
    need(
      'dischargeType',
      'Treatment cannot be completed without a signed service: choose how the client left care instead.',
    );
  }
  if (w.presentingProblem.trim() === '') need('presentingProblem', 'Describe the presenting problem.');
  goalProgressRows(c).forEach((g, i) => {
    if (g.progress.trim() === '') need(`goalProgress.${i}.progress`, `Write the progress on “${g.text}”.`);
  });
  if (w.conditionAtDischarge.trim() === '')
    need('conditionAtDischarge', 'Describe the client’s condition at discharge.');
  if (w.levelOfCareAtDischarge.trim() === '')
    need('levelOfCareAtDischarge', 'Write the level of care recommended at discharge.');
  if (w.recommendations.trim() === '') need('recommendations', 'Write the recommendations.');
  w.referrals.forEach((r, i) => {
    if (r.to.trim() === '')
      need(`referrals.${i}.to`, 'Name who the client was referred to, or remove the row.');
  });
  const missing = missingElements(f);
  if (missing.length > 0 && w.incompleteReason.trim() === '') {
    need('incompleteReason', `Say why these could not be completed: ${missing.join('; ')}.`);
  }
  return problems;
}

/** A summary is due within 7 days of the last service (issue 11). */
export const SUMMARY_DUE_DAYS = 7;
/** An active or on-hold client with no service for this long is listed as "consider discharge". */
export const CONSIDER_DISCHARGE_DAYS = 30;

/** The day the summary is due: 7 days after the last service, or after the discharge (or admission) without one. */
export function summaryDueBy(lastServiceOn: string | null, fallbackOn: string): string {
  return addDays(lastServiceOn ?? fallbackOn, SUMMARY_DUE_DAYS);
}

/** "Summary due by 10 Dec 2026 (in 3 days)", "… (today)", "… (overdue by 4 days)": words, not only a colour. */
export function dueWords(dueBy: string, today: string, formatDate: (d: string) => string): string {
  const left = daysBetween(today, dueBy);
  const plural = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
  const when = left > 0 ? `in ${plural(left)}` : left === 0 ? 'today' : `overdue by ${plural(-left)}`;
  return `Summary due by ${formatDate(dueBy)} (${when})`;
}

export const isOverdue = (dueBy: string, today: string): boolean => dueBy < today;

/** For an active or on-hold client with no recent service: no summary is due yet, a decision is. */
export function noServiceWords(days: number): string {
  return `No service for ${days} day${days === 1 ? '' : 's'} — discharge or re-engage`;
}

export const DISCHARGE_SUMMARY_TITLE = 'Discharge summary';

/** Whether signing records a discharge, and which: the client's own recorded one is kept when the summary agrees. */
export function dischargeToRecord(
  recorded: { dischargedOn: string; type: DischargeType } | null,
  written: { dischargedOn: string; type: DischargeType },
): 'keep' | 'record' | 'correct' {
  if (recorded === null) return 'record';
  return recorded.dischargedOn === written.dischargedOn && recorded.type === written.type
    ? 'keep'
    : 'correct';
}
