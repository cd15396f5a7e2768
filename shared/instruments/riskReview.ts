import { z } from 'zod';

/**
 * Six-dimension risk review, clinician-rated: each dimension 0–4 with a note. Policy: there is NO total and NO
 * placement algorithm — the clinician chooses the level of care and writes the rationale. Wording is neutral and
 * our own; no trademarked framework is named (CLINICAL.md §2). Not scored by `scoreInstrument`.
 */

export const RISK_REVIEW_DIMENSION_IDS = [
  'intoxication-withdrawal',
  'biomedical',
  'emotional-behavioural-cognitive',
  'readiness-to-change',
  'relapse-continued-use',
  'recovery-environment',
] as const;
export const RiskReviewDimensionIdSchema = z.enum(RISK_REVIEW_DIMENSION_IDS);
export type RiskReviewDimensionId = z.infer<typeof RiskReviewDimensionIdSchema>;

export interface RiskReviewDimension {
  readonly id: RiskReviewDimensionId;
  readonly label: string;
  /** A short prompt in our own words on what to consider. */
  readonly prompt: string;
}

export const RISK_REVIEW_RATINGS = [
  { value: 0, label: 'No concern' },
  { value: 1, label: 'Low concern' },
  { value: 2, label: 'Moderate concern' },
  { value: 3, label: 'High concern' },
  { value: 4, label: 'Very high concern' },
] as const;

export const riskReview = {
  id: 'risk-review',
  version: '1',
  title: 'Six-dimension risk review',
  ratedBy: 'clinician',
  dimensions: [
    {
      id: 'intoxication-withdrawal',
      label: 'Intoxication and withdrawal',
      prompt: 'Current intoxication, withdrawal severity and how past withdrawals went.',
    },
    {
      id: 'biomedical',
      label: 'Physical health',
      prompt: 'Medical conditions, pregnancy, and any that withdrawal or use could worsen.',
    },
    {
      id: 'emotional-behavioural-cognitive',
      label: 'Emotional, behavioural and cognitive',
      prompt: 'Mental-health symptoms, safety, and ability to take part in care.',
    },
    {
      id: 'readiness-to-change',
      label: 'Readiness to change',
      prompt: 'How ready the client is to change use and engage in treatment.',
    },
    {
      id: 'relapse-continued-use',
      label: 'Relapse or continued-use potential',
      prompt: 'Likelihood of continued use or return to use, and coping skills.',
    },
    {
      id: 'recovery-environment',
      label: 'Recovery environment',
      prompt: 'Home, relationships, work, access to the substance, and supports.',
    },
  ],
  ratings: RISK_REVIEW_RATINGS,
} as const satisfies {
  id: string;
  version: string;
  title: string;
  ratedBy: 'clinician';
  dimensions: readonly RiskReviewDimension[];
  ratings: readonly { value: number; label: string }[];
};

export const RiskRatingSchema = z.union([
  z.literal(0),
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
]);
export type RiskRating = z.infer<typeof RiskRatingSchema>;

export const RiskReviewEntrySchema = z.object({
  rating: RiskRatingSchema.nullable(),
  note: z.string().max(4000, 'The note must be at most 4000 characters.'),
});
export type RiskReviewEntry = z.infer<typeof RiskReviewEntrySchema>;

/** One entry per dimension; a missing dimension is treated as unrated. */
export const RiskReviewAnswersSchema = z.partialRecord(RiskReviewDimensionIdSchema, RiskReviewEntrySchema);
export type RiskReviewAnswers = z.infer<typeof RiskReviewAnswersSchema>;

/** Complete when every dimension has a rating (notes are optional). No total is ever computed. */
export function riskReviewStatus(answers: RiskReviewAnswers): 'complete' | 'incomplete' {
  return RISK_REVIEW_DIMENSION_IDS.every((id) => answers[id]?.rating != null) ? 'complete' : 'incomplete';
}

/** The dimensions not yet rated, in display order, so the form can point at them. */
export function riskReviewUnrated(answers: RiskReviewAnswers): RiskReviewDimensionId[] {
  return RISK_REVIEW_DIMENSION_IDS.filter((id) => answers[id]?.rating == null);
}
