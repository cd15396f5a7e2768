/**
 * Medications the client takes under a prescriber (CLINICAL.md §1.6, §5). No medication is FDA-approved for kratom
 * dependence; these are used off-label and the prescribing details come from the prescriber: the therapist records
 * and coordinates, never prescribes. Every change to a medication is a new version and the old versions are kept
 * (the database refuses changing or deleting a version).
 *
 * Policy: the warnings below are shown where they apply. Each cites CLINICAL.md §1.6 (seed 003 for clonidine and
 * blood pressure); they are cautions for the clinician, never a block on recording what was prescribed.
 */
import { z } from 'zod';
import { isCalendarDate, optionalText } from './common';

/** The medicines offered in the list, from CLINICAL.md §1.6; "other" is free entry. */
export const KNOWN_MEDICATIONS = [
  'buprenorphine-naloxone',
  'buprenorphine',
  'lofexidine',
  'clonidine',
  'dihydrocodeine',
  'naltrexone',
  'loperamide',
  'ondansetron',
  'hydroxyzine',
  'trazodone',
  'ibuprofen',
  'acetaminophen',
  'naloxone',
  'other',
] as const;
export const KnownMedicationSchema = z.enum(KNOWN_MEDICATIONS);
export type KnownMedication = z.infer<typeof KnownMedicationSchema>;
export const MEDICATION_LABELS: Record<KnownMedication, string> = {
  'buprenorphine-naloxone': 'Buprenorphine-naloxone',
  buprenorphine: 'Buprenorphine',
  lofexidine: 'Lofexidine',
  clonidine: 'Clonidine',
  dihydrocodeine: 'Dihydrocodeine',
  naltrexone: 'Naltrexone',
  loperamide: 'Loperamide (diarrhoea)',
  ondansetron: 'Ondansetron (nausea)',
  hydroxyzine: 'Hydroxyzine (anxiety, sleep)',
  trazodone: 'Trazodone (sleep)',
  ibuprofen: 'Ibuprofen (pain)',
  acetaminophen: 'Acetaminophen (pain)',
  naloxone: 'Naloxone kit (overdose reversal)',
  other: 'Other (name it)',
};

export const MEDICATION_PHASES = ['induction', 'stabilisation', 'maintenance', 'taper', 'stopped'] as const;
export const MedicationPhaseSchema = z.enum(MEDICATION_PHASES);
export type MedicationPhase = z.infer<typeof MedicationPhaseSchema>;
export const PHASE_LABELS: Record<MedicationPhase, string> = {
  induction: 'Induction',
  stabilisation: 'Stabilisation',
  maintenance: 'Maintenance',
  taper: 'Taper',
  stopped: 'Stopped',
};

export const DOSE_UNITS = ['mg', 'mcg', 'g', 'mL', 'tablet', 'film', 'patch', 'other'] as const;
export const DoseUnitSchema = z.enum(DOSE_UNITS);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isCalendarDate(v), `${label} must be a real date (YYYY-MM-DD).`);

export const MedicationInputSchema = z
  .object({
    medication: KnownMedicationSchema,
    /** The name when `medication` is "other"; ignored otherwise. */
    otherName: optionalText('Medication name', 200),
    formulation: optionalText('Formulation', 200),
    dose: z
      .number({ error: 'Dose must be a number.' })
      .positive('Dose must be more than 0.')
      .max(100_000, 'Dose is too large.')
      .nullable(),
    unit: DoseUnitSchema,
    schedule: optionalText('Schedule', 300),
    prescriber: optionalText('Prescriber', 200),
    pharmacy: optionalText('Pharmacy', 300),
    phase: MedicationPhaseSchema,
    startDate: optionalDate('Start date'),
    stopDate: optionalDate('Stop date'),
    /** Why this version: what changed and who said so. */
    changeNote: optionalText('Reason for the change', 1000),
    /** Whether the client had used opioids before (buprenorphine induction caution, CLINICAL.md §1.6). */
    opioidHistory: z.enum(['yes', 'no', 'unknown']),
  })
  .superRefine((m, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (m.medication === 'other' && m.otherName === '') need('otherName', 'Name the medication.');
    if (m.phase === 'stopped' && m.stopDate === '') need('stopDate', 'Enter the date it was stopped.');
    if (m.startDate !== '' && m.stopDate !== '' && m.stopDate < m.startDate) {
      need('stopDate', 'The stop date cannot be before the start date.');
    }
  });
export type MedicationInput = z.infer<typeof MedicationInputSchema>;

export const MedicationVersionSchema = z.object({
  version: z.number().int(),
  medication: MedicationInputSchema,
  recordedAtMs: z.number().int(),
  recordedByName: z.string().nullable(),
});
export type MedicationVersion = z.infer<typeof MedicationVersionSchema>;

export const MedicationSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  current: MedicationVersionSchema,
  /** Every version, newest first; the first is `current`. */
  history: z.array(MedicationVersionSchema),
});
export type Medication = z.infer<typeof MedicationSchema>;

export function medicationName(m: Pick<MedicationInput, 'medication' | 'otherName'>): string {
  if (m.medication === 'other') return m.otherName;
  // A name read back from history may be one this version does not know: show it as stored.
  const label: string | undefined = MEDICATION_LABELS[m.medication];
  return (label ?? m.medication).replace(/ \(.*\)$/, '');
}

/** "Buprenorphine-naloxone 8 mg film, twice daily (induction)". */
export function medicationSummary(m: MedicationInput): string {
  const dose = m.dose === null ? '' : ` ${m.dose} ${m.unit}`;
  const form = m.formulation ? ` ${m.formulation}` : '';
  const schedule = m.schedule ? `, ${m.schedule}` : '';
  return `${medicationName(m)}${dose}${form}${schedule} (${PHASE_LABELS[m.phase].toLowerCase()})`;
}

/** Current: not stopped, and not past its stop date. */
export function isCurrent(m: MedicationInput, today: string): boolean {
  return m.phase !== 'stopped' && (m.stopDate === '' || m.stopDate >= today);
}

export interface MedicationWarning {
  id: string;
  text: string;
}

/** Loperamide above the usual over-the-counter limit of 8 mg a day is "mega-dosing" (CLINICAL.md §1.6). */
export const LOPERAMIDE_HIGH_MG = 8;

/**
 * The cautions that apply to one medication as recorded. Sources: CLINICAL.md §1.6 (loperamide and heart rhythm,
 * buprenorphine with no opioid history, lofexidine up to 14 days, naltrexone after detox) and seed 003 (clonidine
 * lowers blood pressure).
 */
export function medicationWarnings(m: MedicationInput): MedicationWarning[] {
  const out: MedicationWarning[] = [];
  if (m.phase === 'stopped') return out;
  if (m.medication === 'loperamide') {
    const high = m.unit === 'mg' && m.dose !== null && m.dose > LOPERAMIDE_HIGH_MG;
    out.push({
      id: high ? 'loperamide-high' : 'loperamide',
      text: high
        ? `High-dose loperamide (over ${LOPERAMIDE_HIGH_MG} mg) causes heart-rhythm problems. Do not mega-dose over-the-counter medicines; tell the prescriber.`
        : 'Loperamide: do not take more than directed — high doses cause heart-rhythm problems.',
    });
  }
  if (m.medication === 'clonidine' || m.medication === 'lofexidine') {
    out.push({
      id: 'blood-pressure',
      text: `${medicationName(m)} lowers blood pressure and heart rate: check blood pressure with each withdrawal rating; watch for dizziness or fainting on standing.`,
    });
  }
  if (m.medication === 'lofexidine') {
    out.push({
      id: 'lofexidine-14-days',
      text: 'Lofexidine is approved for opioid-withdrawal symptoms for up to 14 days.',
    });
  }
  if (
    (m.medication === 'buprenorphine' || m.medication === 'buprenorphine-naloxone') &&
    m.phase === 'induction' &&
    m.opioidHistory !== 'yes'
  ) {
    out.push({
      id: 'buprenorphine-no-opioid-history',
      text:
        m.opioidHistory === 'no'
          ? 'Caution: buprenorphine induction in someone with no opioid history. Confirm the plan with the prescriber.'
          : 'Opioid history not recorded: buprenorphine induction needs caution in someone with no opioid history.',
    });
  }
  if (m.medication === 'naltrexone') {
    out.push({
      id: 'naltrexone-after-detox',
      text: 'Naltrexone only after detox: starting it while opioids are still in the body brings on withdrawal.',
    });
  }
  return out;
}
