/**
 * The diagnoses a client's signed SUD checklists establish (CLINICAL.md §2), shared by the discharge summary and the
 * export: remission keeps the severity before remission; a later "criteria not met" without remission does not
 * remove a diagnosis; one diagnosis per substance.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/domain/assessments';
import { sudDiagnosesBySubstance } from '../../../shared/domain/sudDiagnoses';
import type { SudDetails } from '../../../shared/instruments';

let n = 0;
function checklist(
  day: number,
  band: 'none' | 'mild' | 'moderate' | 'severe' | null,
  sud: Partial<SudDetails> | null = {},
  signed = true,
): Assessment {
  n += 1;
  const at = Date.UTC(2026, 9, day, 12);
  return {
    id: `sud-${n}`,
    clientId: 'c1',
    instrumentVersion: '1',
    input: {
      instrumentId: 'sud',
      answers: [],
      context: { sex: null, underMedicalSupervision: null },
      lastDoseAtMs: null,
      timePoint: null,
      sud:
        sud === null
          ? null
          : {
              substance: 'kratom',
              substanceName: '',
              remission: null,
              severityBeforeRemission: null,
              ...sud,
            },
      vitals: null,
      administeredAtMs: at,
      notes: '',
    },
    score: { status: band === null ? 'incomplete' : 'complete', total: null, band, flags: [] },
    administeredBy: 'u1',
    administeredByName: 'Dr. Test',
    createdAtMs: at,
    updatedAtMs: at,
    signedAtMs: signed ? at : null,
    signedByName: signed ? 'Dr. Test' : null,
  };
}

describe('sudDiagnosesBySubstance', () => {
  it('gives a disorder in remission the severity it had before remission, not "criteria not met"', () => {
    const [dx, ...rest] = sudDiagnosesBySubstance([
      checklist(1, 'severe'),
      checklist(20, 'none', { remission: 'early', severityBeforeRemission: 'moderate-severe' }),
    ]);
    expect(rest).toEqual([]);
    expect(dx).toMatchObject({
      code: 'F19.21',
      text: 'Kratom use disorder, moderate or severe, in early remission',
      severity: 'Moderate or severe',
      remission: 'early',
      laterNotMetOn: null,
    });
    expect(
      sudDiagnosesBySubstance([
        checklist(2, 'none', { remission: 'sustained', severityBeforeRemission: 'mild' }),
      ])[0],
    ).toMatchObject({ code: 'F19.11', severity: 'Mild' });
  });

  it('keeps the diagnosis of the last checklist that met criteria when a later one finds 0–1 and no remission', () => {
    const met = checklist(3, 'moderate');
    const notMet = checklist(25, 'none');
    const [dx] = sudDiagnosesBySubstance([notMet, met]);
    expect(dx).toMatchObject({
      code: 'F19.20',
      severity: 'Moderate',
      laterNotMetOn: notMet.input.administeredAtMs,
    });
    expect(dx!.checklist.id).toBe(met.id);
    // An incomplete later checklist says nothing either way.
    const [dx2] = sudDiagnosesBySubstance([met, checklist(26, null)]);
    expect(dx2).toMatchObject({ code: 'F19.20', laterNotMetOn: null });
    // Never met: no diagnosis. Drafts do not count.
    expect(sudDiagnosesBySubstance([checklist(4, 'none'), checklist(5, 'none')])).toEqual([]);
    expect(sudDiagnosesBySubstance([checklist(6, 'severe', {}, false)])).toEqual([]);
  });

  it('lists one diagnosis per substance, each from its own checklists, the kratom default for old checklists', () => {
    const found = sudDiagnosesBySubstance([
      checklist(1, 'mild', null),
      checklist(2, 'severe', { substance: 'alcohol' }),
      checklist(3, 'moderate', { substance: 'other', substanceName: 'Phenibut' }),
      checklist(4, 'mild', { substance: 'other', substanceName: 'Tianeptine' }),
      checklist(9, 'moderate', { substance: 'kratom' }),
    ]);
    expect(found.map((d) => [d.code, d.text])).toEqual([
      ['F19.20', 'Kratom use disorder, moderate'],
      ['F10.20', 'Alcohol use disorder, severe'],
      ['F19.20', 'Phenibut use disorder, moderate'],
      ['F19.10', 'Tianeptine use disorder, mild'],
    ]);
  });
});
