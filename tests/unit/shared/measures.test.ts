/**
 * Due dates of scored measures (issue 15 item 1). The process runs in Los Angeles time so the daylight-saving
 * cases are real: 1 November 2026 ends daylight saving there, 14 March 2027 starts it.
 */
process.env.TZ = 'America/Los_Angeles';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE,
  addDays,
  isOff,
  nextDue,
  scheduleWith,
  type MeasureRule,
} from '../../../shared/domain/measures';

const rule = (measure: MeasureRule['measure']) => DEFAULT_SCHEDULE.find((r) => r.measure === measure)!;
/** Epoch ms of a local wall-clock time in the process zone. */
const local = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('addDays', () => {
  it('counts calendar days across month and year ends and leap days', () => {
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(addDays('2028-01-31', 30)).toBe('2028-03-01');
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('nextDue', () => {
  const facts = { admissionDate: '2026-11-02', lastDoneAtMs: null, lastContactOn: null };

  it('asks for PHQ-9 on the admission date when there is no score yet', () => {
    expect(nextDue(rule('phq9'), facts, '2026-11-02')).toEqual({
      measure: 'phq9',
      dueOn: '2026-11-02',
      reason: 'intake',
      status: 'due-today',
    });
    expect(nextDue(rule('phq9'), facts, '2026-11-05')?.status).toBe('overdue');
  });

  it('repeats 30 calendar days after the local date of the last score, across a month end', () => {
    // Given at 23:30 on 31 January: 30 days on is 2 March, whatever the UTC date of the instant was.
    const due = nextDue(rule('phq9'), { ...facts, lastDoneAtMs: local(2027, 1, 31, 23, 30) }, '2027-02-20');
    expect(due).toEqual({ measure: 'phq9', dueOn: '2027-03-02', reason: 'interval', status: 'upcoming' });
  });

  it('keeps calendar days across the autumn daylight-saving change (25-hour day)', () => {
    // 00:30 on 10 October + 30 × 24 h would be 23:30 on 8 November, a day early: the rule says 9 November.
    const due = nextDue(rule('gad7'), { ...facts, lastDoneAtMs: local(2026, 10, 10, 0, 30) }, '2026-11-09');
    expect(due).toMatchObject({ dueOn: '2026-11-09', status: 'due-today' });
    expect(
      nextDue(rule('gad7'), { ...facts, lastDoneAtMs: local(2026, 10, 10, 0, 30) }, '2026-11-08')?.status,
    ).toBe('upcoming');
  });

  it('keeps calendar days across the spring daylight-saving change (23-hour day)', () => {
    // 23:30 on 1 March + 30 × 24 h would be 00:30 on 1 April, a day late: the rule says 31 March.
    const due = nextDue(rule('phq9'), { ...facts, lastDoneAtMs: local(2027, 3, 1, 23, 30) }, '2027-03-31');
    expect(due).toMatchObject({ dueOn: '2027-03-31', status: 'due-today' });
  });

  it('AUDIT-C is asked for once, at intake: a score clears it for good', () => {
    expect(nextDue(rule('auditc'), facts, '2026-11-03')?.status).toBe('overdue');
    expect(nextDue(rule('auditc'), { ...facts, lastDoneAtMs: local(2026, 11, 3) }, '2027-06-01')).toBeNull();
  });

  it('asks for COWS or SOWS on the day of a withdrawal contact until one is given on or after it', () => {
    const w = rule('withdrawal');
    expect(nextDue(w, facts, '2026-11-10')).toBeNull();
    const contact = { ...facts, lastContactOn: '2026-11-09' };
    expect(nextDue(w, contact, '2026-11-10')).toEqual({
      measure: 'withdrawal',
      dueOn: '2026-11-09',
      reason: 'withdrawal-contact',
      status: 'overdue',
    });
    expect(nextDue(w, { ...contact, lastDoneAtMs: local(2026, 11, 8) }, '2026-11-10')).not.toBeNull();
    expect(nextDue(w, { ...contact, lastDoneAtMs: local(2026, 11, 9, 8) }, '2026-11-10')).toBeNull();
    expect(nextDue(w, { ...contact, lastDoneAtMs: local(2026, 11, 10) }, '2026-11-10')).toBeNull();
  });

  it('without an intake score the interval counts from admission; the earliest reason wins', () => {
    const every14: MeasureRule = {
      measure: 'phq9',
      atIntake: false,
      everyDays: 14,
      atWithdrawalContact: false,
    };
    expect(nextDue(every14, facts, '2026-11-10')).toMatchObject({ dueOn: '2026-11-16', reason: 'interval' });
    const both: MeasureRule = { ...every14, atIntake: true };
    expect(nextDue(both, facts, '2026-11-10')).toMatchObject({ dueOn: '2026-11-02', reason: 'intake' });
  });
});

describe('schedules', () => {
  it('the defaults follow CLINICAL.md §1–2', () => {
    expect(DEFAULT_SCHEDULE).toEqual([
      { measure: 'phq9', atIntake: true, everyDays: 30, atWithdrawalContact: false },
      { measure: 'gad7', atIntake: true, everyDays: 30, atWithdrawalContact: false },
      { measure: 'auditc', atIntake: true, everyDays: null, atWithdrawalContact: false },
      { measure: 'withdrawal', atIntake: false, everyDays: null, atWithdrawalContact: true },
    ]);
  });

  it('a stored rule replaces the default for its measure only; a rule asking nothing is off', () => {
    const off: MeasureRule = {
      measure: 'auditc',
      atIntake: false,
      everyDays: null,
      atWithdrawalContact: false,
    };
    const s = scheduleWith([off]);
    expect(s.map((r) => r.measure)).toEqual(['phq9', 'gad7', 'auditc', 'withdrawal']);
    expect(s[2]).toEqual(off);
    expect(s.filter(isOff).map((r) => r.measure)).toEqual(['auditc']);
  });
});
