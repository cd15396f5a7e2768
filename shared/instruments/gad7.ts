import { LOINC_SYSTEM } from './types';
import type { ChoiceItem, ScoredInstrumentDefinition } from './types';

/** GAD-7 (Spitzer et al. 2006), client-rated, over the past two weeks. */

const frequency = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Some days' },
  { value: 2, label: 'Most days' },
  { value: 3, label: 'Almost daily' },
] as const;

const scored = (id: string, label: string): ChoiceItem => ({
  id,
  label,
  kind: 'choice',
  scored: true,
  options: frequency,
});

export const gad7 = {
  id: 'gad7',
  version: '1',
  title: 'Generalized Anxiety Disorder scale',
  shortTitle: 'GAD-7',
  ratedBy: 'client',
  timeframe: 'Over the last two weeks',
  source: 'Spitzer, Kroenke, Williams & Löwe 2006',
  items: [
    scored('nervous', 'Nervous or on edge'),
    scored('uncontrolled-worry', 'Worry that is hard to stop'),
    scored('worry-many-things', 'Worry about many different things'),
    scored('relaxing', 'Hard to relax'),
    scored('restless', 'So restless it is hard to sit still'),
    scored('irritable', 'Easily annoyed or irritable'),
    scored('dread', 'A sense that something bad will happen'),
  ],
  range: { min: 0, max: 21 },
  bands: {
    default: [
      { min: 0, max: 4, id: 'minimal', label: 'Minimal' },
      { min: 5, max: 9, id: 'mild', label: 'Mild' },
      { min: 10, max: 14, id: 'moderate', label: 'Moderate' },
      { min: 15, max: 21, id: 'severe', label: 'Severe' },
    ],
  },
  flags: [],
  coding: { system: LOINC_SYSTEM, panel: null, total: '70274-6' },
  notes: [],
} as const satisfies ScoredInstrumentDefinition;
