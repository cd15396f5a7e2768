/**
 * Disclosures made under a Part 2 consent (CLINICAL.md §6): a printed or exported record leaving the clinic. Each is
 * recorded for the accounting of disclosures (date, recipient and address, what, purpose, consent used, notice
 * version). Which consents may carry which note is a pure decision here, so the screen and main agree on it.
 */
import { z } from 'zod';
import { optionalText, requiredText } from './common';
import { ConsentTypeSchema, type ConsentType } from './consents';
import type { Note } from './notes';

/** What the clinician says when printing a note to disclose it: the consent used, to whom, and why. */
export const DisclosureRequestSchema = z
  .object({
    consentId: z
      .string({ error: 'Choose the consent this note is disclosed under.' })
      .min(1, 'Choose the consent this note is disclosed under.')
      .max(64),
    recipient: requiredText('Recipient', 300),
    recipientAddress: optionalText('Recipient address', 500),
    purpose: requiredText('Purpose', 1000),
  })
  .strict();
export type DisclosureRequest = z.infer<typeof DisclosureRequestSchema>;

/** What kind of record a disclosure sent: a note, or a relapse-prevention, safety or aftercare plan version. */
export const DisclosureSourceTypeSchema = z.enum(['note', 'recovery-plan']);
export type DisclosureSourceType = z.infer<typeof DisclosureSourceTypeSchema>;

export const DisclosureSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  consentId: z.string(),
  consentType: ConsentTypeSchema,
  consentSignedOn: z.string(),
  disclosedAtMs: z.number().int(),
  disclosedBy: z.string(),
  disclosedByName: z.string().nullable(),
  recipient: z.string(),
  recipientAddress: z.string(),
  purpose: z.string(),
  what: z.string(),
  sourceType: DisclosureSourceTypeSchema,
  sourceId: z.string(),
  noticeVersion: z.string(),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;

/** How long the accounting of disclosures reaches back (CLINICAL.md §6: at least the past 3 years). */
export const ACCOUNTING_YEARS = 3;

/** The earliest instant the accounting covers, given now: the same moment ACCOUNTING_YEARS years ago. */
export function accountingSinceMs(nowMs: number): number {
  const d = new Date(nowMs);
  d.setUTCFullYear(d.getUTCFullYear() - ACCOUNTING_YEARS);
  return d.getTime();
}

/**
 * A private SUD counselling note leaves the clinic only under a consent for SUD counselling notes; any active consent
 * of this client may carry a progress or group note.
 */
export function consentPermitsNote(consentType: ConsentType, noteKind: Note['kind']): boolean {
  return noteKind === 'sud-counselling' ? consentType === 'sud-counselling-notes' : true;
}

const NOTE_WHAT: Record<Note['kind'], string> = {
  progress: 'Progress note',
  'group-member': "Group session note (this client's part only)",
  'sud-counselling': 'SUD counselling note',
};

/** The plain description of what was disclosed, for the accounting: "Progress note, session 2026-11-20". */
export function noteDisclosureWhat(kind: Note['kind'], sessionDate: string): string {
  return `${NOTE_WHAT[kind]}, session ${sessionDate}`;
}
