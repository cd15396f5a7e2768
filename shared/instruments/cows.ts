import { LOCAL_INSTRUMENT_SYSTEM } from './types';
import type { ChoiceItem, ChoiceOption, ScoredInstrumentDefinition } from './types';

/**
 * Clinical Opiate Withdrawal Scale (Wesson & Ling 2003), clinician-rated. The allowed values are NOT contiguous
 * (pulse has no 3, gooseflesh only 0, 3 and 5): each item lists its own set and anything else is rejected.
 * Labels are our own short paraphrases of what each value means.
 */

const item = (id: string, label: string, options: readonly ChoiceOption[]): ChoiceItem => ({
  id,
  label,
  kind: 'choice',
  scored: true,
  options,
});

export const cows = {
  id: 'cows',
  version: '1',
  title: 'Clinical Opiate Withdrawal Scale',
  shortTitle: 'COWS',
  ratedBy: 'clinician',
  timeframe: 'Observed now, at the time of the rating',
  source: 'Wesson & Ling 2003',
  items: [
    item('resting-pulse', 'Resting pulse after sitting a minute', [
      { value: 0, label: '80 bpm or less' },
      { value: 1, label: '81–100 bpm' },
      { value: 2, label: '101–120 bpm' },
      { value: 4, label: 'Over 120 bpm' },
    ]),
    item('sweating', 'Sweating not explained by room or activity', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Slightly damp' },
      { value: 2, label: 'Visible beads' },
      { value: 3, label: 'Running down the face' },
      { value: 4, label: 'Drenched' },
    ]),
    item('restlessness', 'Restlessness while observed', [
      { value: 0, label: 'Sits still' },
      { value: 1, label: 'Finds sitting still hard' },
      { value: 3, label: 'Keeps shifting or fidgeting' },
      { value: 5, label: 'Cannot stay seated' },
    ]),
    item('pupil-size', 'Pupil size', [
      { value: 0, label: 'Normal for the light' },
      { value: 1, label: 'Maybe larger than usual' },
      { value: 2, label: 'Clearly dilated' },
      { value: 5, label: 'Iris barely visible' },
    ]),
    item('bone-joint-aches', 'Bone or joint aches', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Mild discomfort' },
      { value: 2, label: 'Marked aching' },
      { value: 4, label: 'Rubbing joints, cannot settle' },
    ]),
    item('runny-nose-tearing', 'Runny nose or watery eyes', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Stuffy or moist eyes' },
      { value: 2, label: 'Running or tearing' },
      { value: 4, label: 'Constant running or tears' },
    ]),
    item('gi-upset', 'Stomach and bowel upset', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Cramps' },
      { value: 2, label: 'Nausea or loose stool' },
      { value: 3, label: 'Vomiting or diarrhoea' },
      { value: 5, label: 'Repeated vomiting or diarrhoea' },
    ]),
    item('tremor', 'Tremor of outstretched hands', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Felt, not seen' },
      { value: 2, label: 'Slight, visible' },
      { value: 4, label: 'Marked tremor or twitching' },
    ]),
    item('yawning', 'Yawning during the rating', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Once or twice' },
      { value: 2, label: 'Three times or more' },
      { value: 4, label: 'Several times a minute' },
    ]),
    item('anxiety-irritability', 'Anxiety or irritability', [
      { value: 0, label: 'None' },
      { value: 1, label: 'Reported' },
      { value: 2, label: 'Clearly observable' },
      { value: 4, label: 'Hard to engage' },
    ]),
    item('gooseflesh', 'Gooseflesh', [
      { value: 0, label: 'Smooth skin' },
      { value: 3, label: 'Felt, hairs raised' },
      { value: 5, label: 'Marked, clearly visible' },
    ]),
  ],
  range: { min: 0, max: 48 },
  bands: {
    default: [
      { min: 0, max: 4, id: 'below-threshold', label: 'Below withdrawal threshold' },
      { min: 5, max: 12, id: 'mild', label: 'Mild withdrawal' },
      { min: 13, max: 24, id: 'moderate', label: 'Moderate withdrawal' },
      { min: 25, max: 36, id: 'moderately-severe', label: 'Moderately severe withdrawal' },
      { min: 37, max: 48, id: 'severe', label: 'Severe withdrawal' },
    ],
  },
  flags: [],
  coding: { system: LOCAL_INSTRUMENT_SYSTEM, panel: 'cows', total: 'cows-total' },
  notes: ['No confirmed LOINC code: coded in the local Clearleaf instrument system.'],
} as const satisfies ScoredInstrumentDefinition;
