/** Due dates and words for the Discharge worklist, and what decides whether signing records a discharge. */
import { describe, expect, it } from 'vitest';
import {
  dischargeSummaryProblems,
  dischargeToRecord,
  type DischargeFacts,
  type DischargeWritten,
  dueWords,
  isOverdue,
  noServiceWords,
  summaryDueBy,
} from '../../../shared/domain/dischargeSummary';

const plain = (d: string) => d;

describe('discharge summary due dates', () => {
  it('is due 7 days after the last service, or after the discharge without one', () => {
    expect(summaryDueBy('2026-11-28', '2026-11-30')).toBe('2026-12-05');
    expect(summaryDueBy(null, '2026-11-30')).toBe('2026-12-07');
    expect(summaryDueBy('2026-12-29', '2026-12-30')).toBe('2027-01-05');
  });

  it('says when it is due, and overdue, in words', () => {
    expect(dueWords('2026-12-05', '2026-12-02', plain)).toBe('Summary due by 2026-12-05 (in 3 days)');
    expect(dueWords('2026-12-03', '2026-12-02', plain)).toBe('Summary due by 2026-12-03 (in 1 day)');
    expect(dueWords('2026-12-02', '2026-12-02', plain)).toBe('Summary due by 2026-12-02 (today)');
    expect(dueWords('2026-11-25', '2026-12-02', plain)).toBe('Summary due by 2026-11-25 (overdue by 7 days)');
    expect(isOverdue('2026-12-01', '2026-12-02')).toBe(true);
    expect(isOverdue('2026-12-02', '2026-12-02')).toBe(false);
  });

  it('says how long an active client has gone without service, with no due date', () => {
    expect(noServiceWords(45)).toBe('No service for 45 days — discharge or re-engage');
    expect(noServiceWords(1)).toBe('No service for 1 day — discharge or re-engage');
  });

  it('keeps a recorded discharge the summary agrees with, and corrects one it does not', () => {
    const recorded = { dischargedOn: '2026-11-29', type: 'lost-contact' as const };
    expect(dischargeToRecord(null, recorded)).toBe('record');
    expect(dischargeToRecord(recorded, { ...recorded })).toBe('keep');
    expect(dischargeToRecord(recorded, { ...recorded, type: 'completed' })).toBe('correct');
    expect(dischargeToRecord(recorded, { ...recorded, dischargedOn: '2026-11-30' })).toBe('correct');
  });
});

describe('what signing needs', () => {
  const facts = (services: Partial<DischargeFacts['services']>): DischargeFacts => ({
    admissionDate: '2026-10-01',
    lastServiceOn: null,
    recordedDischarge: null,
    services: { individual: 0, group: 0, family: 0, other: 0, matContacts: 0, ...services },
    treatmentPlanVersion: null,
    goals: [],
    instruments: [],
    diagnoses: [],
    levelOfCare: null,
    medications: [],
    aftercarePlan: null,
  });
  const written: DischargeWritten = {
    dischargedOn: '2026-12-01',
    dischargeType: 'completed',
    presentingProblem: 'Daily kratom use.',
    goalProgress: [],
    conditionAtDischarge: 'Stable.',
    levelOfCareAtDischarge: 'Outpatient counselling.',
    recommendations: 'Weekly meetings.',
    referrals: [],
    incompleteReason: 'Records were kept on paper before this chart.',
  };
  const typeProblem = (f: DischargeFacts, w: DischargeWritten) =>
    dischargeSummaryProblems({ facts: f, written: w }, '2026-12-02').find((p) => p.path === 'dischargeType');

  it('refuses "Completed treatment" with no signed service, beside the type; any service or another type is fine', () => {
    expect(typeProblem(facts({}), written)?.message).toMatch(/cannot be completed without a signed service/);
    expect(typeProblem(facts({ matContacts: 1 }), written)).toBeUndefined();
    expect(typeProblem(facts({ group: 2 }), written)).toBeUndefined();
    expect(typeProblem(facts({}), { ...written, dischargeType: 'lost-contact' })).toBeUndefined();
  });
});
