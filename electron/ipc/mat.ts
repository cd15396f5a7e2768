/**
 * Medication coordination (CLINICAL.md §1.6, §5). Policy:
 * - Medications are recorded, not prescribed here: every change is a new version (optimistic on the version the
 *   clinician saw), and no version is ever changed or deleted (database triggers, migration 0330).
 * - MAT coordination notes follow the session notes' rules (electron/ipc/notes.ts): drafts autosave with optimistic
 *   concurrency on updatedAtMs; only the author signs, after re-authentication; the signature stores who, when and
 *   the SHA-256 of the content and of the linked ratings as they were; corrections are signed addenda.
 * - The coordination summary leaves the clinic only as a disclosure (42 CFR Part 2, CLINICAL.md §6): under an
 *   active consent of this client whose recipient names the prescriber, the prescriber being one on this client's
 *   medication list. The accounting row is written in the same transaction as the print's audit row; a file that
 *   could not be accounted for is removed.
 * - Post-acute check-ins are kept as recorded.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { localDate } from '../../shared/domain/common';
import {
  consentNamesPrescriber,
  matSigningProblems,
  type MatNote,
  type MatNoteContent,
} from '../../shared/domain/matNotes';
import { isCurrent } from '../../shared/domain/medications';
import { PART2_NOTICE_VERSION } from '../../shared/domain/part2';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import { getConsent } from '../db/repositories/consents';
import { insertDisclosure } from '../db/repositories/disclosures';
import {
  deleteMatNoteDraft,
  getMatNoteRow,
  insertMatAddendum,
  insertMatNote,
  listMatNoteRows,
  markMatNoteSigned,
  updateMatNoteDraft,
} from '../db/repositories/matNotes';
import {
  getMedication,
  insertMedication,
  insertMedicationVersion,
  listMedications,
  medicationClientId,
} from '../db/repositories/medications';
import { insertPawsCheckin, listPawsCheckins } from '../db/repositories/pawsCheckins';
import type { Db } from '../db/connection';
import {
  expectedMatNoteHash,
  linkedRatings,
  loadMatNote,
  matNoteFromRow,
  verifyMatNote,
} from '../notes/matNoteRecords';
import { addendumHash } from '../notes/signing';
import { renderMatSummaryPdf } from '../pdf/matSummaryPdf';
import { requireClient } from './clients';
import {
  consentStillPermits,
  notCounsellingNotesConsent,
  requireDisclosureConsent,
} from '../documents/delivery';
import { writeDocument } from '../documents/files';
import type { DomainHandlers } from './types';

function requireMatNote(db: Db, id: string): MatNote {
  const note = loadMatNote(db, id);
  if (!note) throw new AppError('NOT_FOUND', 'That MAT note is not in this practice.');
  return note;
}

/** Linked ratings must be this client's COWS or SOWS ratings. */
function requireRatings(db: Db, clientId: string, content: MatNoteContent): void {
  const found = linkedRatings(db, clientId, content.ratingIds);
  if (found.length !== new Set(content.ratingIds).size) {
    throw fieldError(
      'INVALID_INPUT',
      'content.ratingIds',
      "Link only this client's COWS or SOWS ratings from the withdrawal flowsheet.",
    );
  }
}

const fold = (s: string) => s.normalize('NFKC').trim().toLocaleLowerCase('en-US');

export const medicationHandlers: DomainHandlers<'medications'> = {
  'medications.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listMedications(db, clientId);
  },
  'medications.save': ({ clientId, id, baseVersion, medication }, { db, practice, user }) => {
    requireClient(db, clientId);
    const medicationId = id ?? randomUUID();
    db.transaction(() => {
      const now = practice.clock.now();
      if (id === null) {
        if (baseVersion !== 0) throw new AppError('CONFLICT', 'A new medication starts at version 1.');
        insertMedication(db, medicationId, clientId, user.id, now);
        insertMedicationVersion(db, medicationId, 1, medication, user.id, now);
        practice.audit({ action: 'create', entity: 'medication', entityId: medicationId });
        return;
      }
      if (medicationClientId(db, id) !== clientId) {
        throw new AppError('NOT_FOUND', "That medication is not on this client's list.");
      }
      const existing = getMedication(db, id);
      if (!existing || existing.current.version !== baseVersion) {
        throw new AppError(
          'CONFLICT',
          'This medication was changed elsewhere since you opened it. Reload it and make the change again.',
        );
      }
      insertMedicationVersion(db, id, baseVersion + 1, medication, user.id, now);
      practice.audit({ action: 'revise', entity: 'medication', entityId: id });
    })();
    const saved = getMedication(db, medicationId);
    if (!saved) throw new AppError('INTERNAL', 'The medication was not saved.');
    return saved;
  },
};

export const matNoteHandlers: DomainHandlers<'matNotes'> = {
  'matNotes.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listMatNoteRows(db, clientId).map((r) => matNoteFromRow(db, r));
  },
  'matNotes.get': ({ id }, { db, practice }) => {
    const note = requireMatNote(db, id);
    db.transaction(() => practice.audit({ action: 'view', entity: 'mat-note', entityId: id }))();
    return note;
  },
  'matNotes.create': ({ clientId, content }, { db, practice, user }) => {
    requireClient(db, clientId);
    requireRatings(db, clientId, content);
    const id = randomUUID();
    db.transaction(() => {
      insertMatNote(db, { id, clientId, content }, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'mat-note', entityId: id });
    })();
    return requireMatNote(db, id);
  },
  'matNotes.saveDraft': ({ id, content, expectedUpdatedAtMs }, { db, practice }) => {
    const note = requireMatNote(db, id);
    if (note.signedAtMs !== null)
      throw new AppError('CONFLICT', 'This note is signed. Add an addendum instead.');
    if (note.updatedAtMs !== expectedUpdatedAtMs) {
      throw new AppError(
        'CONFLICT',
        'This draft was changed elsewhere since you opened it. Reload it before saving.',
      );
    }
    requireRatings(db, note.clientId, content);
    db.transaction(() => {
      updateMatNoteDraft(db, id, content, Math.max(practice.clock.now(), note.updatedAtMs + 1));
      practice.audit({ action: 'update', entity: 'mat-note', entityId: id });
    })();
    return requireMatNote(db, id);
  },
  'matNotes.deleteDraft': ({ id }, { db, practice }) => {
    const note = requireMatNote(db, id);
    if (note.signedAtMs !== null) throw new AppError('CONFLICT', 'A signed note cannot be deleted.');
    db.transaction(() => {
      deleteMatNoteDraft(db, id);
      practice.audit({ action: 'delete', entity: 'mat-note', entityId: id });
    })();
    return { deleted: true };
  },
  'matNotes.sign': async ({ id, passphrase }, { db, practice, user }) => {
    const note = requireMatNote(db, id);
    if (note.signedAtMs !== null) throw new AppError('CONFLICT', 'This note is already signed.');
    if (getMatNoteRow(db, id)?.author_id !== user.id) {
      throw new AppError('FORBIDDEN', 'Only the clinician who wrote this note can sign it.');
    }
    const fields = matSigningProblems(note.content, note.ratings);
    const [first] = fields;
    if (first) {
      throw new AppError(
        'INVALID_INPUT',
        fields.length === 1 ? first.message : `${fields.length} things need completing before signing.`,
        { fields },
      );
    }
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      const row = getMatNoteRow(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'That MAT note is not in this practice.');
      if (row.signed_at_ms !== null || row.updated_at_ms !== note.updatedAtMs) {
        throw new AppError('CONFLICT', 'The note changed while signing. Check it and sign again.');
      }
      const at = practice.clock.now();
      const snapshot = { ratings: linkedRatings(db, row.client_id, note.content.ratingIds) };
      const hash = expectedMatNoteHash(row, user.id, at, snapshot);
      markMatNoteSigned(db, id, { userId: user.id, atMs: at, hash, snapshot: JSON.stringify(snapshot) });
      practice.audit({ action: 'sign', entity: 'mat-note', entityId: id });
    })();
    return requireMatNote(db, id);
  },
  'matNotes.addAddendum': async ({ id, addendum, passphrase }, { db, practice, user }) => {
    const note = requireMatNote(db, id);
    if (note.signedAtMs === null || note.contentHash === null) {
      throw new AppError('CONFLICT', 'A draft is edited directly; addenda are for signed notes.');
    }
    await practice.reauthenticate(passphrase, 'passphrase');
    const addendumId = randomUUID();
    db.transaction(() => {
      const at = practice.clock.now();
      const hash = addendumHash({
        addendumId,
        noteId: id,
        noteHash: note.contentHash ?? '',
        text: addendum.text,
        signedBy: user.id,
        signedAtMs: at,
      });
      insertMatAddendum(db, { id: addendumId, noteId: id, text: addendum.text, hash }, user.id, at);
      practice.audit({ action: 'addendum', entity: 'mat-note', entityId: id });
    })();
    return requireMatNote(db, id);
  },
  'matNotes.verify': ({ id }, { db }) => {
    requireMatNote(db, id);
    return verifyMatNote(db, id);
  },
  'matNotes.printSummary': async ({ id, paper, disclosure }, ctx) => {
    const { db, practice, user } = ctx;
    const note = requireMatNote(db, id);
    if (note.signedAtMs === null) {
      throw new AppError('CONFLICT', 'Sign the note before sending its summary to the prescriber.');
    }
    const client = requireClient(db, note.clientId);
    const now = practice.clock.now();
    const today = localDate(now);
    // The consent first, as every other disclosure (electron/documents/delivery.ts): this client's, active, able
    // to carry a summary (not a consent for SUD counselling notes), not a used single disclosure, and for the
    // address and purpose it names. Its recipient is a name or a class; the prescriber must be named in it.
    // Made again when the disclosure is recorded: the consent may be revoked or ended while the PDF is made.
    const named = getConsent(db, disclosure.consentId);
    const permitting = (on: string) =>
      requireDisclosureConsent(
        db,
        note.clientId,
        {
          consentId: disclosure.consentId,
          recipient: named?.consent.recipient ?? '',
          recipientAddress: disclosure.recipientAddress,
          purpose: disclosure.purpose,
        },
        on,
        notCounsellingNotesConsent,
      );
    const consent = permitting(today);
    const medications = listMedications(db, note.clientId);
    const prescribers = new Set(medications.map((m) => fold(m.current.medication.prescriber)));
    if (!prescribers.has(fold(disclosure.prescriber))) {
      throw fieldError(
        'INVALID_INPUT',
        'disclosure.prescriber',
        "That prescriber is not on this client's medication list.",
      );
    }
    if (!consentNamesPrescriber(consent.consent.recipient, disclosure.prescriber)) {
      throw fieldError(
        'INVALID_INPUT',
        'disclosure.consentId',
        `That consent's recipient (${consent.consent.recipient}) does not name ${disclosure.prescriber}. A summary goes only to a prescriber the client's consent names.`,
      );
    }
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const bytes = await renderMatSummaryPdf({
      clinic,
      client,
      note,
      medications: medications.filter((m) => isCurrent(m.current.medication, today)),
      paper,
      createdAt: new Date(now),
      disclosure: {
        recipient: disclosure.prescriber,
        recipientAddress: disclosure.recipientAddress,
        purpose: disclosure.purpose,
        disclosedOn: today,
        consent: consent.consent,
      },
    });
    const file = writeDocument(
      ctx,
      `mat-summary-${client.chartNumber}-${note.content.contactDate}-${id.slice(0, 8)}.pdf`,
      bytes,
    );
    try {
      db.transaction(() => {
        const atMs = practice.clock.now();
        const still = consentStillPermits(() => permitting(localDate(atMs)), 'summary');
        practice.audit({ action: 'print', entity: 'mat-note', entityId: id });
        insertDisclosure(db, {
          id: randomUUID(),
          clientId: note.clientId,
          consentId: still.id,
          disclosedAtMs: atMs,
          disclosedBy: user.id,
          recipient: disclosure.prescriber,
          recipientAddress: disclosure.recipientAddress,
          purpose: disclosure.purpose,
          what: `MAT coordination summary (current medications and the contact of ${note.content.contactDate})`,
          sourceType: 'note',
          sourceId: note.id,
          noticeVersion: PART2_NOTICE_VERSION,
        });
      })();
    } catch (e) {
      // A copy that is not in the accounting must not be handed out.
      fs.rmSync(file, { force: true });
      throw e;
    }
    return { path: file };
  },
};

export const pawsHandlers: DomainHandlers<'paws'> = {
  'paws.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listPawsCheckins(db, clientId);
  },
  'paws.add': ({ clientId, checkin }, { db, practice, user }) => {
    requireClient(db, clientId);
    if (checkin.checkinDate > localDate(practice.clock.now())) {
      throw fieldError('INVALID_INPUT', 'checkin.checkinDate', 'A check-in cannot be dated in the future.');
    }
    const id = randomUUID();
    db.transaction(() => {
      insertPawsCheckin(db, id, clientId, checkin, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'paws-checkin', entityId: id });
    })();
    const saved = listPawsCheckins(db, clientId).find((c) => c.id === id);
    if (!saved) throw new AppError('INTERNAL', 'The check-in was not saved.');
    return saved;
  },
};
