/**
 * Follow-up after discharge (issue 15, item 4). Each discharge asks for a contact 7 and 30 days after the discharge
 * date, and 90 days after when the clinic turns that on. A contact is closed when the client was reached or
 * declined; an attempt that did not reach the client keeps it open, until three such attempts close it (the
 * clinician has tried, and the record says so).
 */
import { z } from 'zod';
import { isoDate, optionalText } from './common';
import { addDays, statusOn, type DueStatus } from './measures';

export const FOLLOW_UP_DAYS = [7, 30, 90] as const;
export const FollowUpDaySchema = z.union([z.literal(7), z.literal(30), z.literal(90)]);
export type FollowUpDay = z.infer<typeof FollowUpDaySchema>;

/** The contacts a discharge asks for. */
export const followUpDays = (with90: boolean): FollowUpDay[] => (with90 ? [7, 30, 90] : [7, 30]);

export const MAX_UNREACHED_ATTEMPTS = 3;

export const CONTACT_RESULTS = ['reached', 'not-reached', 'declined'] as const;
export const USING_ANSWERS = ['not-using', 'using', 'not-asked'] as const;
export const AFTERCARE_ANSWERS = ['engaged', 'not-engaged', 'not-asked'] as const;

export const CONTACT_RESULT_LABELS: Record<(typeof CONTACT_RESULTS)[number], string> = {
  reached: 'Reached',
  'not-reached': 'Not reached',
  declined: 'Declined the call',
};
export const USING_LABELS: Record<(typeof USING_ANSWERS)[number], string> = {
  'not-using': 'Not using',
  using: 'Using',
  'not-asked': 'Not asked',
};
export const AFTERCARE_LABELS: Record<(typeof AFTERCARE_ANSWERS)[number], string> = {
  engaged: 'Engaged in aftercare',
  'not-engaged': 'Not engaged in aftercare',
  'not-asked': 'Not asked',
};

export const FollowUpOutcomeSchema = z
  .object({
    contactedOn: isoDate('Contact date'),
    result: z.enum(CONTACT_RESULTS, { error: 'Choose whether the client was reached.' }),
    using: z.enum(USING_ANSWERS),
    aftercare: z.enum(AFTERCARE_ANSWERS),
    readmissionOffered: z.boolean(),
    note: optionalText('The note', 2000),
  })
  .strict()
  .superRefine((o, ctx) => {
    // Only a client who was reached can have said whether they are using or in aftercare.
    if (o.result !== 'reached' && o.using !== 'not-asked')
      ctx.addIssue({
        code: 'custom',
        path: ['using'],
        message: 'Only a client who was reached can say this.',
      });
    if (o.result !== 'reached' && o.aftercare !== 'not-asked')
      ctx.addIssue({
        code: 'custom',
        path: ['aftercare'],
        message: 'Only a client who was reached can say this.',
      });
  });
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

export interface FollowUpAttempt {
  day: FollowUpDay;
  result: (typeof CONTACT_RESULTS)[number];
}

/** A contact is closed once reached or declined, or after the third attempt that did not reach the client. */
export function isClosed(attempts: readonly Pick<FollowUpAttempt, 'result'>[]): boolean {
  return (
    attempts.some((a) => a.result !== 'not-reached') ||
    attempts.filter((a) => a.result === 'not-reached').length >= MAX_UNREACHED_ATTEMPTS
  );
}

export interface FollowUpDue {
  day: FollowUpDay;
  dueOn: string;
  status: DueStatus;
  attempts: number;
}

/** The open follow-up contacts of one discharge, earliest first. */
export function openFollowUps(
  dischargedOn: string,
  with90: boolean,
  attempts: readonly FollowUpAttempt[],
  today: string,
): FollowUpDue[] {
  return followUpDays(with90).flatMap((day) => {
    const mine = attempts.filter((a) => a.day === day);
    if (isClosed(mine)) return [];
    const dueOn = addDays(dischargedOn, day);
    return [{ day, dueOn, status: statusOn(dueOn, today), attempts: mine.length }];
  });
}
