/** Level-of-care decision support against CLINICAL.md §3: each criterion from the record, and the suggestion. */
import { describe, expect, it } from 'vitest';
import { emptySection, type Intake } from '../../../shared/domain/intake';
import {
  levelOfCareCriteria,
  suggestedLevel,
  type Criterion,
  type LatestScores,
} from '../../../shared/domain/levelOfCare';

type Sections = Intake['sections'];

const NO_SCORES: LatestScores = { phq9Total: null, gad7Total: null, sudBand: null };

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

describe('level-of-care support', () => {
  it('suggests a taper for low, predictable use with nothing else recorded', () => {
    const all = criteria();
    expect(all.filter((c) => c.state === 'met').map((c) => c.id)).toEqual([
      'taper-moderate-use',
      'taper-measurable',
      'taper-low-triggers',
    ]);
    expect(suggestedLevel(all)).toBe('taper');
  });

  it('suggests detox, not residential care, when the client also drinks or takes sedatives now', () => {
    const all = criteria((d) => {
      d.substances!.alcohol = 'current';
    });
    expect(state(all, 'detox-co-use')).toBe('met');
    expect(all.find((c) => c.id === 'detox-co-use')?.evidence).toContain('Current use of alcohol');
    expect(state(all, 'residential-broader')).toBe('judgement');
    expect(suggestedLevel(all)).toBe('detox');
    expect(suggestedLevel(all, { 'residential-broader': true })).toBe('residential');
  });

  it('leaves "other drugs" written on the intake to the clinician, and never reads unanswered as no', () => {
    const other = criteria((d) => {
      d.substances!.otherSubstances = 'Gabapentin most days';
    });
    expect(state(other, 'detox-co-use')).toBe('judgement');
    expect(other.find((c) => c.id === 'detox-co-use')?.evidence).toContain('Gabapentin most days');
    expect(suggestedLevel(other)).toBe('taper');
    expect(suggestedLevel(other, { 'detox-co-use': true })).toBe('detox');

    const unanswered = criteria((d) => {
      d.substances = emptySection('substances');
    });
    expect(state(unanswered, 'detox-co-use')).toBe('unknown');
    const notStarted = criteria((d) => {
      d.substances = null;
    });
    expect(state(notStarted, 'detox-co-use')).toBe('unknown');
  });

  it('shows high depression and anxiety scores but leaves "flare in withdrawal" to the clinician', () => {
    const all = criteria(() => {}, { phq9Total: 21, gad7Total: 17, sudBand: null });
    expect(state(all, 'residential-mental-health')).toBe('judgement');
    expect(all.find((c) => c.id === 'residential-mental-health')?.evidence).toBe('Latest PHQ-9 21, GAD-7 17');
    expect(suggestedLevel(all)).toBe('taper');
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
