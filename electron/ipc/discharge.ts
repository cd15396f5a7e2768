/**
 * The discharge summary (CLINICAL.md §5; policy in shared/domain/dischargeSummary.ts):
 * - One draft per client, pre-filled from the record (electron/discharge/prefill.ts). Its facts are read again on
 *   every start and save, and once more when signing, so the signed summary is the record as it was when signed.
 * - Signing re-authenticates, checks dischargeSummaryProblems (errors beside the fields) and stores who, when, the
 *   signer's credentials and the SHA-256 of the content (the notes' canonical JSON and hash, electron/notes/signing).
 * - Signing discharges the client on the summary's date and type. If the client was already discharged (Edit
 *   details) on the same date and type, that discharge is kept; if the summary says otherwise, the summary is the
 *   signed record and its discharge is recorded as a correction (a new discharge row; the first stays as history).
 *   Either way every consent that ends at discharge and is still open ends on the summary's date.
 * - The chart stays readable after discharge. Only signed summaries are printed; a print for a third party is a
 *   disclosure under an active consent, recorded for the accounting (electron/documents/delivery.ts).
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../shared/domain/common';
import {
  DISCHARGE_SUMMARY_TITLE,
  dischargeSummaryProblems,
  dischargeToRecord,
  initialWritten,
  type DischargeSummary,
  type DischargeSummaryContent,
  type DischargeWritten,
} from '../../shared/domain/dischargeSummary';
import { DISCHARGE_TYPE_LABELS, type Client } from '../../shared/domain/clients';
import { AppError, fieldError } from '../errors';
import { dayInWords } from '../../shared/domain/discharge';
import { getClinic } from '../db/repositories/clinic';
import {
  closedEpisodeFor,
  latestDischargeId,
  setClientStatus,
  type ClosedEpisodeEnd,
} from '../db/repositories/clients';
import {
  deleteDischargeSummaryDraft,
  dischargeSummaryFromRow,
  getDischargeSummaryRow,
  insertDischargeSummaryDraft,
  listDischargeSummaryRows,
  markDischargeSummarySigned,
  updateDischargeSummaryDraft,
  type DischargeSummaryRow,
} from '../db/repositories/dischargeSummaries';
import type { Db } from '../db/connection';
import { dischargeFacts, presentingProblemFromIntake } from '../discharge/prefill';
import { dischargeSummaryHash } from '../discharge/signing';
import { renderDischargeSummaryPdf } from '../documents/dischargeSummaryPdf';
import { deliverDocument, notCounsellingNotesConsent, requireDisclosureConsent } from '../documents/delivery';
import { endConsentsAtDischarge, recordDischarge, requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

const ENTITY = 'discharge-summary';

function requireRow(db: Db, id: string): DischargeSummaryRow {
  const row = getDischargeSummaryRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That discharge summary is not in this practice.');
  return row;
}

const requireSummary = (db: Db, id: string): DischargeSummary => dischargeSummaryFromRow(requireRow(db, id));

function requireDraft(row: DischargeSummaryRow): void {
  if (row.signed_at_ms !== null) {
    throw new AppError('CONFLICT', 'This discharge summary is signed and cannot change.');
  }
}

/**
 * The content with its facts read again from the record, as of the written discharge date. A summary of an episode a
 * re-admission has since closed (migration 0850) reads that episode's admission and discharge, not the current ones.
 */
function refreshed(
  db: Db,
  client: Client,
  written: DischargeWritten,
  today: string,
): DischargeSummaryContent {
  const on = written.dischargedOn === '' ? null : written.dischargedOn;
  const closed = on === null ? null : closedEpisodeFor(db, client, on);
  const of: Client = closed
    ? {
        ...client,
        admissionDate: closed.admittedOn ?? closed.knownFrom,
        status: 'discharged',
        discharge: { dischargedOn: closed.endedOn, type: closed.type, recordedAtMs: 0 },
      }
    : client;
  return { facts: dischargeFacts(db, of, on, today), written };
}

/**
 * A summary of an episode the client has since been re-admitted after gives the discharge that ended it: that
 * discharge is history (migration 0850), so a summary saying otherwise cannot correct it, and signing never
 * discharges the client from their current episode. Refused beside the date otherwise.
 */
function closedEpisodeSummary(db: Db, client: Client, w: DischargeWritten): ClosedEpisodeEnd | null {
  if (w.dischargedOn === '') return null;
  const closed = closedEpisodeFor(db, client, w.dischargedOn);
  if (!closed) return null;
  if (closed.endedOn !== w.dischargedOn || closed.type !== w.dischargeType) {
    throw fieldError(
      'INVALID_INPUT',
      'written.dischargedOn',
      `The client was re-admitted after this episode of care. Its summary gives the discharge that ended it: ${dayInWords(closed.endedOn)}, ${DISCHARGE_TYPE_LABELS[closed.type].toLowerCase()}.`,
    );
  }
  return closed;
}

function requireSignable(content: DischargeSummaryContent, today: string): void {
  const fields = dischargeSummaryProblems(content, today).map((p) => ({
    path: `written.${p.path}`,
    message: p.message,
  }));
  const [first] = fields;
  if (!first) return;
  throw new AppError(
    'INVALID_INPUT',
    fields.length === 1 ? first.message : `${fields.length} things need completing before signing.`,
    { fields },
  );
}

/** Inside the signing transaction: the client discharged on the summary's date and type. Returns the discharge id. */
function dischargeWithSummary(client: Client, w: DischargeWritten, ctx: SessionDeps): string {
  const { db, practice } = ctx;
  const written = { dischargedOn: w.dischargedOn, type: w.dischargeType! };
  const recorded = client.discharge;
  const existing = latestDischargeId(db, client.id);
  if (dischargeToRecord(recorded, written) === 'keep' && existing) {
    endConsentsAtDischarge(client.id, written.dischargedOn, ctx);
    return existing;
  }
  if (client.status !== 'discharged') {
    setClientStatus(db, client.id, 'discharged', practice.clock.now());
    practice.audit({ action: 'update', entity: 'client', entityId: client.id });
  }
  return recordDischarge(client.id, written, ctx);
}

export const dischargeHandlers: DomainHandlers<'discharge'> = {
  'discharge.summaries': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const list = listDischargeSummaryRows(db, clientId).map(dischargeSummaryFromRow);
    db.transaction(() => practice.audit({ action: 'view', entity: ENTITY, entityId: clientId }))();
    return list;
  },
  'discharge.startSummary': ({ clientId }, { db, practice, user }) => {
    const client = requireClient(db, clientId);
    const today = localDate(practice.clock.now());
    const open = listDischargeSummaryRows(db, clientId).find((r) => r.signed_at_ms === null);
    if (open) {
      const content = refreshed(db, client, dischargeSummaryFromRow(open).content.written, today);
      db.transaction(() => updateDischargeSummaryDraft(db, open.id, content, open.updated_at_ms))();
      return requireSummary(db, open.id);
    }
    const facts = dischargeFacts(db, client, client.discharge?.dischargedOn ?? null, today);
    const id = randomUUID();
    db.transaction(() => {
      insertDischargeSummaryDraft(
        db,
        {
          id,
          clientId,
          content: { facts, written: initialWritten(facts, presentingProblemFromIntake(db, clientId)) },
        },
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: ENTITY, entityId: id });
    })();
    return requireSummary(db, id);
  },
  'discharge.saveSummary': ({ id, written, expectedUpdatedAtMs }, { db, practice }) => {
    const row = requireRow(db, id);
    requireDraft(row);
    if (row.updated_at_ms !== expectedUpdatedAtMs) {
      throw new AppError(
        'CONFLICT',
        'This draft was changed elsewhere since you opened it. Reload it before saving.',
      );
    }
    const client = requireClient(db, row.client_id);
    const content = refreshed(db, client, written, localDate(practice.clock.now()));
    db.transaction(() => {
      updateDischargeSummaryDraft(db, id, content, Math.max(practice.clock.now(), row.updated_at_ms + 1));
      practice.audit({ action: 'update', entity: ENTITY, entityId: id });
    })();
    return requireSummary(db, id);
  },
  'discharge.deleteSummaryDraft': ({ id }, { db, practice }) => {
    requireDraft(requireRow(db, id));
    db.transaction(() => {
      deleteDischargeSummaryDraft(db, id);
      practice.audit({ action: 'delete', entity: ENTITY, entityId: id });
    })();
    return { deleted: true };
  },
  'discharge.signSummary': async ({ id, passphrase }, ctx) => {
    const { db, practice, user } = ctx;
    const row = requireRow(db, id);
    requireDraft(row);
    if (row.created_by !== user.id) {
      throw new AppError('FORBIDDEN', 'Only the clinician who started this summary can sign it.');
    }
    const today = localDate(practice.clock.now());
    const client = requireClient(db, row.client_id);
    const written = dischargeSummaryFromRow(row).content.written;
    requireSignable(refreshed(db, client, written, today), today);
    closedEpisodeSummary(db, client, written);
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      const now = requireRow(db, id);
      // The draft may have been saved during the passphrase check: sign only what was checked.
      if (now.signed_at_ms !== null || now.updated_at_ms !== row.updated_at_ms) {
        throw new AppError('CONFLICT', 'The summary changed while signing. Check it and sign again.');
      }
      const current = requireClient(db, row.client_id);
      const written = dischargeSummaryFromRow(now).content.written;
      // An earlier episode's summary keeps the discharge that ended it; the current episode is left as it is.
      const closed = closedEpisodeSummary(db, current, written);
      const dischargeId = closed ? closed.endedBy : dischargeWithSummary(current, written, ctx);
      // The facts as of the moment of signing, with the client now discharged.
      const content = refreshed(db, requireClient(db, row.client_id), written, today);
      const at = practice.clock.now();
      const signed = {
        id,
        clientId: row.client_id,
        content,
        signedBy: user.id,
        credentials: user.credentials,
      };
      markDischargeSummarySigned(db, id, {
        content,
        userId: user.id,
        credentials: user.credentials,
        atMs: at,
        hash: dischargeSummaryHash({ ...signed, signedAtMs: at }),
        dischargeId,
      });
      practice.audit({ action: 'sign', entity: ENTITY, entityId: id });
    })();
    return requireSummary(db, id);
  },
  'discharge.printSummary': async ({ id, paper, disclosure, locale }, ctx) => {
    const { db, practice } = ctx;
    const summary = requireSummary(db, id);
    if (summary.signedAtMs === null) {
      throw new AppError('CONFLICT', 'Sign the discharge summary before printing it.');
    }
    const client = requireClient(db, summary.clientId);
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const now = practice.clock.now();
    const today = localDate(now);
    // A consent for SUD counselling notes covers those notes only (42 CFR 2.31(b)), never a summary.
    const consent = disclosure
      ? requireDisclosureConsent(db, summary.clientId, disclosure, today, notCounsellingNotesConsent)
      : null;
    const bytes = await renderDischargeSummaryPdf({
      clinic,
      client,
      summary,
      paper,
      locale,
      createdAt: new Date(now),
      disclosure:
        disclosure && consent ? { ...disclosure, disclosedOn: today, consent: consent.consent } : null,
    });
    const path = deliverDocument(ctx, {
      // A disclosure copy and the record's copy never share a name (as notes and plans).
      fileName: disclosure
        ? `disclosure-discharge-summary-${client.chartNumber}-${id.slice(0, 8)}-${now}.pdf`
        : `discharge-summary-${client.chartNumber}-${id.slice(0, 8)}.pdf`,
      bytes,
      audit: { action: 'print', entity: ENTITY, entityId: id },
      disclosure:
        disclosure && consent
          ? {
              clientId: summary.clientId,
              request: disclosure,
              permits: notCounsellingNotesConsent,
              what: `${DISCHARGE_SUMMARY_TITLE} signed ${localDate(summary.signedAtMs)}`,
              sourceType: 'discharge-summary',
              sourceId: id,
            }
          : null,
    });
    return { path };
  },
};
