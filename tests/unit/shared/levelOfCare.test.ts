/** Level-of-care decision support against CLINICAL.md §3: each criterion from the record, and the suggestion. */
import { describe, expect, it } from 'vitest';
import { emptySection, type Intake } from '../../../shared/domain/intake';
import {
  dimensionsWithoutRatingOrReason,
  LEVEL_LABELS,
  LEVELS,
  levelOfCareCriteria,
  suggestedLevel,
  suggestionGaps,
  type Criterion,
  type LatestScores,
} from '../../../shared/domain/levelOfCare';
import type { BaselineSummary } from '../../../shared/domain/useLog';

type Sections = Intake['sections'];

const NO_SCORES: LatestScores = { phq9Total: null, gad7Total: null, sudBand: null, openSuicideAlert: null };

/** A client whose intake answers every question with the low-risk answer, for one change at a time. */
function lowRiskIntake(): Sections {
  return {
    kratom: {
      ...emptySection('kratom'),
      productForms: ['leaf-powder'],
      gramsPerDose: 1,
      dosesPerDay: 1,
      wakesInWithdrawal: false,
      dosesOvernight: false,
      withdrawalDerailedQuitting: false,
    },
    substances: {
      ...emptySection('substances'),
      alcohol: 'never',
      benzodiazepines: 'never',
      opioids: 'past',
      stimulants: 'never',
    },
    medical: { ...emptySection('medical'), heartRhythm: false, liver: false, seizures: false },
    psychiatric: { ...emptySection('psychiatric'), depression: false, panic: false, trauma: false },
    pregnancy: { status: 'not-pregnant', notes: '' },
    social: { ...emptySection('social'), accessToTriggers: 'low' },
    reasons: emptySection('reasons'),
  };
}

function criteria(change: (d: Sections) => void = () => {}, latest = NO_SCORES): Criterion[] {
  const data = lowRiskIntake();
  change(data);
  const intake: Intake = { clientId: 'c1', sections: data, savedAtMs: {} };
  return levelOfCareCriteria({ intake, baseline: null, latest });
}
const state = (all: Criterion[], id: string) => all.find((c) => c.id === id)?.state;

/**
 * The clinician's answers that leave nothing open: support at home is strong, and no residential criterion
 * applies. Without answers, judgement criteria are open, and no level is suggested below one they could call for.
 */
const ALL_CLEAR = {
  'taper-support': true,
  'residential-environment': false,
  'residential-broader': false,
  'residential-mental-health': false,
  'residential-time-away': false,
} as const;

describe('level-of-care support', () => {
  it('suggests a taper for low, predictable use only once the clinician has answered what only they can tell', () => {
    const all = criteria();
    expect(all.filter((c) => c.state === 'met').map((c) => c.id)).toEqual([
      'taper-moderate-use',
      'taper-measurable',
      'taper-low-triggers',
    ]);
    // Before (issue 8 item 1) this was 'taper' with the residential judgements still unanswered.
    expect(suggestedLevel(all)).toBeNull();
    expect(suggestionGaps(all).missing.map((c) => c.id)).toEqual([
      'residential-environment',
      'residential-broader',
      'residential-mental-health',
      'residential-time-away',
    ]);
    expect(suggestedLevel(all, ALL_CLEAR)).toBe('taper');
  });

  it('suggests detox, not residential care, when the client also drinks or takes sedatives now', () => {
    const all = criteria((d) => {
      d.substances!.alcohol = 'current';
    });
    expect(state(all, 'detox-co-use')).toBe('met');
    expect(all.find((c) => c.id === 'detox-co-use')?.evidence).toContain('Current use of alcohol');
    expect(state(all, 'residential-broader')).toBe('judgement');
    // Residential criteria still open: a lower level is not suggested until they are answered.
    expect(suggestedLevel(all)).toBeNull();
    expect(suggestedLevel(all, ALL_CLEAR)).toBe('detox');
    expect(suggestedLevel(all, { 'residential-broader': true })).toBe('residential');
  });

  it('leaves "other drugs" written on the intake to the clinician, and never reads unanswered as no', () => {
    const other = criteria((d) => {
      d.substances!.otherSubstances = 'Gabapentin most days';
    });
    expect(state(other, 'detox-co-use')).toBe('judgement');
    expect(other.find((c) => c.id === 'detox-co-use')?.evidence).toContain('Gabapentin most days');
    expect(suggestedLevel(other, ALL_CLEAR)).toBeNull();
    expect(suggestionGaps(other, ALL_CLEAR).missing.map((c) => c.id)).toEqual(['detox-co-use']);
    expect(suggestedLevel(other, { ...ALL_CLEAR, 'detox-co-use': false })).toBe('taper');
    expect(suggestedLevel(other, { ...ALL_CLEAR, 'detox-co-use': true })).toBe('detox');

    const unanswered = criteria((d) => {
      d.substances = emptySection('substances');
    });
    expect(state(unanswered, 'detox-co-use')).toBe('unknown');
    const notStarted = criteria((d) => {
      d.substances = null;
    });
    expect(state(notStarted, 'detox-co-use')).toBe('unknown');
  });

  it('reads high depression and anxiety scores as psychiatric risk, but leaves "flare in withdrawal" to the clinician', () => {
    const all = criteria(() => {}, { phq9Total: 21, gad7Total: 17, sudBand: null, openSuicideAlert: null });
    expect(state(all, 'residential-mental-health')).toBe('judgement');
    expect(all.find((c) => c.id === 'residential-mental-health')?.evidence).toBe('Latest PHQ-9 21, GAD-7 17');
    // Issue 9 item 8: psychiatric risk is today's scores too, not only the intake's history (before: 'taper').
    expect(state(all, 'detox-psychiatric')).toBe('met');
    expect(all.find((c) => c.id === 'detox-psychiatric')?.evidence).toContain('Latest PHQ-9 21, GAD-7 17');
    expect(state(all, 'caution-mental-health')).toBe('met');
    expect(suggestedLevel(all, ALL_CLEAR)).toBe('detox');
  });

  it('meets psychiatric risk at PHQ-9 or GAD-7 10 (moderate), not 9, and with an open suicide-risk alert', () => {
    const psych = (latest: Partial<LatestScores>) =>
      state(
        criteria(() => {}, { ...NO_SCORES, ...latest }),
        'detox-psychiatric',
      );
    expect(psych({ phq9Total: 9, gad7Total: 9 })).toBe('not-met');
    expect(psych({ phq9Total: 10 })).toBe('met');
    expect(psych({ gad7Total: 10 })).toBe('met');
    expect(psych({ openSuicideAlert: 'PHQ-9: thoughts of being better off dead' })).toBe('met');
    const withAlert = criteria(() => {}, {
      ...NO_SCORES,
      openSuicideAlert: 'Suicide-risk screen: high risk',
    });
    expect(withAlert.find((c) => c.id === 'detox-psychiatric')?.evidence).toContain(
      'Open alert: Suicide-risk screen: high risk',
    );
  });

  it('meets each detox criterion from the record at its threshold', () => {
    const edge = (change: (d: Sections) => void, id: string) => state(criteria(change), id);
    expect(edge((d) => (d.kratom!.dosesPerDay = 3), 'detox-many-doses')).toBe('not-met');
    expect(edge((d) => (d.kratom!.dosesPerDay = 4), 'detox-many-doses')).toBe('met');
    expect(
      edge((d) => ((d.kratom!.gramsPerDose = 2.5), (d.kratom!.dosesPerDay = 2)), 'detox-high-amount'),
    ).toBe('not-met');
    expect(
      edge((d) => ((d.kratom!.gramsPerDose = 2.6), (d.kratom!.dosesPerDay = 2)), 'detox-high-amount'),
    ).toBe('met');
    expect(edge((d) => (d.kratom!.productForms = ['shot']), 'detox-potent')).toBe('met');
    expect(edge((d) => (d.kratom!.dosesOvernight = true), 'detox-night')).toBe('met');
    expect(edge((d) => (d.kratom!.withdrawalDerailedQuitting = true), 'detox-derailed')).toBe('met');
    expect(edge((d) => (d.medical!.seizures = true), 'detox-medical')).toBe('met');
    expect(edge((d) => (d.psychiatric!.panic = true), 'detox-psychiatric')).toBe('met');
  });

  it('cautions against cold turkey from a second daily dose, and for the other risk factors', () => {
    const caution = (change: (d: Sections) => void) => state(criteria(change), 'caution-doses');
    expect(caution(() => {})).toBe('not-met');
    expect(caution((d) => (d.kratom!.dosesPerDay = 2))).toBe('met');
    expect(caution((d) => (d.kratom!.wakesInWithdrawal = true))).toBe('met');
    expect(caution((d) => (d.kratom!.dosesPerDay = null))).toBe('unknown');
    expect(
      state(
        criteria((d) => (d.kratom!.dosesPerDay = 2)),
        'detox-many-doses',
      ),
    ).toBe('not-met');
    expect(
      state(
        criteria((d) => (d.pregnancy!.status = 'postpartum')),
        'caution-pregnancy',
      ),
    ).toBe('met');
    expect(
      state(
        criteria((d) => (d.medical!.liver = true)),
        'caution-medical',
      ),
    ).toBe('met');
    expect(
      state(
        criteria((d) => (d.psychiatric!.trauma = true)),
        'caution-mental-health',
      ),
    ).toBe('met');
  });
});

describe('suggestedLevel: the lowest safe level (issue 8 item 1)', () => {
  const blank: Intake = {
    clientId: 'c1',
    sections: {
      kratom: null,
      substances: null,
      medical: null,
      psychiatric: null,
      pregnancy: null,
      social: null,
      reasons: null,
    },
    savedAtMs: {},
  };

  it('suggests nothing for a blank intake, and says what to record', () => {
    const all = levelOfCareCriteria({ intake: blank, baseline: null, latest: NO_SCORES });
    expect(suggestedLevel(all)).toBeNull();
    expect(suggestedLevel(all, ALL_CLEAR)).toBeNull();
    const missing = suggestionGaps(all, ALL_CLEAR).missing.map((c) => c.id);
    expect(missing).toEqual([
      'detox-derailed',
      'detox-potent',
      'detox-high-amount',
      'detox-many-doses',
      'detox-night',
      'detox-medical',
      'detox-psychiatric',
      'detox-co-use',
    ]);
  });

  it('suggests nothing while one detox criterion is unknown, however low the rest', () => {
    for (const change of [
      (d: Sections) => (d.kratom!.dosesPerDay = null),
      (d: Sections) => (d.medical!.liver = null),
      (d: Sections) => (d.kratom!.withdrawalDerailedQuitting = null),
      (d: Sections) => (d.psychiatric = null),
    ]) {
      const all = criteria(change);
      expect(suggestedLevel(all, ALL_CLEAR)).toBeNull();
      expect(suggestionGaps(all, ALL_CLEAR).missing.length).toBeGreaterThan(0);
    }
  });

  it('suggests a taper only when its own criteria are met', () => {
    const triggers = criteria((d) => (d.social!.accessToTriggers = 'high'));
    expect(suggestedLevel(triggers, ALL_CLEAR)).toBeNull();
    expect(suggestionGaps(triggers, ALL_CLEAR)).toEqual({
      missing: [],
      taperNotMet: [expect.objectContaining({ id: 'taper-low-triggers' })],
    });
    expect(suggestedLevel(criteria(), { ...ALL_CLEAR, 'taper-support': false })).toBeNull();
    expect(
      suggestedLevel(
        criteria((d) => (d.social!.accessToTriggers = null)),
        ALL_CLEAR,
      ),
    ).toBeNull();
  });

  it('suggests detox when one detox criterion is met, whatever other detox criteria are unknown', () => {
    const all = criteria((d) => {
      d.kratom!.dosesPerDay = 6;
      d.medical!.liver = null;
    });
    expect(suggestedLevel(all, ALL_CLEAR)).toBe('detox');
  });
});

describe('strong products from the use log (issue 8 item 2)', () => {
  const log = (strongFormsLogged: BaselineSummary['strongFormsLogged']): BaselineSummary => ({
    days: 3,
    complete: true,
    meanDosesPerDay: 2,
    meanGramsPerDay: 0,
    largestDoseGrams: null,
    byForm: [{ group: 'extract', dosesPerDay: 2, amountsPerDay: [{ unit: 'g', amount: 1 }] }],
    strongFormsLogged,
    topTriggers: [],
    firstDate: '2026-11-20',
    lastDate: '2026-11-22',
  });
  const withLog = (baseline: BaselineSummary) =>
    levelOfCareCriteria({
      intake: { clientId: 'c1', sections: lowRiskIntake(), savedAtMs: {} },
      baseline,
      latest: NO_SCORES,
    });

  it('meets the strong-product criterion from the log when the intake says leaf powder, and suggests no taper', () => {
    const all = withLog(log(['extract']));
    expect(state(all, 'detox-potent')).toBe('met');
    expect(state(all, 'taper-measurable')).toBe('not-met');
    expect(all.find((c) => c.id === 'detox-potent')?.evidence).toBe('Intake: Leaf powder. Use log: Extract');
    expect(suggestedLevel(all, ALL_CLEAR)).toBe('detox');
    expect(suggestedLevel(all)).not.toBe('taper');
    // Two 0.5 g extract shots a day are not "a light leaf habit": 0 g of leaf says nothing about the amount.
    expect(state(all, 'detox-high-amount')).toBe('unknown');
    expect(state(all, 'taper-moderate-use')).toBe('unknown');
    expect(all.find((c) => c.id === 'detox-high-amount')?.evidence).toBe(
      '2 doses a day, 0 g of leaf a day plus strong forms (never added into leaf grams) (3-day baseline log)',
    );
  });

  it('names the product forms in words, not codes', () => {
    const all = criteria((d) => (d.kratom!.productForms = ['leaf-powder', '7-oh-product']));
    expect(all.find((c) => c.id === 'detox-potent')?.evidence).toBe(
      'Intake: Leaf powder, 7-OH (7-hydroxymitragynine) product',
    );
  });

  it("does not add a shot among the intake's forms into leaf grams a day", () => {
    const all = criteria((d) => {
      d.kratom!.productForms = ['leaf-powder', 'shot'];
      d.kratom!.gramsPerDose = 3.5;
      d.kratom!.dosesPerDay = 3;
    });
    expect(state(all, 'detox-high-amount')).toBe('unknown');
    expect(all.find((c) => c.id === 'detox-high-amount')?.evidence).toContain('leaf grams a day unknown');
    expect(state(all, 'detox-potent')).toBe('met');
  });
});

describe('decision rules', () => {
  it('lists levels beyond taper, detox and residential for the clinician to record', () => {
    expect(LEVELS).toEqual([
      'taper',
      'outpatient',
      'intensive-outpatient',
      'partial-hospitalisation',
      'detox',
      'residential',
    ]);
    expect(LEVEL_LABELS['partial-hospitalisation']).toBe('Partial hospitalisation');
  });

  it('refuses a review with a dimension neither rated nor explained (issue 9 item 8)', () => {
    expect(dimensionsWithoutRatingOrReason({})).toHaveLength(6);
    const ratings = Object.fromEntries(
      [
        'intoxication-withdrawal',
        'biomedical',
        'emotional-behavioural-cognitive',
        'readiness-to-change',
        'relapse-continued-use',
      ].map((id) => [id, { rating: 2, note: '' }]),
    );
    expect(
      dimensionsWithoutRatingOrReason({ ...ratings, 'recovery-environment': { rating: null, note: ' ' } }),
    ).toEqual(['Recovery environment']);
    expect(
      dimensionsWithoutRatingOrReason({
        ...ratings,
        'recovery-environment': { rating: null, note: 'Client declined to talk about home today' },
      }),
    ).toEqual([]);
  });
});
