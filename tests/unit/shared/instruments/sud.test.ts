import { describe, expect, it } from 'vitest';
import {
  scoreInstrument,
  sud,
  sudDiagnosis,
  SudDetailsSchema,
  sudRemissionSpecifier,
  type SudDetails,
} from '../../../../shared/instruments';

/** `count` criteria met among the first nine (neither tolerance nor withdrawal), then tolerance and withdrawal. */
const checklist = (count: number, tolerance = false, withdrawal = false): boolean[] => [
  ...Array.from({ length: 9 }, (_, index) => index < count),
  tolerance,
  withdrawal,
];

describe('SUD checklist', () => {
  it('lists the 11 criteria in the order of CLINICAL.md', () => {
    expect(sud.items.map((item) => item.id)).toEqual([
      'larger-longer',
      'cut-down',
      'time-spent',
      'craving',
      'role-failure',
      'social-problems',
      'activities-given-up',
      'hazardous-use',
      'despite-harm',
      'tolerance',
      'withdrawal',
    ]);
  });

  it.each([
    [0, 'none'],
    [1, 'none'],
    [2, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [5, 'moderate'],
    [6, 'severe'],
    [9, 'severe'],
  ])('%i criteria is %s', (count, band) => {
    expect(scoreInstrument('sud', checklist(count))).toEqual({
      status: 'complete',
      total: count,
      band,
      flags: [],
    });
  });

  it('counts all 11 criteria when not under supervision', () => {
    expect(scoreInstrument('sud', checklist(9, true, true))).toMatchObject({ total: 11, band: 'severe' });
    expect(scoreInstrument('sud', checklist(1, true), { underMedicalSupervision: false })).toMatchObject({
      total: 2,
      band: 'mild',
      flags: [],
    });
  });

  describe('under medical supervision', () => {
    it('does not count tolerance or withdrawal, and flags that they were endorsed', () => {
      expect(scoreInstrument('sud', checklist(1, true, true), { underMedicalSupervision: true })).toEqual({
        status: 'complete',
        total: 1,
        band: 'none',
        flags: ['tolerance-withdrawal-excluded'],
      });
      expect(
        scoreInstrument('sud', checklist(3, false, true), { underMedicalSupervision: true }),
      ).toMatchObject({
        total: 3,
        band: 'mild',
        flags: ['tolerance-withdrawal-excluded'],
      });
    });

    it('raises no flag when neither was endorsed', () => {
      expect(scoreInstrument('sud', checklist(4), { underMedicalSupervision: true })).toEqual({
        status: 'complete',
        total: 4,
        band: 'moderate',
        flags: [],
      });
    });

    it('does not require tolerance or withdrawal to be answered', () => {
      const answers = [...checklist(2).slice(0, 9), null, null];
      expect(scoreInstrument('sud', answers, { underMedicalSupervision: true })).toMatchObject({
        status: 'complete',
        total: 2,
      });
      expect(scoreInstrument('sud', answers)).toMatchObject({
        status: 'incomplete',
        total: null,
        band: null,
      });
    });

    it('flags from answered items even when incomplete', () => {
      const answers = [null, ...checklist(0, true).slice(1)];
      expect(scoreInstrument('sud', answers, { underMedicalSupervision: true })).toEqual({
        status: 'incomplete',
        total: null,
        band: null,
        flags: ['tolerance-withdrawal-excluded'],
      });
    });
  });

  it.each([1, 0, 'yes'])('rejects the non-boolean %s', (value) => {
    const answers: unknown[] = checklist(0);
    answers[0] = value;
    expect(() => scoreInstrument('sud', answers as boolean[])).toThrow(RangeError);
  });

  it('rejects a non-boolean supervision context', () => {
    expect(() => scoreInstrument('sud', checklist(0), { underMedicalSupervision: 'yes' } as never)).toThrow(
      RangeError,
    );
  });

  // Issue 8 item 5: the code follows the substance checked; F19 ("other") was shown for every checklist before.
  const of = (substance: SudDetails['substance'], over: Partial<SudDetails> = {}): SudDetails => ({
    substance,
    substanceName: '',
    remission: null,
    severityBeforeRemission: null,
    ...over,
  });

  it('codes kratom as "other substance" F19, .10 mild and .20 moderate or severe, nothing when not met', () => {
    expect(sudDiagnosis('none', of('kratom'))).toBeNull();
    expect(sudDiagnosis(null, of('kratom'))).toBeNull();
    expect(sudDiagnosis('mild', of('kratom'))).toEqual({ code: 'F19.10', text: 'Kratom use disorder, mild' });
    expect(sudDiagnosis('moderate', of('kratom'))?.code).toBe('F19.20');
    expect(sudDiagnosis('severe', of('kratom', { substanceName: 'Red Bali' }))).toEqual({
      code: 'F19.20',
      text: 'Kratom (Red Bali) use disorder, severe',
    });
    expect(() => sudDiagnosis('positive', of('kratom'))).toThrow(RangeError);
  });

  it.each([
    ['alcohol', 'F10'],
    ['opioids', 'F11'],
    ['cannabis', 'F12'],
    ['sedatives', 'F13'],
    ['cocaine', 'F14'],
    ['stimulants', 'F15'],
    ['kratom', 'F19'],
  ] as const)('codes %s in the %s family', (substance, family) => {
    expect(sudDiagnosis('mild', of(substance))?.code).toBe(`${family}.10`);
    expect(sudDiagnosis('moderate', of(substance))?.code).toBe(`${family}.20`);
    expect(sudDiagnosis('severe', of(substance))?.code).toBe(`${family}.20`);
  });

  it('names an "other" substance, which must be named', () => {
    expect(sudDiagnosis('mild', of('other', { substanceName: 'gabapentin' }))).toEqual({
      code: 'F19.10',
      text: 'Gabapentin use disorder, mild',
    });
    expect(SudDetailsSchema.safeParse(of('other')).success).toBe(false);
  });

  it('codes a disorder in early or sustained remission, when recorded, by its severity before remission', () => {
    expect(
      sudDiagnosis('none', of('opioids', { remission: 'early', severityBeforeRemission: 'moderate-severe' })),
    ).toEqual({ code: 'F11.21', text: 'Opioid use disorder, moderate or severe, in early remission' });
    expect(
      sudDiagnosis('none', of('alcohol', { remission: 'sustained', severityBeforeRemission: 'mild' })),
    ).toEqual({ code: 'F10.11', text: 'Alcohol use disorder, mild, in sustained remission' });
    expect(SudDetailsSchema.safeParse(of('kratom', { remission: 'early' })).success).toBe(false);
  });

  it.each([
    [0, null],
    [2.9, null],
    [3, 'early-remission'],
    [11.9, 'early-remission'],
    [12, 'sustained-remission'],
    [40, 'sustained-remission'],
  ])('remission after %s months with no criterion but craving: %s', (months, specifier) => {
    expect(sudRemissionSpecifier(months)).toBe(specifier);
  });

  it.each([-1, Number.NaN, Infinity])('rejects %s months', (months) => {
    expect(() => sudRemissionSpecifier(months)).toThrow(RangeError);
  });
});
