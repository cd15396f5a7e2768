import { LOINC_SYSTEM } from './types';
import type { ChoiceItem, ScoredInstrumentDefinition } from './types';

/**
 * PHQ-9 (Kroenke et al. 2001), client-rated, over the past two weeks. Item 9 above 0 raises 'suicide-risk' whatever
 * the total and even when other items are unanswered (safety flags surface at once).
 *
 * The tenth item (how hard the problems make daily life) is unscored: answers may have 9 or 10 entries; the tenth
 * is 0–3 or null and never counts toward the total or toward completeness.
 */

const frequency = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Some days' },
  { value: 2, label: 'Most days' },
  { value: 3, label: 'Almost daily' },
] as const;

const scored = (id: string, label: string, code?: string): ChoiceItem => ({
  id,
  label,
  kind: 'choice',
  scored: true,
  options: frequency,
  ...(code === undefined ? {} : { code }),
});

export const PHQ9_SELF_HARM_ITEM_ID = 'self-harm-thoughts';

export const phq9 = {
  id: 'phq9',
  version: '1',
  title: 'Patient Health Questionnaire, depression module',
  shortTitle: 'PHQ-9',
  ratedBy: 'client',
  timeframe: 'Over the last two weeks',
  source: 'Kroenke, Spitzer & Williams 2001',
  items: [
    scored('interest', 'Low interest or enjoyment in activities'),
    scored('mood', 'Low mood or hopelessness'),
    scored('sleep', 'Sleeping too little or too much'),
    scored('energy', 'Tiredness or low energy'),
    scored('appetite', 'Poor appetite or overeating'),
    scored('self-worth', 'Harsh view of oneself or guilt'),
    scored('concentration', 'Trouble concentrating'),
    scored('psychomotor', 'Slowed down, or unusually restless'),
    scored(PHQ9_SELF_HARM_ITEM_ID, 'Thoughts of death or of self-harm', '44260-8'),
    {
      id: 'difficulty',
      label: 'How hard these problems make daily life',
      kind: 'choice',
      scored: false,
      options: [
        { value: 0, label: 'Not at all' },
        { value: 1, label: 'Somewhat' },
        { value: 2, label: 'Very' },
        { value: 3, label: 'Extremely' },
      ],
    },
  ],
  range: { min: 0, max: 27 },
  bands: {
    default: [
      { min: 0, max: 4, id: 'minimal', label: 'Minimal' },
      { min: 5, max: 9, id: 'mild', label: 'Mild' },
      { min: 10, max: 14, id: 'moderate', label: 'Moderate' },
      { min: 15, max: 19, id: 'moderately-severe', label: 'Moderately severe' },
      { min: 20, max: 27, id: 'severe', label: 'Severe' },
    ],
  },
  flags: [{ kind: 'item-above', flag: 'suicide-risk', itemId: PHQ9_SELF_HARM_ITEM_ID, above: 0 }],
  coding: { system: LOINC_SYSTEM, panel: '44249-1', total: '44261-6' },
  notes: [
    'Item 9 above 0 raises a suicide-risk flag whatever the total.',
    'The difficulty item is optional and unscored; answers may hold 9 or 10 entries.',
  ],
} as const satisfies ScoredInstrumentDefinition;
