import { KRATOM_WITHDRAWAL_NOTE, LOCAL_INSTRUMENT_SYSTEM } from './types';
import type { ChoiceItem, ChoiceOption, ScoredInstrumentDefinition } from './types';

/**
 * Clinical Opiate Withdrawal Scale (Wesson & Ling 2003), clinician-rated. The allowed values are NOT contiguous
 * (pulse has no 3, gooseflesh only 0, 3 and 5): each item lists its own set and anything else is rejected.
 * Labels are our own short paraphrases of what each value means; version 2 corrects wording that was one step
 * off the published scale (version 1 records keep their values, which were right).
 */

const item = (
  id: string,
  label: string,
  instruction: string,
  options: readonly ChoiceOption[],
): ChoiceItem => ({
  id,
  label,
  instruction,
  kind: 'choice',
  scored: true,
  options,
});

/**
 * Policy (issue 8 item 3): every choice says what the published scale's step says — the same observation at the
 * same value — in our own short words, and every item carries the scale's instruction for rating it (time window,
 * what to observe, what not to count). Checked choice by choice against Wesson & Ling (2003), J Psychoactive
 * Drugs 35(2):253–9, appendix. Bone or joint aches count only pain beyond what the client already had: many
 * kratom clients came to kratom for chronic pain (seed 000).
 */
export const cows = {
  id: 'cows',
  version: '2',
  title: 'Clinical Opiate Withdrawal Scale',
  shortTitle: 'COWS',
  ratedBy: 'clinician',
  timeframe: 'Observed now, at the time of the rating',
  source: 'Wesson & Ling 2003',
  formNote: KRATOM_WITHDRAWAL_NOTE,
  items: [
    item(
      'resting-pulse',
      'Resting pulse',
      'Beats a minute, measured after the client has sat or lain for one minute.',
      [
        { value: 0, label: '80 or below' },
        { value: 1, label: '81–100' },
        { value: 2, label: '101–120' },
        { value: 4, label: 'Over 120' },
      ],
    ),
    item('sweating', 'Sweating', 'Over the past half hour, not explained by room temperature or activity.', [
      { value: 0, label: 'No report of chills or flushing' },
      { value: 1, label: 'Subjective chills or flushing' },
      { value: 2, label: 'Flushed or observable moistness on the face' },
      { value: 3, label: 'Beads of sweat on brow or face' },
      { value: 4, label: 'Sweat streaming off the face' },
    ]),
    item('restlessness', 'Restlessness', 'Observed during the rating.', [
      { value: 0, label: 'Able to sit still' },
      { value: 1, label: 'Reports difficulty sitting still, but is able to' },
      { value: 3, label: 'Frequent shifting or extra movements of legs or arms' },
      { value: 5, label: 'Unable to sit still for more than a few seconds' },
    ]),
    item('pupil-size', 'Pupil size', 'Compared with what is normal for the room light.', [
      { value: 0, label: 'Pinned, or normal size for the room light' },
      { value: 1, label: 'Possibly larger than normal for the room light' },
      { value: 2, label: 'Moderately dilated' },
      { value: 5, label: 'So dilated that only the rim of the iris is visible' },
    ]),
    item(
      'bone-joint-aches',
      'Bone or joint aches',
      'If the client already had pain (many came to kratom for chronic pain), score only the part beyond it ' +
        'attributed to withdrawal.',
      [
        { value: 0, label: 'Not present' },
        { value: 1, label: 'Mild, diffuse discomfort' },
        { value: 2, label: 'Reports severe, diffuse aching of joints or muscles' },
        { value: 4, label: 'Rubbing joints or muscles, unable to sit still for the discomfort' },
      ],
    ),
    item('runny-nose-tearing', 'Runny nose or tearing', 'Not explained by a cold or allergies.', [
      { value: 0, label: 'Not present' },
      { value: 1, label: 'Nasal stuffiness or unusually moist eyes' },
      { value: 2, label: 'Nose running or tearing' },
      { value: 4, label: 'Nose constantly running or tears streaming down the cheeks' },
    ]),
    item('gi-upset', 'Stomach and bowel upset', 'Over the past half hour.', [
      { value: 0, label: 'No stomach or bowel symptoms' },
      { value: 1, label: 'Stomach cramps' },
      { value: 2, label: 'Nausea or loose stool' },
      { value: 3, label: 'Vomiting or diarrhoea' },
      { value: 5, label: 'Multiple episodes of diarrhoea or vomiting' },
    ]),
    item('tremor', 'Tremor', 'Observed with the hands held out.', [
      { value: 0, label: 'No tremor' },
      { value: 1, label: 'Tremor can be felt, not seen' },
      { value: 2, label: 'Slight tremor visible' },
      { value: 4, label: 'Gross tremor or muscle twitching' },
    ]),
    item('yawning', 'Yawning', 'Observed during the rating.', [
      { value: 0, label: 'No yawning' },
      { value: 1, label: 'Once or twice during the rating' },
      { value: 2, label: 'Three or more times during the rating' },
      { value: 4, label: 'Several times a minute' },
    ]),
    item(
      'anxiety-irritability',
      'Anxiety or irritability',
      'Reported by the client or observed during the rating.',
      [
        { value: 0, label: 'None' },
        { value: 1, label: 'Reports increasing irritability or anxiety' },
        { value: 2, label: 'Obviously irritable or anxious' },
        { value: 4, label: 'So irritable or anxious that taking part in the rating is difficult' },
      ],
    ),
    item('gooseflesh', 'Gooseflesh skin', 'Observed on the arms or felt.', [
      { value: 0, label: 'Skin is smooth' },
      { value: 3, label: 'Raised skin can be felt, or hairs standing up on the arms' },
      { value: 5, label: 'Prominent gooseflesh' },
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
