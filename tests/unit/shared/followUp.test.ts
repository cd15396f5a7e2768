/** Follow-up contacts after discharge (issue 15 item 4): which are due, when, and when they close. */
import { describe, expect, it } from 'vitest';
import { FollowUpOutcomeSchema, isClosed, openFollowUps } from '../../../shared/domain/followUp';

describe('openFollowUps', () => {
  it('asks for contacts 7 and 30 days after discharge, in calendar days across a month end', () => {
    expect(openFollowUps('2026-11-28', false, [], '2026-12-05')).toEqual([
      { day: 7, dueOn: '2026-12-05', status: 'due-today', attempts: 0 },
      { day: 30, dueOn: '2026-12-28', status: 'upcoming', attempts: 0 },
    ]);
  });

  it('adds the 90-day contact when the clinic turns it on', () => {
    expect(openFollowUps('2026-11-28', true, [], '2026-12-05').map((f) => [f.day, f.dueOn])).toEqual([
      [7, '2026-12-05'],
      [30, '2026-12-28'],
      [90, '2027-02-26'],
    ]);
  });

  it('closes a contact once reached or declined, or after three attempts that did not reach the client', () => {
    expect(openFollowUps('2026-11-01', false, [{ day: 7, result: 'reached' }], '2026-11-20')).toEqual([
      { day: 30, dueOn: '2026-12-01', status: 'upcoming', attempts: 0 },
    ]);
    const twice = [
      { day: 7 as const, result: 'not-reached' as const },
      { day: 7 as const, result: 'not-reached' as const },
    ];
    expect(openFollowUps('2026-11-01', false, twice, '2026-11-20')[0]).toEqual({
      day: 7,
      dueOn: '2026-11-08',
      status: 'overdue',
      attempts: 2,
    });
    expect(isClosed([...twice, { result: 'not-reached' }])).toBe(true);
    expect(isClosed([{ result: 'declined' }])).toBe(true);
    expect(isClosed([])).toBe(false);
  });
});

describe('FollowUpOutcomeSchema', () => {
  const reached = {
    contactedOn: '2026-11-09',
    result: 'reached',
    using: 'not-using',
    aftercare: 'engaged',
    readmissionOffered: false,
    note: '',
  };

  it('takes a full outcome for a reached client', () => {
    expect(FollowUpOutcomeSchema.safeParse(reached).success).toBe(true);
  });

  it('refuses answers about use or aftercare from a client who was not reached', () => {
    const r = FollowUpOutcomeSchema.safeParse({ ...reached, result: 'not-reached' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['using', 'aftercare']);
    expect(
      FollowUpOutcomeSchema.safeParse({
        ...reached,
        result: 'declined',
        using: 'not-asked',
        aftercare: 'not-asked',
      }).success,
    ).toBe(true);
  });
});
