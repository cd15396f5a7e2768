/**
 * Disclosures made under a Part 2 consent (CLINICAL.md §6): a printed or exported record leaving the clinic. Each is
 * recorded for the accounting of disclosures (date, recipient and address, what, purpose, consent used, notice
 * version). Which consents may carry which note is a pure decision here, so the screen and main agree on it.
 */
import { z } from 'zod';
import { optionalText, requiredText } from './common';
import { consentStatus, ConsentTypeSchema, type Consent, type ConsentType } from './consents';
import type { FieldProblem, Note } from './notes';

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

/** What a disclosure is made under: one of the client's consents, or the client's own request (no consent). */
export const DISCLOSURE_BASES = ['consent', 'client-request'] as const;
export const DisclosureBasisSchema = z.enum(DISCLOSURE_BASES);
export type DisclosureBasis = z.infer<typeof DisclosureBasisSchema>;

/** The kinds of record whose leaving the clinic is accounted for. Later printed documents add their kind here. */
export const DISCLOSURE_SOURCES = ['note', 'export', 'recovery-plan', 'discharge-summary'] as const;
export const DisclosureSourceSchema = z.enum(DISCLOSURE_SOURCES);
export type DisclosureSource = z.infer<typeof DisclosureSourceSchema>;
/** The same list under the name the printed plans use. */
export const DisclosureSourceTypeSchema = DisclosureSourceSchema;
export type DisclosureSourceType = DisclosureSource;

export const CLIENT_REQUEST_LABEL = "At the client's own request (no consent needed)";

export const DisclosureSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  basis: DisclosureBasisSchema,
  /** Null exactly when the basis is the client's own request. */
  consentId: z.string().nullable(),
  consentType: ConsentTypeSchema.nullable(),
  consentSignedOn: z.string(),
  disclosedAtMs: z.number().int(),
  disclosedBy: z.string(),
  disclosedByName: z.string().nullable(),
  recipient: z.string(),
  recipientAddress: z.string(),
  purpose: z.string(),
  what: z.string(),
  sourceType: DisclosureSourceSchema,
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
 * Policy (CLINICAL.md §6; 42 CFR 2.31(b)): a private SUD counselling note leaves the clinic only under a consent for
 * SUD counselling notes, and such a consent covers only SUD counselling notes, never the rest of the record. Any
 * other active consent of this client may carry a progress or group note.
 */
export function consentPermitsNote(consentType: ConsentType, noteKind: Note['kind']): boolean {
  return (noteKind === 'sud-counselling') === (consentType === 'sud-counselling-notes');
}

/** A single-disclosure consent is used up by its one disclosure (issue 9 item 5). */
export const consentUsedUp = (c: Pick<Consent, 'consent' | 'firstDisclosedAtMs'>): boolean =>
  c.consent.type === 'single-disclosure' && c.firstDisclosedAtMs !== null;

/** Whether this consent can carry a disclosure of this kind of note today. */
export const consentUsableFor = (c: Consent, noteKind: Note['kind'], today: string): boolean =>
  consentStatus(c, today) === 'active' && !consentUsedUp(c) && consentPermitsNote(c.consent.type, noteKind);

/**
 * Policy (CLINICAL.md §6: a consent names the recipient and the purpose): a disclosure goes to the recipient the
 * consent names, for the purpose it names, and to its address when it names one. They are chosen from the consent,
 * never typed; a request that differs is refused on the field that differs.
 */
export function disclosureOutsideConsent(d: DisclosureRequest, c: Consent['consent']): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const same = (a: string, b: string) => a.trim() === b.trim();
  if (!same(d.recipient, c.recipient)) {
    problems.push({
      path: 'disclosure.recipient',
      message: `The consent names the recipient "${c.recipient}".`,
    });
  }
  if (!same(d.purpose, c.purpose)) {
    problems.push({ path: 'disclosure.purpose', message: 'The purpose must be the one the consent names.' });
  }
  if (c.recipientAddress.trim() !== '' && !same(d.recipientAddress, c.recipientAddress)) {
    problems.push({
      path: 'disclosure.recipientAddress',
      message: 'The address must be the one the consent names.',
    });
  }
  return problems;
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
