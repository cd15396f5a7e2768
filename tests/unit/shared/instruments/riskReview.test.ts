import { describe, expect, it } from 'vitest';
import {
  RISK_REVIEW_DIMENSION_IDS,
  riskReview,
  RiskReviewAnswersSchema,
  riskReviewStatus,
  riskReviewUnrated,
  type RiskReviewAnswers,
} from '../../../../shared/instruments';

const rated = (rating: 0 | 1 | 2 | 3 | 4): RiskReviewAnswers =>
  Object.fromEntries(RISK_REVIEW_DIMENSION_IDS.map((id) => [id, { rating, note: '' }]));

describe('six-dimension risk review', () => {
  it('has six dimensions, each rated 0–4, and no total', () => {
    expect(riskReview.dimensions.map((dimension) => dimension.id)).toEqual([...RISK_REVIEW_DIMENSION_IDS]);
    expect(riskReview.ratings.map((rating) => rating.value)).toEqual([0, 1, 2, 3, 4]);
    expect(riskReview).not.toHaveProperty('range');
    expect(riskReview).not.toHaveProperty('bands');
  });

  it('is complete only when every dimension is rated; notes are optional', () => {
    expect(riskReviewStatus(rated(2))).toBe('complete');
    expect(riskReviewUnrated(rated(0))).toEqual([]);
    const partial = { ...rated(4), biomedical: { rating: null, note: 'awaiting labs' } };
    expect(riskReviewStatus(partial)).toBe('incomplete');
    expect(riskReviewUnrated(partial)).toEqual(['biomedical']);
    expect(riskReviewUnrated({})).toEqual([...RISK_REVIEW_DIMENSION_IDS]);
  });

  it('parses ratings 0–4 and rejects anything else', () => {
    expect(RiskReviewAnswersSchema.safeParse(rated(4)).success).toBe(true);
    for (const rating of [5, -1, 1.5, '2']) {
      expect(RiskReviewAnswersSchema.safeParse({ biomedical: { rating, note: '' } }).success).toBe(false);
    }
    expect(RiskReviewAnswersSchema.safeParse({ placement: { rating: 1, note: '' } }).success).toBe(false);
  });
});
