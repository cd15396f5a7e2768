/**
 * Session notes. Policy:
 * - A draft autosaves (optimistic concurrency on updatedAtMs, so two windows cannot silently overwrite each other).
 * - Signing re-authenticates, then stores who, when and the SHA-256 of the signed content; the database refuses
 *   any later change. Corrections are addenda, each signed the same way. A supervisor may co-sign once.
 * - SUD counselling notes are private: never in the general list, the timeline or search, and never printed
 *   without an active consent of that type (CLINICAL.md §6).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { localDate } from '../../shared/domain/common';
import { consentStatus } from '../../shared/domain/consents';
import { planGoals } from '../../shared/domain/treatmentPlans';
import type { Note, NoteContent } from '../../shared/domain/notes';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import { listConsents } from '../db/repositories/consents';
import {
  deleteNoteDraft,
  getNoteRow,
  insertAddendum,
  insertNote,
  listNoteRows,
  markNoteCosigned,
  markNoteSigned,
  noteFtsQuery,
  searchNotes,
  updateNoteDraft,
} from '../db/repositories/notes';
import { listPlanVersions } from '../db/repositories/treatmentPlans';
import type { Db } from '../db/connection';
import { expectedNoteHash, loadNote, noteFromRow, verifyNote } from '../notes/noteRecords';
import { addendumHash } from '../notes/signing';
import { renderNotePdf } from '../pdf/notePdf';
import { requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

function requireNote(db: Db, id: string): Note {
  const note = loadNote(db, id);
  if (!note) throw new AppError('NOT_FOUND', 'That note is not in this practice.');
  return note;
}

function checkTimes(content: NoteContent): void {
  if (content.endTime <= content.startTime) {
    throw fieldError('INVALID_INPUT', 'content.endTime', 'The end time must be after the start time.');
  }
}

function searchExtraFor(note: Pick<Note, 'group'>): string[] {
  return note.group ? [note.group.groupName, note.group.topic] : [];
}

function hasActiveSudConsent(db: Db, clientId: string, today: string): boolean {
  return listConsents(db, clientId).some(
    (c) => c.consent.type === 'sud-counselling-notes' && consentStatus(c, today) === 'active',
  );
}

/** Writes a document into the practice's documents folder, owner-only, and returns its path. */
export function writeDocument(ctx: SessionDeps, fileName: string, bytes: Buffer): string {
  const dir = path.join(ctx.practice.dataDir, 'documents');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes, { mode: 0o600 });
  return file;
}

export const noteHandlers: DomainHandlers<'notes'> = {
  'notes.list': ({ clientId, kind }, { db }) => {
    requireClient(db, clientId);
    const kinds =
      kind === 'record' ? (['progress', 'group-member'] as const) : (['sud-counselling'] as const);
    return listNoteRows(db, clientId, kinds).map((r) => noteFromRow(db, r));
  },
  'notes.get': ({ id }, { db, practice }) => {
    const note = requireNote(db, id);
    db.transaction(() => practice.audit({ action: 'view', entity: 'note', entityId: id }))();
    return note;
  },
  'notes.create': ({ clientId, kind, content }, { db, practice, user }) => {
    requireClient(db, clientId);
    checkTimes(content);
    const id = randomUUID();
    db.transaction(() => {
      insertNote(
        db,
        { id, clientId, kind, content, groupSessionId: null, attendance: null, searchExtra: [] },
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: 'note', entityId: id });
    })();
    return requireNote(db, id);
  },
  'notes.saveDraft': ({ id, content, attendance, expectedUpdatedAtMs }, { db, practice }) => {
    const note = requireNote(db, id);
    if (note.signedAtMs !== null)
      throw new AppError('CONFLICT', 'This note is signed. Add an addendum instead.');
    if (note.updatedAtMs !== expectedUpdatedAtMs) {
      throw new AppError(
        'CONFLICT',
        'This draft was changed elsewhere since you opened it. Reload it before saving.',
      );
    }
    checkTimes(content);
    // Autosaves are frequent; they are audited as one "update" per save all the same (no clinical text in it).
    db.transaction(() => {
      const now = Math.max(practice.clock.now(), note.updatedAtMs + 1);
      updateNoteDraft(
        db,
        id,
        content,
        note.kind === 'group-member' ? attendance : null,
        searchExtraFor(note),
        now,
      );
      practice.audit({ action: 'update', entity: 'note', entityId: id });
    })();
    return requireNote(db, id);
  },
  'notes.deleteDraft': ({ id }, { db, practice }) => {
    const note = requireNote(db, id);
    if (note.signedAtMs !== null) throw new AppError('CONFLICT', 'A signed note cannot be deleted.');
    if (note.kind === 'group-member')
      throw new AppError('CONFLICT', 'A group attendee note stays with its group session.');
    db.transaction(() => {
      deleteNoteDraft(db, id);
      practice.audit({ action: 'delete', entity: 'note', entityId: id });
    })();
    return { deleted: true };
  },
  'notes.sign': async ({ id, passphrase }, { db, practice, user }) => {
    const note = requireNote(db, id);
    if (note.signedAtMs !== null) throw new AppError('CONFLICT', 'This note is already signed.');
    if (note.kind === 'group-member' && note.attendance === null) {
      throw fieldError('INVALID_INPUT', 'attendance', 'Record attendance before signing.');
    }
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      const row = getNoteRow(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'That note is not in this practice.');
      const at = practice.clock.now();
      markNoteSigned(db, id, user.id, at, expectedNoteHash(row, user.id, at));
      practice.audit({ action: 'sign', entity: 'note', entityId: id });
    })();
    return requireNote(db, id);
  },
  'notes.cosign': async ({ id, passphrase }, { db, practice, user }) => {
    const note = requireNote(db, id);
    if (user.role !== 'supervisor') throw new AppError('FORBIDDEN', 'Only a supervisor can co-sign a note.');
    if (note.signedAtMs === null)
      throw new AppError('CONFLICT', 'The clinician has not signed this note yet.');
    if (note.cosignedAtMs !== null) throw new AppError('CONFLICT', 'This note is already co-signed.');
    const row = getNoteRow(db, id);
    if (row?.signed_by === user.id)
      throw new AppError('FORBIDDEN', 'A note cannot be co-signed by its own signer.');
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      markNoteCosigned(db, id, user.id, practice.clock.now());
      practice.audit({ action: 'cosign', entity: 'note', entityId: id });
    })();
    return requireNote(db, id);
  },
  'notes.addAddendum': async ({ id, addendum, passphrase }, { db, practice, user }) => {
    const note = requireNote(db, id);
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
      insertAddendum(db, { id: addendumId, noteId: id, text: addendum.text, hash }, user.id, at);
      practice.audit({ action: 'addendum', entity: 'note', entityId: id });
    })();
    return requireNote(db, id);
  },
  'notes.verify': ({ id }, { db }) => {
    requireNote(db, id);
    return verifyNote(db, id);
  },
  'notes.printPdf': async ({ id, paper }, ctx) => {
    const { db, practice } = ctx;
    const note = requireNote(db, id);
    const client = requireClient(db, note.clientId);
    const today = localDate(practice.clock.now());
    if (note.kind === 'sud-counselling' && !hasActiveSudConsent(db, note.clientId, today)) {
      throw new AppError(
        'FORBIDDEN',
        'SUD counselling notes are printed only under an active consent for SUD counselling notes. Record that consent first.',
      );
    }
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const goalTexts = new Map<string, string>();
    for (const v of listPlanVersions(db, note.clientId).reverse()) {
      for (const g of planGoals(v.plan)) goalTexts.set(g.id, g.text);
    }
    const bytes = await renderNotePdf({
      clinic,
      client,
      note,
      goalTexts,
      paper,
      createdAt: new Date(practice.clock.now()),
    });
    const file = writeDocument(
      ctx,
      `note-${client.chartNumber}-${note.content.sessionDate}-${id.slice(0, 8)}.pdf`,
      bytes,
    );
    db.transaction(() => practice.audit({ action: 'print', entity: 'note', entityId: id }))();
    return { path: file };
  },
  'notes.search': ({ query, clientId, fromDate, toDate, kinds, limit }, { db }) => {
    const match = noteFtsQuery(query);
    if (!match) return [];
    // SUD counselling notes are never searched from here: only 'progress' and 'group-member' can be asked for.
    const rows = searchNotes(db, match, {
      clientId,
      fromDate,
      toDate,
      kinds: kinds.length ? kinds : ['progress', 'group-member'],
      limit,
    });
    return rows.map((r) => ({
      noteId: r.note_id,
      clientId: r.client_id,
      clientName: r.client_name,
      chartNumber: r.chart_number,
      kind: r.kind,
      source: r.source,
      sessionDate: r.session_date,
      snippet: r.snippet,
    }));
  },
};
