/**
 * Session notes. Policy:
 * - A draft autosaves (optimistic concurrency on updatedAtMs, so two windows cannot silently overwrite each other).
 *   A draft save checks types and lengths only: what is typed so far is always kept. The rules across fields
 *   (signingProblems) are checked when signing, as field errors.
 * - Only the author signs a note (a group attendee note: the author or one of the group's facilitators).
 * - Signing re-authenticates, then stores who, when and the SHA-256 of the signed content, including a snapshot of
 *   the group's shared block and of the goals' wording; the database refuses any later change. Corrections are
 *   addenda, each signed the same way. A supervisor may co-sign once.
 * - A note that records suicidal or homicidal ideation or red flags raises an alert (CLINICAL.md §4) as soon as it
 *   is saved, draft or not, once per note and finding (issue 8 item 4), in the saving or signing transaction.
 * - A note is signed only once its session has ended (issue 9 item 4).
 * - SUD counselling notes are private: never in the general list, the timeline or search, and never printed
 *   without an active consent of that type (CLINICAL.md §6).
 * - A print is either for the record or the client, or a disclosure under one of this client's active consents
 *   whose type permits it, to the recipient and for the purpose that consent names (issue 8 item 6). Only a signed
 *   note is disclosed; a single-disclosure consent carries one disclosure. A disclosure is recorded for the
 *   accounting in the same transaction as the print's audit row, and its PDF states the consent's scope. A private
 *   note is only ever printed as a disclosure.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../shared/domain/common';
import type { Consent, ConsentType } from '../../shared/domain/consents';
import {
  consentPermitsNote,
  noteDisclosureWhat,
  type DisclosureRequest,
} from '../../shared/domain/disclosures';
import { noteRiskFindings, signingProblems, type Note, type NoteContent } from '../../shared/domain/notes';
import { AppError, fieldError } from '../errors';
import { raiseAlert } from '../db/repositories/alerts';
import { getClinic } from '../db/repositories/clinic';
import { getUser } from '../db/repositories/users';
import {
  deleteNoteDraft,
  getGroupSession,
  getNoteRow,
  insertAddendum,
  insertNote,
  listAddenda,
  listNoteRows,
  markNoteCosigned,
  markNoteSigned,
  noteFtsQuery,
  searchNotes,
  updateNoteDraft,
} from '../db/repositories/notes';
import type { Db } from '../db/connection';
import {
  expectedNoteHash,
  loadNote,
  notesFromRows,
  planGoalTexts,
  takeSnapshot,
  verifyNote,
} from '../notes/noteRecords';
import { addendumHash } from '../notes/signing';
import { deliverDocument, requireDisclosureConsent } from '../documents/delivery';
import { renderNotePdf } from '../pdf/notePdf';
import { requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

function requireNote(db: Db, id: string): Note {
  const note = loadNote(db, id);
  if (!note) throw new AppError('NOT_FOUND', 'That note is not in this practice.');
  return note;
}

/** Who may sign: the author; for a group attendee note, also any of the group's facilitators. */
function requireSigner(db: Db, note: Note, authorId: string, userId: string): void {
  if (authorId === userId) return;
  if (note.kind === 'group-member' && note.group) {
    const g = getGroupSession(db, note.group.groupSessionId);
    if (g && (JSON.parse(g.facilitators) as string[]).includes(userId)) return;
    throw new AppError(
      'FORBIDDEN',
      "Only the note's author or one of the group's facilitators can sign this note.",
    );
  }
  throw new AppError('FORBIDDEN', 'Only the clinician who wrote this note can sign it.');
}

/** Field errors for everything that must be right before signing. */
function requireSignable(note: Note, nowMs: number): void {
  const fields = signingProblems(note.content, nowMs);
  if (note.kind === 'group-member' && note.attendance === null) {
    fields.push({ path: 'attendance', message: 'Record attendance before signing.' });
  }
  const [first] = fields;
  if (!first) return;
  throw new AppError(
    'INVALID_INPUT',
    fields.length === 1 ? first.message : `${fields.length} things need completing before signing.`,
    { fields },
  );
}

/**
 * A group attendee note shows the group's date, times, modality and interventions, which the group session owns:
 * whatever a save sends, those stay the group's.
 */
function withGroupFields(db: Db, note: Note, content: NoteContent): NoteContent {
  if (note.kind !== 'group-member' || !note.group) return content;
  const g = getGroupSession(db, note.group.groupSessionId);
  if (!g) return content;
  return {
    ...content,
    sessionType: 'group',
    sessionDate: g.session_date,
    startTime: g.start_time,
    endTime: g.end_time,
    modality: g.modality as NoteContent['modality'],
    interventions: JSON.parse(g.interventions) as NoteContent['interventions'],
  };
}

/**
 * The alerts for risk recorded in a note, draft or signed, with their audit rows, in the caller's transaction: one
 * per finding, and never twice for the same note and finding (raiseAlert).
 */
function raiseNoteRiskAlerts(
  ctx: SessionDeps,
  note: Pick<Note, 'id' | 'clientId' | 'content'>,
  atMs: number,
): void {
  for (const f of noteRiskFindings(note.content.risk)) {
    const alertId = randomUUID();
    const raised = raiseAlert(
      ctx.db,
      {
        id: alertId,
        clientId: note.clientId,
        kind: 'red-flag-symptom',
        symptoms: f.suicidal ? ['suicidal-thoughts'] : [],
        detail: f.detail,
        sourceType: 'note',
        sourceId: note.id,
        noteFinding: f.finding,
      },
      ctx.user.id,
      atMs,
    );
    if (raised) ctx.practice.audit({ action: 'raise', entity: 'alert', entityId: alertId });
  }
}

function searchExtraFor(note: Pick<Note, 'group'>): string[] {
  return note.group ? [note.group.groupName, note.group.topic] : [];
}

/** A note is disclosed under a consent whose type covers it (CLINICAL.md §6; 42 CFR 2.31(b)). */
const noteConsentPermits =
  (note: Note) =>
  (type: ConsentType): string | null =>
    consentPermitsNote(type, note.kind)
      ? null
      : note.kind === 'sud-counselling'
        ? 'A private SUD counselling note may be disclosed only under a consent for SUD counselling notes.'
        : 'A consent for SUD counselling notes covers only those notes (42 CFR 2.31(b)). Choose another consent.';

function requireNoteConsent(db: Db, note: Note, request: DisclosureRequest, today: string): Consent {
  return requireDisclosureConsent(db, note.clientId, request, today, noteConsentPermits(note));
}

export const noteHandlers: DomainHandlers<'notes'> = {
  'notes.list': ({ clientId, kind, draftsOnly }, { db }) => {
    requireClient(db, clientId);
    const kinds =
      kind === 'record' ? (['progress', 'group-member'] as const) : (['sud-counselling'] as const);
    // The dispatcher's output check is the one schema check of each note's content.
    return notesFromRows(db, clientId, listNoteRows(db, clientId, kinds, draftsOnly === true), 'caller');
  },
  'notes.get': ({ id }, { db, practice }) => {
    const note = requireNote(db, id);
    db.transaction(() => practice.audit({ action: 'view', entity: 'note', entityId: id }))();
    return note;
  },
  'notes.create': ({ clientId, kind, content }, ctx) => {
    const { db, practice, user } = ctx;
    requireClient(db, clientId);
    const id = randomUUID();
    db.transaction(() => {
      insertNote(
        db,
        { id, clientId, kind, content, groupSessionId: null, attendance: null, searchExtra: [] },
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: 'note', entityId: id });
      raiseNoteRiskAlerts(ctx, { id, clientId, content }, practice.clock.now());
    })();
    return requireNote(db, id);
  },
  'notes.saveDraft': ({ id, content, attendance, expectedUpdatedAtMs }, ctx) => {
    const { db, practice } = ctx;
    const note = requireNote(db, id);
    if (note.signedAtMs !== null)
      throw new AppError('CONFLICT', 'This note is signed. Add an addendum instead.');
    if (note.updatedAtMs !== expectedUpdatedAtMs) {
      throw new AppError(
        'CONFLICT',
        'This draft was changed elsewhere since you opened it. Reload it before saving.',
      );
    }
    // Autosaves are frequent; they are audited as one "update" per save all the same (no clinical text in it).
    db.transaction(() => {
      const now = Math.max(practice.clock.now(), note.updatedAtMs + 1);
      const saved = withGroupFields(db, note, content);
      updateNoteDraft(
        db,
        id,
        saved,
        note.kind === 'group-member' ? attendance : null,
        searchExtraFor(note),
        now,
      );
      practice.audit({ action: 'update', entity: 'note', entityId: id });
      // Risk recorded in a draft is acted on now, not only at signing (issue 8 item 4).
      raiseNoteRiskAlerts(ctx, { id, clientId: note.clientId, content: saved }, now);
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
  'notes.sign': async ({ id, passphrase }, ctx) => {
    const { db, practice, user } = ctx;
    const note = requireNote(db, id);
    if (note.signedAtMs !== null) throw new AppError('CONFLICT', 'This note is already signed.');
    const authorId = getNoteRow(db, id)?.author_id ?? '';
    requireSigner(db, note, authorId, user.id);
    requireSignable(note, practice.clock.now());
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      const row = getNoteRow(db, id);
      if (!row) throw new AppError('NOT_FOUND', 'That note is not in this practice.');
      // The draft may have been saved during the passphrase check: sign only what was checked above.
      if (row.signed_at_ms !== null || row.updated_at_ms !== note.updatedAtMs) {
        throw new AppError('CONFLICT', 'The note changed while signing. Check it and sign again.');
      }
      const at = practice.clock.now();
      const snapshot = takeSnapshot(db, row);
      const hash = expectedNoteHash(row, user.id, at, snapshot);
      markNoteSigned(db, id, { userId: user.id, atMs: at, hash, snapshot: JSON.stringify(snapshot) });
      practice.audit({ action: 'sign', entity: 'note', entityId: id });
      raiseNoteRiskAlerts(ctx, note, at);
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
  'notes.printPdf': async ({ id, paper, disclosure, locale }, ctx) => {
    const { db, practice } = ctx;
    const note = requireNote(db, id);
    const client = requireClient(db, note.clientId);
    const now = practice.clock.now();
    const today = localDate(now);
    if (note.kind === 'sud-counselling' && !disclosure) {
      throw new AppError(
        'FORBIDDEN',
        'SUD counselling notes are printed only under an active consent for SUD counselling notes, as a disclosure. Choose that consent.',
      );
    }
    if (disclosure && note.signedAtMs === null) {
      throw fieldError(
        'INVALID_INPUT',
        'disclosure.consentId',
        'A draft is never disclosed. Sign the note first, or print it for the record.',
      );
    }
    const consent = disclosure ? requireNoteConsent(db, note, disclosure, today) : null;
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    // A signed note prints the goals' wording it was signed with; a draft, the plan as it is now.
    const goalTexts = note.signedGoals
      ? new Map(note.signedGoals.map((g) => [g.id, g.text]))
      : planGoalTexts(db, note.clientId);
    const credentialsOf = (userId: string | null) => (userId ? (getUser(db, userId)?.credentials ?? '') : '');
    const row = getNoteRow(db, id);
    const bytes = await renderNotePdf({
      clinic,
      client,
      note,
      credentials: {
        signer: credentialsOf(note.signedById),
        cosigner: credentialsOf(row?.cosigned_by ?? null),
        addenda: new Map(listAddenda(db, id).map((a) => [a.id, credentialsOf(a.signed_by)])),
      },
      goalTexts,
      paper,
      locale,
      createdAt: new Date(now),
      disclosure:
        disclosure && consent ? { ...disclosure, disclosedOn: today, consent: consent.consent } : null,
    });
    // A disclosure copy and the record copy never share a name (issue 9 item 2): the disclosure's says so, with
    // the time it was made, so two copies for two recipients never overwrite each other either.
    const file = deliverDocument(ctx, {
      fileName: disclosure
        ? `disclosure-${client.chartNumber}-${note.content.sessionDate}-${id.slice(0, 8)}-${now}.pdf`
        : `note-${client.chartNumber}-${note.content.sessionDate}-${id.slice(0, 8)}.pdf`,
      bytes,
      audit: { action: 'print', entity: 'note', entityId: id },
      disclosure:
        disclosure && consent
          ? {
              clientId: note.clientId,
              request: disclosure,
              permits: noteConsentPermits(note),
              what: noteDisclosureWhat(note.kind, note.content.sessionDate),
              sourceType: 'note',
              sourceId: note.id,
            }
          : null,
    });
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
      kinds: kinds.length ? kinds : ['progress', 'group-member', 'mat'],
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
