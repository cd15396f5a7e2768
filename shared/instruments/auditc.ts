import { LOINC_SYSTEM } from './types';
import type { Band, ScoredInstrumentDefinition } from './types';

/**
 * AUDIT-C (Bush et al. 1998; Bradley et al. 2003), client-rated, US drinks version. Positive at 4 or more for men and
 * 3 or more for women.
 *
 * Sex not recorded: we use the lower threshold (3), which misses fewer people who drink at risk, and raise
 * 'sex-not-recorded' so the clinician sees which threshold applied. When a positive result comes entirely from the
 * frequency item, 'points-from-frequency-only' says drinking may be within limits.
 */

const bandsFrom = (threshold: number): readonly Band[] => [
  { min: 0, max: threshold - 1, id: 'negative', label: 'Below the screening threshold' },
  { min: threshold, max: 12, id: 'positive', label: 'At or above the screening threshold' },
];

export const AUDITC_THRESHOLD = { female: 3, male: 4, notRecorded: 3 } as const;
export const AUDITC_FREQUENCY_ITEM_ID = 'frequency';

export const auditc = {
  id: 'auditc',
  version: '1',
  title: 'Alcohol use screen, consumption questions',
  shortTitle: 'AUDIT-C',
  ratedBy: 'client',
  timeframe: 'Over the past year',
  source: 'Bush et al. 1998; Bradley et al. 2003',
  items: [
    {
      id: AUDITC_FREQUENCY_ITEM_ID,
      label: 'How often you have an alcoholic drink',
      kind: 'choice',
      scored: true,
      options: [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Monthly or less' },
        { value: 2, label: '2–4 times a month' },
        { value: 3, label: '2–3 times a week' },
        { value: 4, label: '4 or more times a week' },
      ],
    },
    {
      id: 'typical-quantity',
      label: 'Drinks on a usual drinking day',
      kind: 'choice',
      scored: true,
      options: [
        { value: 0, label: '1 or 2' },
        { value: 1, label: '3 or 4' },
        { value: 2, label: '5 or 6' },
        { value: 3, label: '7 to 9' },
        { value: 4, label: '10 or more' },
      ],
    },
    {
      id: 'heavy-occasions',
      label: 'How often you have 6 or more drinks at once',
      kind: 'choice',
      scored: true,
      options: [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Less than monthly' },
        { value: 2, label: 'Monthly' },
        { value: 3, label: 'Weekly' },
        { value: 4, label: 'Daily or nearly' },
      ],
    },
  ],
  range: { min: 0, max: 12 },
  bands: {
    default: bandsFrom(AUDITC_THRESHOLD.notRecorded),
    bySex: { female: bandsFrom(AUDITC_THRESHOLD.female), male: bandsFrom(AUDITC_THRESHOLD.male) },
  },
  flags: [
    { kind: 'context-missing', flag: 'sex-not-recorded', field: 'sex' },
    {
      kind: 'points-only-from-item',
      flag: 'points-from-frequency-only',
      band: 'positive',
      itemId: AUDITC_FREQUENCY_ITEM_ID,
    },
  ],
  coding: { system: LOINC_SYSTEM, panel: null, total: '75626-2' },
  notes: [
    'Positive: men 4 or more, women 3 or more.',
    'Sex not recorded: the lower threshold (3) is used and flagged.',
    'All points from the frequency item: drinking may be within limits.',
  ],
} as const satisfies ScoredInstrumentDefinition;
