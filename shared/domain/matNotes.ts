/**
 * MAT coordination notes (CLINICAL.md §1.6, §5): one per contact about the medication a prescriber manages —
 * medication and dose now, adherence, missed doses, side effects, craving 0–10, use since the last contact,
 * naloxone on hand, safe storage, urine drug screen results per substance (mitragynine and fentanyl among them),
 * the withdrawal ratings taken with their times (linked to the flowsheet; at induction: before, 30 min and 2 h
 * after the first dose), the plan and the next appointment.
 *
 * Policy, as for session notes (shared/domain/notes.ts): a draft holds whatever has been typed (types and lengths
 * only), autosaves and is never lost; the rules across fields are checked at signing (`matSigningProblems`); a
 * signed note is immutable (database triggers) and is corrected only by signed addenda. Therapists document
 * coordination; prescribing details come from the prescriber.
 */
import { z } from 'zod';
import { isCalendarDate, optionalText } from './common';
import { AddendumSchema } from './notes';
import { INDUCTION_TIME_POINTS, InductionTimePointSchema, type InductionTimePoint } from './assessments';
import { VitalsSchema } from './vitals';

const draftText = (label: string, max: number) => z.string().max(max, `${label} is too long.`);

export const UDS_SUBSTANCES = [
  'mitragynine',
  'fentanyl',
  'opiates',
  'oxycodone',
  'buprenorphine',
  'methadone',
  'benzodiazepines',
  'amphetamines',
  'cocaine',
  'cannabis',
  'alcohol',
] as const;
export type UdsSubstance = (typeof UDS_SUBSTANCES)[number];
export const UDS_LABELS: Record<UdsSubstance, string> = {
  mitragynine: 'Mitragynine (kratom)',
  fentanyl: 'Fentanyl',
  opiates: 'Opiates (morphine, codeine, heroin)',
  oxycodone: 'Oxycodone',
  buprenorphine: 'Buprenorphine',
  methadone: 'Methadone',
  benzodiazepines: 'Benzodiazepines',
  amphetamines: 'Amphetamines',
  cocaine: 'Cocaine',
  cannabis: 'Cannabis (THC)',
  alcohol: 'Alcohol (EtG)',
};
export const UdsResultSchema = z.enum(['positive', 'negative', 'not-tested']);
export type UdsResult = z.infer<typeof UdsResultSchema>;

export const ADHERENCE = ['as-prescribed', 'some-missed', 'not-taking', 'not-assessed'] as const;
export const ADHERENCE_LABELS: Record<(typeof ADHERENCE)[number], string> = {
  'as-prescribed': 'Taking as prescribed',
  'some-missed': 'Some doses missed',
  'not-taking': 'Not taking',
  'not-assessed': 'Not assessed',
};
const YesNoAsked = z.enum(['yes', 'no', 'not-asked']);
export const YES_NO_ASKED_LABELS = { yes: 'Yes', no: 'No', 'not-asked': 'Not asked' } as const;

export const MatNoteContentSchema = z.object({
  contactDate: draftText('Contact date', 20),
  induction: z.boolean(),
  medicationNow: draftText('Medication and dose now', 2000),
  adherence: z.enum(ADHERENCE),
  missedDoses: draftText('Missed doses', 2000),
  sideEffects: draftText('Side effects', 2000),
  craving: z.number().int().min(0, 'Craving is 0–10.').max(10, 'Craving is 0–10.').nullable(),
  useSinceLastContact: draftText('Use since last contact', 4000),
  naloxoneOnHand: YesNoAsked,
  safeStorage: YesNoAsked,
  udsCollectedOn: draftText('Screen date', 20),
  uds: z.partialRecord(z.enum(UDS_SUBSTANCES), UdsResultSchema),
  /** Withdrawal ratings (COWS/SOWS assessment ids) from the flowsheet taken at this contact. */
  ratingIds: z.array(z.string().min(1).max(64)).max(20),
  plan: draftText('Plan', 8000),
  nextAppointment: draftText('Next appointment', 300),
});
export type MatNoteContent = z.infer<typeof MatNoteContentSchema>;

export function emptyMatNoteContent(contactDate: string, medicationNow = ''): MatNoteContent {
  return {
    contactDate,
    induction: false,
    medicationNow,
    adherence: 'not-assessed',
    missedDoses: '',
    sideEffects: '',
    craving: null,
    useSinceLastContact: '',
    naloxoneOnHand: 'not-asked',
    safeStorage: 'not-asked',
    udsCollectedOn: '',
    uds: {},
    ratingIds: [],
    plan: '',
    nextAppointment: '',
  };
}

/** A linked rating as shown, and as frozen at signing. */
export const LinkedRatingSchema = z.object({
  id: z.string(),
  instrument: z.enum(['cows', 'sows']),
  administeredAtMs: z.number().int(),
  total: z.number().int().nullable(),
  band: z.string().nullable(),
  timePoint: InductionTimePointSchema.nullable(),
  vitals: VitalsSchema.nullable(),
});
export type LinkedRating = z.infer<typeof LinkedRatingSchema>;

export const MatNoteSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  content: MatNoteContentSchema,
  /** The linked ratings: as they are now for a draft, as signed for a signed note. */
  ratings: z.array(LinkedRatingSchema),
  authorName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedByName: z.string().nullable(),
  contentHash: z.string().nullable(),
  addenda: z.array(AddendumSchema),
});
export type MatNote = z.infer<typeof MatNoteSchema>;

export interface MatFieldProblem {
  path: string;
  message: string;
}

/**
 * What must be right before signing, as field errors (paths under `content.`). An induction contact links a rating
 * at each induction time point: before the first dose, 30 min and 2 h after (CLINICAL.md §5).
 */
export function matSigningProblems(c: MatNoteContent, ratings: readonly LinkedRating[]): MatFieldProblem[] {
  const out: MatFieldProblem[] = [];
  if (!isCalendarDate(c.contactDate)) {
    out.push({ path: 'content.contactDate', message: 'Enter the date of the contact (YYYY-MM-DD).' });
  }
  if (c.medicationNow.trim() === '') {
    out.push({ path: 'content.medicationNow', message: 'Record the medication and dose now.' });
  }
  if (c.plan.trim() === '') out.push({ path: 'content.plan', message: 'Write the plan.' });
  if (c.udsCollectedOn !== '' && !isCalendarDate(c.udsCollectedOn)) {
    out.push({
      path: 'content.udsCollectedOn',
      message: 'The screen date must be a real date (YYYY-MM-DD).',
    });
  }
  const tested = Object.values(c.uds).some((r) => r !== 'not-tested');
  if (tested && c.udsCollectedOn === '') {
    out.push({ path: 'content.udsCollectedOn', message: 'Enter the date the urine screen was collected.' });
  }
  if (c.induction) {
    const missing = missingInductionPoints(ratings);
    if (missing.length > 0) {
      out.push({
        path: 'content.ratingIds',
        message: `An induction contact links a withdrawal rating before the first dose, at 30 min and at 2 h; missing: ${missing.map((p) => INDUCTION_POINT_WORDS[p]).join(', ')}.`,
      });
    }
  }
  return out;
}

const INDUCTION_POINT_WORDS: Record<InductionTimePoint, string> = {
  'before-first-dose': 'before the first dose',
  '30-min': '30 min after',
  '2-h': '2 h after',
};

export function missingInductionPoints(ratings: readonly LinkedRating[]): InductionTimePoint[] {
  return INDUCTION_TIME_POINTS.filter((p) => !ratings.some((r) => r.timePoint === p));
}

/** The words the note is searched by. */
export function matSearchText(c: MatNoteContent): string {
  return [
    'MAT coordination',
    c.medicationNow,
    c.missedDoses,
    c.sideEffects,
    c.useSinceLastContact,
    c.plan,
    c.nextAppointment,
    ...Object.entries(c.uds)
      .filter(([, r]) => r === 'positive')
      .map(([s]) => `${s} positive`),
  ]
    .filter((t) => t.trim() !== '')
    .join('\n');
}

/** A disclosure of a MAT coordination summary goes to the prescriber named by the consent (CLINICAL.md §6). */
export const MatSummaryRequestSchema = z
  .object({
    consentId: z
      .string({ error: 'Choose the consent this summary is disclosed under.' })
      .min(1, 'Choose the consent this summary is disclosed under.')
      .max(64),
    prescriber: z.string().trim().min(1, 'Choose the prescriber it is for.').max(200),
    recipientAddress: optionalText('Recipient address', 500),
    purpose: z.string().trim().min(1, 'Purpose is required.').max(1000),
  })
  .strict();
export type MatSummaryRequest = z.infer<typeof MatSummaryRequestSchema>;

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a consent's recipient names this prescriber: the prescriber's name, ignoring case, accents, titles such
 * as "Dr." and punctuation, appears in the consent's recipient. A consent to "Cascade Family Medicine" does not
 * name "Dr. Ilse Verhoeven"; a summary goes only to the person the client agreed to (CLINICAL.md §6).
 */
export function consentNamesPrescriber(consentRecipient: string, prescriber: string): boolean {
  const name = fold(prescriber)
    .split(' ')
    .filter((w) => !['dr', 'md', 'do', 'np', 'pa', 'dnp', 'mr', 'ms', 'mrs'].includes(w))
    .join(' ');
  if (name.length < 3) return false;
  return ` ${fold(consentRecipient)} `.includes(` ${name} `);
}
