import { describe, expect, it } from 'vitest';
import {
  isSuicideRiskLevelAllowed,
  SUICIDE_SCREEN_ITEM_IDS,
  suicideScreen,
  SuicideScreenAnswersSchema,
  suicideScreenFlags,
  suicideScreenMinimumRisk,
  SuicideScreenRecordSchema,
  suicideScreenStatus,
  type SuicideScreenAnswers,
  type SuicideScreenItemId,
  type SuicideTiming,
} from '../../../../shared/instruments';

const allNo = (): Record<SuicideScreenItemId, SuicideTiming> => ({
  'passive-wish': 'no',
  'active-thoughts': 'no',
  method: 'no',
  intent: 'no',
  plan: 'no',
  behaviour: 'no',
});

const withResponse = (id: SuicideScreenItemId, timing: SuicideTiming | null): SuicideScreenAnswers => ({
  responses: { ...allNo(), [id]: timing },
});

describe('suicide-risk screen', () => {
  it('lists the seven elements of CLINICAL.md in our own words', () => {
    expect(suicideScreen.items.map((item) => item.id)).toEqual([...SUICIDE_SCREEN_ITEM_IDS]);
    expect(suicideScreen.protectiveFactors.length).toBeGreaterThan(0);
    expect(suicideScreen.riskLevels.map((level) => level.value)).toEqual(['low', 'moderate', 'high']);
  });

  it('leaves the level to the clinician when nothing is endorsed', () => {
    const answers = { responses: allNo() };
    expect(suicideScreenMinimumRisk(answers)).toBeNull();
    expect(suicideScreenFlags(answers)).toEqual([]);
    expect(suicideScreenStatus(answers)).toBe('complete');
    for (const level of ['low', 'moderate', 'high'] as const) {
      expect(isSuicideRiskLevelAllowed(answers, level)).toBe(true);
    }
  });

  describe.each(['intent', 'plan', 'behaviour'] as const)('%s', (id) => {
    it.each(['past-3-months', 'timing-unknown'] as const)('%s → high risk and a safety plan', (timing) => {
      const answers = withResponse(id, timing);
      expect(suicideScreenMinimumRisk(answers)).toBe('high');
      expect(suicideScreenFlags(answers)).toEqual(['high-risk-rule', 'safety-plan-needed']);
      expect(isSuicideRiskLevelAllowed(answers, 'moderate')).toBe(false);
      expect(isSuicideRiskLevelAllowed(answers, 'high')).toBe(true);
    });

    it('more than 3 months ago does not fire the rule', () => {
      expect(suicideScreenMinimumRisk(withResponse(id, 'earlier'))).toBeNull();
    });

    it('fires even when the other items are unanswered', () => {
      const answers: SuicideScreenAnswers = { responses: { [id]: 'past-3-months' } };
      expect(suicideScreenStatus(answers)).toBe('incomplete');
      expect(suicideScreenMinimumRisk(answers)).toBe('high');
    });
  });

  it.each(['passive-wish', 'active-thoughts', 'method'] as const)(
    'recent %s raises recent-suicidal-thoughts without forcing high risk',
    (id) => {
      const answers = withResponse(id, 'past-3-months');
      expect(suicideScreenFlags(answers)).toEqual(['recent-suicidal-thoughts']);
      expect(suicideScreenMinimumRisk(answers)).toBeNull();
    },
  );

  it('is incomplete while any item is unanswered', () => {
    expect(suicideScreenStatus(withResponse('method', null))).toBe('incomplete');
    expect(suicideScreenStatus({ responses: {} })).toBe('incomplete');
  });

  it('parses answers and rejects unknown timings or factors', () => {
    expect(
      SuicideScreenAnswersSchema.safeParse({
        responses: allNo(),
        protectiveFactors: ['social-support'],
        protectiveNote: 'Sister nearby',
      }).success,
    ).toBe(true);
    expect(SuicideScreenAnswersSchema.safeParse({ responses: { plan: 'yes' } }).success).toBe(false);
    expect(SuicideScreenAnswersSchema.safeParse({ responses: {}, protectiveFactors: ['x'] }).success).toBe(
      false,
    );
  });

  it('rejects a record whose chosen level is below the rule, pointing at the field', () => {
    const answers = withResponse('plan', 'past-3-months');
    const low = SuicideScreenRecordSchema.safeParse({ answers, riskLevel: 'low', rationale: '' });
    expect(low.success).toBe(false);
    expect(low.error?.issues[0]?.path).toEqual(['riskLevel']);
    expect(SuicideScreenRecordSchema.safeParse({ answers, riskLevel: 'high', rationale: '' }).success).toBe(
      true,
    );
    expect(SuicideScreenRecordSchema.safeParse({ answers, riskLevel: null, rationale: '' }).success).toBe(
      true,
    );
  });
});
