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
    'Kratom is recorded as "other substance", with the substance named.',
  ],
} as const satisfies ScoredInstrumentDefinition;

export type SudIcd10Code = 'F19.10' | 'F19.20';

/**
 * ICD-10-CM code for kratom recorded as "other substance" (CLINICAL.md §2): F19.10 mild, F19.20 moderate or severe,
 * none when criteria are not met. Remission codes are not given by CLINICAL.md and are not derived here.
 */
export function sudIcd10Code(band: BandId | null): SudIcd10Code | null {
  switch (band) {
    case 'mild':
      return 'F19.10';
    case 'moderate':
    case 'severe':
      return 'F19.20';
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
