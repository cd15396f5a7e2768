import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../../shared/domain/assessments';
import { AssessmentInputSchema } from '../../../../shared/domain/assessments';
import {
  draftComplete,
  draftHoursSinceLastDose,
  draftOf,
  liveScore,
  newDraft,
  sudInput,
  toInput,
  type ScoredDraft,
  type ScreenDraft,
} from '../../../../renderer/src/screens/assessments/assessmentDraft';
import {
  bandLabel,
  incompleteText,
  resultText,
  scoringSex,
  unansweredCount,
} from '../../../../renderer/src/screens/assessments/instrumentText';
import { toDateTimeLocal } from '../../../../renderer/src/screens/chart/dates';

const NOW = new Date(2026, 10, 22, 14, 0).getTime();
const LAST_DOSE = new Date(2026, 10, 22, 2, 0).getTime();

function scored(kind: 'cows' | 'phq9' | 'auditc' | 'sud', lastDose: number | null = null): ScoredDraft {
  const d = newDraft(kind, NOW, lastDose);
  if (d.kind !== 'scored') throw new Error('expected a scored draft');
  return d;
}

describe('assessment drafts', () => {
  it('starts blank: every item unanswered, now, and a withdrawal rating from the intake last dose', () => {
    const cows = scored('cows', LAST_DOSE);
    expect(cows.answers).toEqual(Array(11).fill(null));
    expect(cows.administeredAt).toBe(toDateTimeLocal(NOW));
    expect(cows.lastDoseAt).toBe(toDateTimeLocal(LAST_DOSE));
    expect(draftHoursSinceLastDose(cows)).toBe(12);
    // The last dose only matters to withdrawal ratings.
    expect(scored('phq9', LAST_DOSE).lastDoseAt).toBe('');
    // PHQ-9 has its unscored difficulty item as a tenth answer.
    expect(scored('phq9').answers).toHaveLength(10);
  });

  it('scores live with the shared engine: incomplete until every counted item is answered', () => {
    const d = scored('cows');
    d.answers = [2, 2, 3, 2, 2, 2, 2, 2, 2, 2, null];
    expect(liveScore(d, null)).toMatchObject({ status: 'incomplete', total: null });
    expect(unansweredCount('cows', d.answers, false)).toBe(1);
    d.answers[10] = 3;
    expect(liveScore(d, null)).toEqual({ status: 'complete', total: 24, band: 'moderate', flags: [] });
    expect(draftComplete(d)).toBe(true);
  });

  it('uses the recorded sex for AUDIT-C only, and supervision for the SUD checklist only', () => {
    const audit = scored('auditc');
    audit.answers = [1, 1, 1];
    expect(liveScore(audit, 'female')?.band).toBe('positive');
    expect(liveScore(audit, 'male')?.band).toBe('negative');
    expect(liveScore(audit, null)?.flags).toContain('sex-not-recorded');

    const sud = scored('sud');
    sud.answers = [true, true, false, false, false, false, false, false, false, null, null];
    expect(liveScore(sud, 'female')?.status).toBe('incomplete');
    expect(unansweredCount('sud', sud.answers, false)).toBe(2);
    sud.underMedicalSupervision = true;
    expect(unansweredCount('sud', sud.answers, true)).toBe(0);
    expect(liveScore(sud, 'female')).toMatchObject({ status: 'complete', total: 2, band: 'mild' });

    const built = toInput(sud, 'female');
    expect('input' in built && built.input).toMatchObject({
      context: { sex: null, underMedicalSupervision: true },
      sud: null,
    });
  });

  it('sends the substance a SUD checklist was for, and reads it back (issue 8 item 5)', () => {
    const d = scored('sud');
    d.answers = [true, true, true, true, false, false, false, false, false, false, false];
    expect(sudInput(d)).toBeNull();
    d.sud = { substance: 'alcohol', substanceName: ' ', remission: '', severityBeforeRemission: '' };
    const built = toInput(d, null);
    if (!('input' in built)) throw new Error('expected an input');
    expect(built.input).toMatchObject({
      sud: { substance: 'alcohol', substanceName: '', remission: null, severityBeforeRemission: null },
    });
    expect(AssessmentInputSchema.safeParse(built.input).success).toBe(true);
    const saved: Assessment = {
      id: 'a2',
      clientId: 'c1',
      instrumentVersion: '1',
      input: built.input,
      score: liveScore(d, null),
      administeredBy: 'u1',
      administeredByName: null,
      createdAtMs: NOW,
      updatedAtMs: NOW,
      signedAtMs: null,
      signedByName: null,
    };
    expect(draftOf(saved)).toMatchObject({ sud: { ...d.sud, substanceName: '' } });
    expect(resultText(saved)).toBe('Alcohol: 4 · Moderate · F10.20');
  });

  it('sends the answers exactly as given, with the withdrawal context, in a shape the server accepts', () => {
    const d = scored('cows', LAST_DOSE);
    d.answers = [1, 0, null, 5, 0, 0, 0, 0, 0, 0, 3];
    d.timePoint = 'before-first-dose';
    d.notes = 'Sweating after the walk in';
    const built = toInput(d, 'male');
    if (!('input' in built)) throw new Error('expected an input');
    expect(built.input).toEqual({
      instrumentId: 'cows',
      answers: [1, 0, null, 5, 0, 0, 0, 0, 0, 0, 3],
      context: { sex: null, underMedicalSupervision: null },
      lastDoseAtMs: LAST_DOSE,
      timePoint: 'before-first-dose',
      sud: null,
      vitals: null,
      administeredAtMs: NOW,
      notes: 'Sweating after the walk in',
    });
    expect(AssessmentInputSchema.safeParse(built.input).success).toBe(true);
  });

  it('sends vital signs as numbers, refuses one that is not a number beside its field, and reads them back', () => {
    const d = scored('cows', LAST_DOSE);
    d.vitals = { systolic: '128', diastolic: '84', heartRate: '', temperatureC: '37,2' };
    const built = toInput(d, null);
    if (!('input' in built)) throw new Error('expected an input');
    expect(built.input.instrumentId !== 'suicide-screen' && built.input.vitals).toEqual({
      systolic: 128,
      diastolic: 84,
      heartRate: null,
      temperatureC: 37.2,
    });
    d.vitals = { ...d.vitals, heartRate: '9o' };
    expect(toInput(d, null)).toEqual({
      errors: [{ path: 'assessment.vitals.heartRate', message: 'Heart rate must be a number.' }],
    });
    expect(d.vitals.heartRate).toBe('9o');
  });

  it('refuses a missing or broken date-time beside its field, without losing anything typed', () => {
    const d = scored('cows');
    d.administeredAt = '';
    d.lastDoseAt = '2026-11-2';
    const built = toInput(d, null);
    expect(built).toEqual({
      errors: [
        { path: 'assessment.administeredAtMs', message: 'Enter when it was administered.' },
        { path: 'assessment.lastDoseAtMs', message: 'Enter the date and time of the last dose.' },
      ],
    });
    expect(d.lastDoseAt).toBe('2026-11-2');
  });

  it('builds a suicide-risk screen record and reads it back', () => {
    const d = newDraft('suicide-screen', NOW, null) as ScreenDraft;
    expect(d.kind).toBe('screen');
    d.responses = { 'passive-wish': 'past-3-months', plan: 'timing-unknown' };
    d.riskLevel = 'high';
    d.rationale = 'Plan, timing unclear.';
    expect(draftComplete(d)).toBe(false);
    const built = toInput(d, null);
    if (!('input' in built)) throw new Error('expected an input');
    expect(AssessmentInputSchema.safeParse(built.input).success).toBe(true);

    const saved: Assessment = {
      id: 'a1',
      clientId: 'c1',
      instrumentVersion: '1',
      input: built.input,
      score: null,
      administeredBy: 'u1',
      administeredByName: 'Tobias Okonkwo-Reyes',
      createdAtMs: NOW,
      updatedAtMs: NOW,
      signedAtMs: null,
      signedByName: null,
    };
    expect(draftOf(saved)).toEqual(d);
    expect(resultText(saved)).toBe('High risk');
  });
});

describe('instrument wording', () => {
  it('takes band labels from the definitions', () => {
    expect(bandLabel('cows', 'moderately-severe')).toBe('Moderately severe withdrawal');
    expect(bandLabel('phq9', 'moderate')).toBe('Moderate');
    expect(bandLabel('auditc', 'positive')).toBe('At or above the screening threshold');
  });

  it('reads the client record sex for scoring: female or male, else not recorded', () => {
    expect(scoringSex('female')).toBe('female');
    expect(scoringSex('male')).toBe('male');
    expect(scoringSex('intersex')).toBeNull();
    expect(scoringSex('not-recorded')).toBeNull();
  });

  it('says how many items are unanswered', () => {
    expect(incompleteText(1)).toBe('Incomplete — 1 item unanswered');
    expect(incompleteText(6)).toBe('Incomplete — 6 items unanswered');
  });
});
