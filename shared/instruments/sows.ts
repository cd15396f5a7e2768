import { KRATOM_WITHDRAWAL_NOTE, LOCAL_INSTRUMENT_SYSTEM } from './types';
import type { ChoiceItem, ScoredInstrumentDefinition } from './types';

/**
 * Subjective Opiate Withdrawal Scale (Handelsman 1987), client-rated. There are no published bands: the result is
 * the total only (band always null). The symptom labels are our own (journal copyright).
 */

const intensity = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'A little' },
  { value: 2, label: 'Moderately' },
  { value: 3, label: 'Quite a bit' },
  { value: 4, label: 'Extremely' },
] as const;

const symptom = (id: string, label: string): ChoiceItem => ({
  id,
  label,
  kind: 'choice',
  scored: true,
  options: intensity,
});

export const sows = {
  id: 'sows',
  version: '1',
  title: 'Subjective Opiate Withdrawal Scale',
  shortTitle: 'SOWS',
  ratedBy: 'client',
  timeframe: 'How you feel right now',
  source: 'Handelsman et al. 1987',
  formNote: KRATOM_WITHDRAWAL_NOTE,
  items: [
    symptom('anxious', 'Anxious'),
    symptom('yawning', 'Yawning'),
    symptom('sweating', 'Sweaty'),
    symptom('tearing', 'Watery eyes'),
    symptom('runny-nose', 'Runny nose'),
    symptom('gooseflesh', 'Goosebumps'),
    symptom('shaking', 'Shaky'),
    symptom('hot-flushes', 'Hot flushes'),
    symptom('cold-flushes', 'Cold flushes'),
    symptom('aches', 'Aching bones or muscles'),
    symptom('restless', 'Restless'),
    symptom('nauseous', 'Queasy'),
    symptom('urge-to-vomit', 'Feel like vomiting'),
    symptom('twitching', 'Muscle twitches'),
    symptom('stomach-cramps', 'Stomach cramps'),
    symptom('craving-now', 'Craving to use right now'),
  ],
  range: { min: 0, max: 64 },
  bands: null,
  flags: [],
  coding: { system: LOCAL_INSTRUMENT_SYSTEM, panel: 'sows', total: 'sows-total' },
  notes: [
    'No published severity bands: show the total only.',
    'No confirmed LOINC code: coded in the local Clearleaf instrument system.',
  ],
} as const satisfies ScoredInstrumentDefinition;
