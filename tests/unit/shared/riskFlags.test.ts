import { describe, expect, it } from 'vitest';
import { emptySection, type Intake, type IntakeData } from '../../../shared/domain/intake';
import { intakeRiskFlags, useLogRiskFlags } from '../../../shared/domain/riskFlags';

/** An intake with only the given sections saved; the rest not started (null). */
function intake(sections: { [K in keyof IntakeData]?: Partial<IntakeData[K]> }): Intake {
  const with_ = <K extends keyof IntakeData>(k: K): IntakeData[K] | null =>
    sections[k] ? { ...emptySection(k), ...sections[k] } : null;
  return {
    clientId: 'client-1',
    sections: {
      kratom: with_('kratom'),
      substances: with_('substances'),
      medical: with_('medical'),
      psychiatric: with_('psychiatric'),
      pregnancy: with_('pregnancy'),
      social: with_('social'),
      reasons: with_('reasons'),
    },
    savedAtMs: {},
  };
}

const ids = (i: Intake) => intakeRiskFlags(i).map((f) => f.id);

describe('intakeRiskFlags', () => {
  it('raises nothing for an intake not started, or saved with every answer unknown', () => {
    expect(intakeRiskFlags(intake({}))).toEqual([]);
    expect(
      intakeRiskFlags(
        intake({
          kratom: {},
          substances: {},
          medical: {},
          psychiatric: {},
          pregnancy: {},
          social: {},
          reasons: {},
        }),
      ),
    ).toEqual([]);
  });

  it('flags more than three doses a day (three is not more than three)', () => {
    expect(ids(intake({ kratom: { dosesPerDay: 3 } }))).toEqual([]);
    expect(intakeRiskFlags(intake({ kratom: { dosesPerDay: 4 } }))).toEqual([
      { id: 'many-daily-doses', severity: 'caution', label: '4 doses a day (more than 3)', source: 'intake' },
    ]);
  });

  it('flags over 5 g a day from grams per dose × doses per day, and only when both are known', () => {
    expect(ids(intake({ kratom: { gramsPerDose: 2.5, dosesPerDay: 2 } }))).toEqual([]);
    expect(ids(intake({ kratom: { gramsPerDose: 40, dosesPerDay: null } }))).toEqual([]);
    const flags = intakeRiskFlags(intake({ kratom: { gramsPerDose: 1.7, dosesPerDay: 3 } }));
    expect(flags).toEqual([
      expect.objectContaining({ id: 'high-daily-amount', label: 'About 5.1 g a day (over 5 g)' }),
    ]);
    expect(
      intakeRiskFlags(intake({ kratom: { gramsPerDose: 2.5, dosesPerDay: 5 } })).map((f) => f.label),
    ).toEqual(['5 doses a day (more than 3)', 'About 12.5 g a day (over 5 g)']);
  });

  it('flags extracts, shots and 7-OH products, not leaf or capsules', () => {
    expect(ids(intake({ kratom: { productForms: ['leaf-powder', 'capsules'] } }))).toEqual([]);
    for (const form of ['extract', 'shot', '7-oh-product'] as const) {
      expect(ids(intake({ kratom: { productForms: ['leaf-powder', form] } }))).toEqual(['potent-products']);
    }
  });

  it('flags night-time withdrawal and derailed attempts only on yes, never on no or unknown', () => {
    expect(ids(intake({ kratom: { wakesInWithdrawal: false, dosesOvernight: null } }))).toEqual([]);
    expect(ids(intake({ kratom: { wakesInWithdrawal: true, dosesOvernight: true } }))).toEqual([
      'night-withdrawal',
    ]);
    expect(ids(intake({ kratom: { dosesOvernight: true } }))).toEqual(['night-withdrawal']);
    expect(ids(intake({ kratom: { withdrawalDerailedQuitting: true } }))).toEqual(['withdrawal-derailed']);
  });

  it('flags current co-use of alcohol, benzodiazepines, opioids or stimulants, not past use', () => {
    expect(ids(intake({ substances: { alcohol: 'past', opioids: 'never' } }))).toEqual([]);
    expect(
      intakeRiskFlags(intake({ substances: { alcohol: 'current', benzodiazepines: 'current' } })),
    ).toEqual([
      expect.objectContaining({ id: 'co-use', label: 'Current use of alcohol, benzodiazepines as well' }),
    ]);
  });

  it('flags heart rhythm, liver or seizure history in one caution', () => {
    expect(ids(intake({ medical: { heartRhythm: false, liver: null } }))).toEqual([]);
    expect(intakeRiskFlags(intake({ medical: { heartRhythm: true, seizures: true } }))[0]?.label).toBe(
      'Medical history: heart rhythm, seizures',
    );
  });

  it('records suicidal thoughts and depression, panic or trauma as cautions (the alert carries the urgency)', () => {
    expect(ids(intake({ psychiatric: { suicidalThoughts: false } }))).toEqual([]);
    expect(intakeRiskFlags(intake({ psychiatric: { suicidalThoughts: true, trauma: true } }))).toEqual([
      {
        id: 'suicidal-thoughts',
        severity: 'caution',
        label: 'Suicidal thoughts reported at intake',
        source: 'intake',
      },
      {
        id: 'psychiatric-history',
        severity: 'caution',
        label: 'Mental health history: trauma',
        source: 'intake',
      },
    ]);
  });

  it('flags pregnancy and the postpartum period, not other answers', () => {
    for (const status of ['not-applicable', 'not-pregnant', 'unknown', null] as const) {
      expect(ids(intake({ pregnancy: { status } }))).toEqual([]);
    }
    // Seed 000 (issue 8 item 9): the flag says what to do, not only what the intake records.
    expect(intakeRiskFlags(intake({ pregnancy: { status: 'pregnant' } }))[0]?.label).toBe(
      'Pregnant: coordinate care with the obstetric provider',
    );
    expect(intakeRiskFlags(intake({ pregnancy: { status: 'postpartum' } }))[0]?.label).toBe(
      'Postpartum: coordinate care with the obstetric provider',
    );
  });

  it('cautions about lost tolerance after opioids, with naloxone and a MOUD referral (issue 8 item 9)', () => {
    expect(ids(intake({ substances: { opioids: 'never', priorOpioidUse: false } }))).toEqual([]);
    const started = intakeRiskFlags(intake({ substances: { startedKratomToStopOpioids: true } }));
    expect(started.map((f) => f.id)).toEqual(['prior-opioid-use']);
    expect(started[0]?.label).toMatch(/^Started kratom to get off opioids: tolerance is lost/);
    expect(started[0]?.label).toMatch(/overdose/);
    expect(started[0]?.label).toMatch(/naloxone/);
    expect(started[0]?.label).toMatch(/medication for opioid use disorder \(MOUD\)/);
    expect(ids(intake({ substances: { priorOpioidUse: true } }))).toEqual(['prior-opioid-use']);
    expect(ids(intake({ substances: { opioids: 'past' } }))).toEqual(['prior-opioid-use']);
    expect(intakeRiskFlags(intake({ substances: { opioids: 'past' } }))[0]?.label).toMatch(
      /^Prior opioid use:/,
    );
  });

  it('never adds a shot among the intake\'s forms into "About N g a day" (issue 8 item 2)', () => {
    const labels = intakeRiskFlags(
      intake({ kratom: { productForms: ['leaf-powder', 'shot'], gramsPerDose: 3.5, dosesPerDay: 5 } }),
    ).map((f) => f.label);
    expect(labels.some((l) => l.includes('g a day'))).toBe(false);
    expect(labels).toContain('Uses extracts, shots or 7-OH products');
  });

  it('flags strong forms found in the use log, whatever the intake says', () => {
    expect(useLogRiskFlags([{ form: 'leaf-powder' }, { form: 'capsules' }])).toEqual([]);
    expect(useLogRiskFlags([{ form: 'leaf-powder' }, { form: 'shot' }, { form: 'extract' }])).toEqual([
      {
        id: 'potent-products-logged',
        severity: 'caution',
        label: 'Use log: Extract, Liquid shot logged (far stronger than leaf; never added into leaf grams)',
        source: 'use-log',
      },
    ]);
  });
});
