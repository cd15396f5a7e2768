import { z } from 'zod';
import { LOCAL_INSTRUMENT_SYSTEM } from './types';
import type { BandId, ScoredInstrumentDefinition, YesNoItem } from './types';

/**
 * Substance use disorder checklist: the 11 DSM-5 criteria over the past 12 months, paraphrased, clinician-rated as
 * yes/no. The total is the count of criteria met.
 *
 * Medical supervision: when the substance is taken only as prescribed under supervision, tolerance and withdrawal
 * are recorded but neither counted nor required for completeness; 'tolerance-withdrawal-excluded' is raised when
 * either was endorsed.
 */

const criterion = (id: string, label: string, excluded = false): YesNoItem => ({
  id,
  label,
  kind: 'yes-no',
  scored: true,
  ...(excluded ? { excludedWhen: 'underMedicalSupervision' as const } : {}),
});

export const sud = {
  id: 'sud',
  version: '1',
  title: 'Substance use disorder criteria checklist',
  shortTitle: 'SUD checklist',
  ratedBy: 'clinician',
  timeframe: 'Over the past 12 months',
  source: 'DSM-5 criteria, paraphrased',
  items: [
    criterion('larger-longer', 'Used more, or for longer, than intended'),
    criterion('cut-down', 'Wants to cut down but cannot'),
    criterion('time-spent', 'Much time spent getting, using or recovering'),
    criterion('craving', 'Craving or strong urges'),
    criterion('role-failure', 'Falls short at work, school or home'),
    criterion('social-problems', 'Keeps using despite problems with others'),
    criterion('activities-given-up', 'Gave up or cut back important activities'),
    criterion('hazardous-use', 'Uses where it is physically risky'),
    criterion('despite-harm', 'Keeps using despite physical or mental harm'),
    criterion('tolerance', 'Needs more for the same effect, or less effect', true),
    criterion('withdrawal', 'Withdrawal, or uses to avoid it', true),
  ],
  range: { min: 0, max: 11 },
  bands: {
    default: [
      { min: 0, max: 1, id: 'none', label: 'Criteria for a disorder not met' },
      { min: 2, max: 3, id: 'mild', label: 'Mild' },
      { min: 4, max: 5, id: 'moderate', label: 'Moderate' },
      { min: 6, max: 11, id: 'severe', label: 'Severe' },
    ],
  },
  flags: [{ kind: 'excluded-item-endorsed', flag: 'tolerance-withdrawal-excluded' }],
  coding: { system: LOCAL_INSTRUMENT_SYSTEM, panel: 'sud-checklist', total: 'sud-checklist-count' },
  notes: [
    'Under medical supervision, tolerance and withdrawal are not counted.',
    'The substance is recorded with each checklist; kratom is coded as "other substance" (F19), named.',
  ],
} as const satisfies ScoredInstrumentDefinition;

/** The substance a checklist was completed for (one checklist per substance, as DSM-5 diagnoses per substance). */
export const SUD_SUBSTANCES = [
  'kratom',
  'alcohol',
  'opioids',
  'cannabis',
  'sedatives',
  'cocaine',
  'stimulants',
  'other',
] as const;
export const SudSubstanceSchema = z.enum(SUD_SUBSTANCES);
export type SudSubstance = z.infer<typeof SudSubstanceSchema>;
export const SUD_SUBSTANCE_LABELS: Record<SudSubstance, string> = {
  kratom: 'Kratom',
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  cannabis: 'Cannabis',
  sedatives: 'Sedatives, hypnotics or anxiolytics (e.g. benzodiazepines)',
  cocaine: 'Cocaine',
  stimulants: 'Other stimulants (e.g. amphetamines)',
  other: 'Other substance (name it)',
};

/**
 * ICD-10-CM category per substance (issue 8 item 5): F10 alcohol, F11 opioids, F12 cannabis, F13 sedatives,
 * hypnotics or anxiolytics, F14 cocaine, F15 other stimulants, F19 other psychoactive substances — where kratom
 * is recorded, with the substance named (CLINICAL.md §2).
 */
export const SUD_ICD10_FAMILY: Record<SudSubstance, string> = {
  kratom: 'F19',
  alcohol: 'F10',
  opioids: 'F11',
  cannabis: 'F12',
  sedatives: 'F13',
  cocaine: 'F14',
  stimulants: 'F15',
  other: 'F19',
};

export const SUD_REMISSIONS = ['early', 'sustained'] as const;
export const SudRemissionSchema = z.enum(SUD_REMISSIONS);

/** What the clinician records with the checklist: the substance, and a remission specifier when it applies. */
export const SudDetailsSchema = z
  .object({
    substance: SudSubstanceSchema,
    /** Required for "other"; for kratom or another named family it may say more (the product, a brand). */
    substanceName: z.string().trim().max(100, 'The substance name must be at most 100 characters.'),
    /** DSM-5 remission specifier, recorded by the clinician: early (3–12 months), sustained (12 months or more). */
    remission: SudRemissionSchema.nullable(),
    /** For a disorder in remission: the severity it had when its criteria were met (the code depends on it). */
    severityBeforeRemission: z.enum(['mild', 'moderate-severe']).nullable(),
  })
  .superRefine((d, ctx) => {
    if (d.substance === 'other' && d.substanceName === '') {
      ctx.addIssue({ code: 'custom', path: ['substanceName'], message: 'Name the substance.' });
    }
    if (d.remission !== null && d.severityBeforeRemission === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['severityBeforeRemission'],
        message: 'Choose how severe the disorder was before remission.',
      });
    }
  });
export type SudDetails = z.infer<typeof SudDetailsSchema>;

const DISORDER_NAMES: Record<SudSubstance, string> = {
  kratom: 'Kratom',
  alcohol: 'Alcohol',
  opioids: 'Opioid',
  cannabis: 'Cannabis',
  sedatives: 'Sedative, hypnotic or anxiolytic',
  cocaine: 'Cocaine',
  stimulants: 'Stimulant',
  other: 'Other substance',
};

export interface SudDiagnosis {
  code: string;
  text: string;
}

/**
 * The ICD-10-CM code for a checklist result: the substance's family (SUD_ICD10_FAMILY), .10 for mild and .20 for
 * moderate or severe; a disorder in remission is coded .11 (mild) or .21 (moderate or severe) with the DSM-5
 * specifier named. Null when criteria are not met and no remission is recorded, or when the result is incomplete.
 */
export function sudDiagnosis(band: BandId | null, details: SudDetails): SudDiagnosis | null {
  const family = SUD_ICD10_FAMILY[details.substance];
  const named = details.substanceName === '' ? '' : ` (${details.substanceName})`;
  const name =
    details.substance === 'other'
      ? details.substanceName || DISORDER_NAMES.other
      : `${DISORDER_NAMES[details.substance]}${named}`;
  const what = `${name.slice(0, 1).toUpperCase()}${name.slice(1)} use disorder`;
  if (details.remission !== null && details.severityBeforeRemission !== null) {
    const mild = details.severityBeforeRemission === 'mild';
    return {
      code: `${family}.${mild ? '11' : '21'}`,
      text: `${what}, ${mild ? 'mild' : 'moderate or severe'}, in ${details.remission} remission`,
    };
  }
  switch (band) {
    case 'mild':
      return { code: `${family}.10`, text: `${what}, mild` };
    case 'moderate':
    case 'severe':
      return { code: `${family}.20`, text: `${what}, ${band}` };
    case 'none':
    case null:
      return null;
    default:
      throw new RangeError('Only SUD checklist bands (none, mild, moderate, severe) have an ICD-10-CM code.');
  }
}

export type SudRemissionSpecifier = 'early-remission' | 'sustained-remission';

/**
 * Remission specifier, for a disorder whose full criteria were previously met. The argument is how many months
 * have passed in which no criterion other than craving was met (craving may persist). Early: at least 3 and under
 * 12 months; sustained: 12 months or more; none before 3 months.
 */
export function sudRemissionSpecifier(
  monthsWithNoCriterionExceptCraving: number,
): SudRemissionSpecifier | null {
  if (!Number.isFinite(monthsWithNoCriterionExceptCraving) || monthsWithNoCriterionExceptCraving < 0) {
    throw new RangeError('Months with no criterion but craving must be a finite number, 0 or more.');
  }
  if (monthsWithNoCriterionExceptCraving >= 12) return 'sustained-remission';
  if (monthsWithNoCriterionExceptCraving >= 3) return 'early-remission';
  return null;
}
