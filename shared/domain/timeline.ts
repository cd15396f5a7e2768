import { z } from 'zod';

/** One thing recorded for a client, for the chart's timeline. Later capabilities add kinds. */
export const TimelineEventSchema = z.object({
  atMs: z.number().int(),
  kind: z.enum([
    'client-created',
    'intake-section',
    'use-log-day',
    'consent-created',
    'consent-revoked',
    'consent-ended',
    'assessment',
    'level-of-care',
    'alert-raised',
    'alert-acknowledged',
    'note-signed',
    'plan-version',
    'discharge',
    'taper-version',
    'recovery-plan-signed',
    'medication-change',
    'mat-note-signed',
    'discharge-summary-signed',
    'follow-up',
  ]),
  title: z.string(),
  detail: z.string(),
  /** The chart tab that shows it. */
  area: z.enum([
    'profile',
    'intake',
    'use-log',
    'consents',
    'assessments',
    'level-of-care',
    'alerts',
    'notes',
    'plan',
    'taper',
    'recovery-plans',
    'mat',
    'discharge',
  ]),
  refId: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;
