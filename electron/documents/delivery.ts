/**
 * Handing out a printed document. Policy (42 CFR Part 2, CLINICAL.md §6): a print for the record or for the client
 * is audited; a print for anyone else is a disclosure, made only under an active consent of this client, and
 * recorded for the accounting (date, recipient, what, purpose, consent, notice version) in the same transaction as
 * the print's audit row. Rendering takes time, so the consent is checked again inside that transaction, at the
 * moment the disclosure is recorded (and dated then): a consent revoked or ended while the document was being made
 * never carries it (the database refuses it too, migration 0770). A copy whose print could not be recorded is
 * deleted: it must not be handed out.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { consentStatus, type Consent, type ConsentType } from '../../shared/domain/consents';
import {
  consentUsedUp,
  disclosureOutsideConsent,
  type DisclosureRequest,
} from '../../shared/domain/disclosures';
import { localDate } from '../../shared/domain/common';
import { PART2_NOTICE_VERSION } from '../../shared/domain/part2';
import type { AuditEvent } from '../db/repositories/audit';
import { getConsent } from '../db/repositories/consents';
import { insertDisclosure, type NewDisclosure } from '../db/repositories/disclosures';
import type { Db } from '../db/connection';
import { AppError, fieldError } from '../errors';
import type { SessionDeps } from '../ipc/types';
import { writeDocument } from './files';

/**
 * The consent a document is disclosed under, once it is shown to be this client's, active today, of a type that
 * `permits` (which returns the refusal, or null), not a single-disclosure consent already used, and naming the
 * recipient and purpose asked for (issue 8 item 6; 42 CFR 2.31). Refusals are field errors.
 */
export function requireDisclosureConsent(
  db: Db,
  clientId: string,
  request: DisclosureRequest,
  today: string,
  permits: (type: ConsentType) => string | null = () => null,
): Consent {
  const refuse = (message: string) => fieldError('INVALID_INPUT', 'disclosure.consentId', message);
  const consent = getConsent(db, request.consentId);
  if (!consent || consent.clientId !== clientId) {
    throw refuse("That consent is not one of this client's. Choose one of this client's active consents.");
  }
  const status = consentStatus(consent, today);
  if (status !== 'active') {
    throw refuse(`That consent is ${status} and cannot be used. Choose an active consent.`);
  }
  const refusal = permits(consent.consent.type);
  if (refusal) throw refuse(refusal);
  if (consentUsedUp(consent)) {
    throw refuse(
      'This single-disclosure consent has already been used. Record a new consent to disclose again.',
    );
  }
  const outside = disclosureOutsideConsent(request, consent.consent);
  const [first] = outside;
  if (first) throw new AppError('INVALID_INPUT', first.message, { fields: outside });
  return consent;
}

/** What a consent for SUD counselling notes permits of anything else: nothing (42 CFR 2.31(b)). */
export const notCounsellingNotesConsent = (type: ConsentType): string | null =>
  type === 'sud-counselling-notes'
    ? 'A consent for SUD counselling notes covers only those notes (42 CFR 2.31(b)). Choose another consent.'
    : null;

/**
 * The consent checked again when the disclosure is recorded, inside that transaction (`check` is the same check
 * made before the document was built). A refusal now means the consent changed while the document was being made:
 * the error says so, and that nothing was disclosed, and keeps the field it belongs beside.
 */
export function consentStillPermits<T>(check: () => T, made: string): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError(
      e.code,
      `The consent changed while the ${made} was being made, so nothing was disclosed and no copy was kept. ${e.message}`,
      { fields: e.fields, cause: e },
    );
  }
}

/** What the accounting records about one disclosed document. */
export interface DisclosedDocument {
  clientId: string;
  request: DisclosureRequest;
  /** The type refusal the consent was first checked with; the same check is made again at the disclosure. */
  permits: (type: ConsentType) => string | null;
  what: string;
  sourceType: NewDisclosure['sourceType'];
  sourceId: string;
}

/**
 * Writes the document, then audits the print (and records the disclosure, if any, under its consent checked again
 * then) in one transaction. Returns the file's path.
 */
export function deliverDocument(
  ctx: SessionDeps,
  doc: {
    fileName: string;
    bytes: Buffer;
    audit: Omit<AuditEvent, 'atMs' | 'userId'>;
    disclosure: DisclosedDocument | null;
  },
): string {
  const { db, practice, user } = ctx;
  const file = writeDocument(ctx, doc.fileName, doc.bytes);
  try {
    db.transaction(() => {
      practice.audit(doc.audit);
      const d = doc.disclosure;
      if (d) {
        const atMs = practice.clock.now();
        const consent = consentStillPermits(
          () => requireDisclosureConsent(db, d.clientId, d.request, localDate(atMs), d.permits),
          'printed copy',
        );
        insertDisclosure(db, {
          id: randomUUID(),
          clientId: d.clientId,
          consentId: consent.id,
          disclosedAtMs: atMs,
          disclosedBy: user.id,
          recipient: d.request.recipient,
          recipientAddress: d.request.recipientAddress,
          purpose: d.request.purpose,
          what: d.what,
          sourceType: d.sourceType,
          sourceId: d.sourceId,
          noticeVersion: PART2_NOTICE_VERSION,
        });
      }
    })();
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
  return file;
}
