/**
 * 42 CFR Part 2 consent to disclose (CLINICAL.md §6). A consent cannot be saved without every required element;
 * a consent for treatment, payment and health-care operations also carries the redisclosure statement and the
 * consequences of refusing to sign. A revoked or expired consent cannot be used.
 */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from './common';

export const CONSENT_TYPES = ['single-disclosure', 'tpo', 'sud-counselling-notes'] as const;
export const ConsentTypeSchema = z.enum(CONSENT_TYPES);
export type ConsentType = z.infer<typeof ConsentTypeSchema>;
export const CONSENT_TYPE_LABELS: Record<ConsentType, string> = {
  'single-disclosure': 'Single disclosure',
  tpo: 'Treatment, payment and health-care operations',
  'sud-counselling-notes': 'SUD counselling notes',
};

export const CONSENT_EXPIRY_KINDS = ['date', 'discharge', 'event'] as const;
export const ConsentExpiryKindSchema = z.enum(CONSENT_EXPIRY_KINDS);
export type ConsentExpiryKind = z.infer<typeof ConsentExpiryKindSchema>;
export const CONSENT_EXPIRY_LABELS: Record<ConsentExpiryKind, string> = {
  date: 'On a date',
  discharge: 'When the client is discharged',
  event: 'On another event',
};

export const ConsentInputSchema = z
  .object({
    type: ConsentTypeSchema,
    patientName: requiredText('Patient name', 200),
    disclosingParty: requiredText('Who may disclose', 300),
    informationDescription: requiredText('Information to be disclosed', 2000),
    recipient: requiredText('Recipient (name or class)', 300),
    recipientAddress: optionalText('Recipient address', 500),
    purpose: requiredText('Purpose of the disclosure', 1000),
    revocationRightExplained: z.boolean(),
    howToRevoke: requiredText('How to revoke', 1000),
    /**
     * How the consent ends (CLINICAL.md §6 "expiry date or event"): on a date, when the client is discharged (a
     * structured event the discharge itself records), or on another event described in words and recorded by hand.
     */
    expiryKind: ConsentExpiryKindSchema,
    expiryDate: isoDate('Expiry date').nullable(),
    expiryEvent: optionalText('Expiry event', 300),
    signedBy: z.enum(['patient', 'authorized-representative']),
    signerName: requiredText('Name of the person who signed', 200),
    representativeAuthority: optionalText('Authority of the representative', 300),
    signedOn: isoDate('Date signed'),
    redisclosureStatementIncluded: z.boolean(),
    refusalConsequencesExplained: z.boolean(),
  })
  .superRefine((c, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!c.revocationRightExplained) {
      need('revocationRightExplained', 'The consent must state the right to revoke it in writing.');
    }
    if (c.expiryKind === 'date' && c.expiryDate === null) need('expiryDate', 'Expiry date is required.');
    if (c.expiryKind === 'event' && c.expiryEvent === '')
      need('expiryEvent', 'Describe the event that ends the consent.');
    if (c.signedBy === 'authorized-representative' && c.representativeAuthority === '') {
      need('representativeAuthority', "State the representative's authority to sign (e.g. legal guardian).");
    }
    if (c.type === 'tpo') {
      if (!c.redisclosureStatementIncluded) {
        need(
          'redisclosureStatementIncluded',
          'A treatment, payment and operations consent must carry the redisclosure statement.',
        );
      }
      if (!c.refusalConsequencesExplained) {
        need(
          'refusalConsequencesExplained',
          'A treatment, payment and operations consent must state the consequences of refusing to sign.',
        );
      }
    }
  });
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const RevocationSchema = z.object({
  revokedOn: isoDate('Date revoked'),
  receivedHow: z.enum(['in-writing', 'verbally', 'other']),
  note: optionalText('Note', 1000),
});
export type Revocation = z.infer<typeof RevocationSchema>;

/** That the event ending an event-based consent has happened: from that date the consent is expired. */
export const EndEventSchema = z.object({
  happenedOn: isoDate('Date it happened'),
});
export type EndEvent = z.infer<typeof EndEventSchema>;

export const ConsentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  consent: ConsentInputSchema,
  createdAtMs: z.number().int(),
  createdBy: z.string(),
  revocation: RevocationSchema.extend({ recordedAtMs: z.number().int(), recordedBy: z.string() }).nullable(),
  endEvent: EndEventSchema.extend({ recordedAtMs: z.number().int(), recordedBy: z.string() }).nullable(),
  /** When the first disclosure under this consent was made, or null: a single-disclosure consent is then used. */
  firstDisclosedAtMs: z.number().int().nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export type ConsentStatus = 'active' | 'expired' | 'revoked';

/**
 * How the consent's end reads where a person sees it: "2027-01-31", "When the client is discharged" or "When: <the
 * event in the consent's words>". A consent moved to "at discharge" from its words keeps those words.
 */
export function consentEndText(
  c: Pick<ConsentInput, 'expiryKind' | 'expiryDate' | 'expiryEvent'>,
  formatDate: (isoDate: string) => string = (d) => d,
): string {
  switch (c.expiryKind) {
    case 'date':
      return c.expiryDate ? formatDate(c.expiryDate) : '';
    case 'discharge':
      return c.expiryEvent === ''
        ? CONSENT_EXPIRY_LABELS.discharge
        : `${CONSENT_EXPIRY_LABELS.discharge} (“${c.expiryEvent}”)`;
    case 'event':
      return `When: ${c.expiryEvent}`;
  }
}

/**
 * Revoked wins over expired. A date-based consent expires the day after its expiry date; an event-based one expires
 * on the day its ending event happened, once that is recorded. Revoking is the patient's act and is never used to
 * end a consent whose event has happened.
 * An at-discharge consent expires the same way: the discharge records its ending event.
 */
export function consentStatus(
  c: Pick<Consent, 'consent' | 'revocation' | 'endEvent'>,
  today: string,
): ConsentStatus {
  if (c.revocation && c.revocation.revokedOn <= today) return 'revoked';
  if (c.consent.expiryKind === 'date' && c.consent.expiryDate !== null && c.consent.expiryDate < today)
    return 'expired';
  if (c.consent.expiryKind !== 'date' && c.endEvent && c.endEvent.happenedOn <= today) return 'expired';
  return 'active';
}
