/**
 * Relapse-prevention, safety and aftercare plans (CLINICAL.md §5; policy in shared/domain/recoveryPlans.ts):
 * - Versions are append-only. Starting a version copies the latest signed one (or starts empty; an aftercare plan is
 *   pre-filled from the record, electron/plans/aftercarePrefill.ts). One draft per client and kind.
 * - A draft autosaves with optimistic concurrency on updatedAtMs, checking types and lengths only.
 * - Signing re-authenticates, checks planSigningProblems (errors beside the fields), stores who, when and the
 *   SHA-256 of the signed content; the database refuses any later change.
 * - Only signed versions are printed. A print is for the client or the record, or a disclosure under an active
 *   consent of this client, recorded for the accounting (electron/documents/delivery.ts). Everything is audited.
 */
import { randomUUID } from 'node:crypto';
import { localDate } from '../../shared/domain/common';
import {
  emptyPlanContent,
  planSigningProblems,
  RECOVERY_PLAN_TITLES,
  type RecoveryPlan,
  type RecoveryPlanContent,
  type RecoveryPlanKind,
} from '../../shared/domain/recoveryPlans';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import { clinicWording } from '../db/repositories/clinicWording';
import {
  deleteRecoveryPlanDraft,
  getRecoveryPlanRow,
  insertRecoveryPlanDraft,
  latestSignedRecoveryPlanRow,
  listRecoveryPlanRows,
  markRecoveryPlanSigned,
  recoveryPlanFromRow,
  updateRecoveryPlanDraft,
  type RecoveryPlanRow,
} from '../db/repositories/recoveryPlans';
import type { Db } from '../db/connection';
import { deliverDocument, notCounsellingNotesConsent, requireDisclosureConsent } from '../documents/delivery';
import { renderRecoveryPlanPdf } from '../documents/recoveryPlanPdf';
import { canonicalJson, sha256 } from '../notes/signing';
import { aftercarePrefill } from '../plans/aftercarePrefill';
import { requireClient } from './clients';
import type { DomainHandlers } from './types';

const ENTITY = 'recovery-plan';

function requireRow(db: Db, id: string): RecoveryPlanRow {
  const row = getRecoveryPlanRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'That plan is not in this practice.');
  return row;
}

function requirePlan(db: Db, id: string): RecoveryPlan {
  return recoveryPlanFromRow(requireRow(db, id));
}

/**
 * The relapse-prevention plan an aftercare plan hands on: only a signed version of the same client's. An id from
 * anywhere else (another client's plan, a draft, another kind) would print someone else's record on this client's
 * plan, so it is refused when saved or signed, and never printed.
 */
function linkedRelapsePlan(db: Db, clientId: string, content: RecoveryPlanContent): RecoveryPlan | null {
  const id = content.kind === 'aftercare' ? content.plan.relapsePreventionPlanId : null;
  if (id === null) return null;
  const row = getRecoveryPlanRow(db, id);
  if (!row || row.client_id !== clientId || row.kind !== 'relapse-prevention' || row.signed_at_ms === null) {
    throw fieldError(
      'INVALID_INPUT',
      'content.plan.relapsePreventionPlanId',
      "The linked relapse-prevention plan must be a signed version of this client's own plan.",
    );
  }
  return recoveryPlanFromRow(row);
}

/** The content a signature covers, canonical JSON hashed with SHA-256. */
export function recoveryPlanHash(row: RecoveryPlanRow, signedBy: string, signedAtMs: number): string {
  return sha256(
    canonicalJson({
      planId: row.id,
      clientId: row.client_id,
      kind: row.kind,
      version: row.version,
      content: JSON.parse(row.content) as unknown,
      signedBy,
      signedAtMs,
    }),
  );
}

function startingContent(db: Db, clientId: string, kind: RecoveryPlanKind): RecoveryPlanContent {
  const signed = latestSignedRecoveryPlanRow(db, clientId, kind);
  if (signed) {
    const content = recoveryPlanFromRow(signed).content;
    // A revised aftercare plan hands on the newest signed relapse-prevention plan.
    if (content.kind === 'aftercare') {
      const rp = latestSignedRecoveryPlanRow(db, clientId, 'relapse-prevention');
      return {
        kind,
        plan: { ...content.plan, relapsePreventionPlanId: rp?.id ?? null },
      } as RecoveryPlanContent;
    }
    return content;
  }
  if (kind === 'aftercare') return { kind, plan: aftercarePrefill(db, clientId) };
  return emptyPlanContent(kind);
}

function requireSignable(content: RecoveryPlanContent, today: string): void {
  const fields = planSigningProblems(content, today).map((p) => ({
    path: `content.plan.${p.path}`,
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

export const recoveryPlanHandlers: DomainHandlers<'recoveryPlans'> = {
  'recoveryPlans.list': ({ clientId, kind }, { db, practice }) => {
    requireClient(db, clientId);
    const list = listRecoveryPlanRows(db, clientId, kind).map(recoveryPlanFromRow);
    db.transaction(() => practice.audit({ action: 'view', entity: ENTITY, entityId: clientId }))();
    return list;
  },
  'recoveryPlans.startDraft': ({ clientId, kind }, { db, practice, user }) => {
    requireClient(db, clientId);
    const open = listRecoveryPlanRows(db, clientId, kind).find((r) => r.signed_at_ms === null);
    if (open) return recoveryPlanFromRow(open);
    const id = randomUUID();
    db.transaction(() => {
      insertRecoveryPlanDraft(
        db,
        { id, clientId, content: startingContent(db, clientId, kind) },
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: ENTITY, entityId: id });
    })();
    return requirePlan(db, id);
  },
  'recoveryPlans.saveDraft': ({ id, content, expectedUpdatedAtMs }, { db, practice }) => {
    const row = requireRow(db, id);
    if (row.signed_at_ms !== null) {
      throw new AppError(
        'CONFLICT',
        'This version is signed and cannot change. Start a new version to revise it.',
      );
    }
    if (content.kind !== row.kind)
      throw new AppError('INVALID_INPUT', 'That content is for another kind of plan.');
    if (row.updated_at_ms !== expectedUpdatedAtMs) {
      throw new AppError(
        'CONFLICT',
        'This draft was changed elsewhere since you opened it. Reload it before saving.',
      );
    }
    linkedRelapsePlan(db, row.client_id, content);
    db.transaction(() => {
      updateRecoveryPlanDraft(db, id, content, Math.max(practice.clock.now(), row.updated_at_ms + 1));
      practice.audit({ action: 'update', entity: ENTITY, entityId: id });
    })();
    return requirePlan(db, id);
  },
  'recoveryPlans.deleteDraft': ({ id }, { db, practice }) => {
    const row = requireRow(db, id);
    if (row.signed_at_ms !== null) throw new AppError('CONFLICT', 'A signed plan version cannot be deleted.');
    db.transaction(() => {
      deleteRecoveryPlanDraft(db, id);
      practice.audit({ action: 'delete', entity: ENTITY, entityId: id });
    })();
    return { deleted: true };
  },
  'recoveryPlans.sign': async ({ id, passphrase }, { db, practice, user }) => {
    const row = requireRow(db, id);
    if (row.signed_at_ms !== null) throw new AppError('CONFLICT', 'This version is already signed.');
    if (row.created_by !== user.id) {
      throw new AppError('FORBIDDEN', 'Only the clinician who started this version can sign it.');
    }
    const draft = recoveryPlanFromRow(row);
    requireSignable(draft.content, localDate(practice.clock.now()));
    linkedRelapsePlan(db, row.client_id, draft.content);
    await practice.reauthenticate(passphrase, 'passphrase');
    db.transaction(() => {
      const now = requireRow(db, id);
      // The draft may have been saved during the passphrase check: sign only what was checked.
      if (now.signed_at_ms !== null || now.updated_at_ms !== row.updated_at_ms) {
        throw new AppError('CONFLICT', 'The plan changed while signing. Check it and sign again.');
      }
      const at = practice.clock.now();
      markRecoveryPlanSigned(db, id, { userId: user.id, atMs: at, hash: recoveryPlanHash(now, user.id, at) });
      practice.audit({ action: 'sign', entity: ENTITY, entityId: id });
    })();
    return requirePlan(db, id);
  },
  'recoveryPlans.printPdf': async ({ id, paper, disclosure, language }, ctx) => {
    const { db, practice } = ctx;
    const plan = requirePlan(db, id);
    if (plan.signedAtMs === null) {
      throw new AppError(
        'CONFLICT',
        'Sign this version before printing it: the client takes home the signed plan.',
      );
    }
    const client = requireClient(db, plan.clientId);
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const now = practice.clock.now();
    const today = localDate(now);
    // A consent for SUD counselling notes covers those notes only (42 CFR 2.31(b)), never a plan.
    const consent = disclosure
      ? requireDisclosureConsent(db, plan.clientId, disclosure, today, notCounsellingNotesConsent)
      : null;
    const relapsePlan = linkedRelapsePlan(db, plan.clientId, plan.content);
    const bytes = await renderRecoveryPlanPdf({
      clinic,
      client,
      plan,
      relapsePlan,
      paper,
      createdAt: new Date(now),
      disclosure:
        disclosure && consent ? { ...disclosure, disclosedOn: today, consent: consent.consent } : null,
      // The client's copy is in the client's language. A copy disclosed under a consent goes to another provider or
      // a court: it prints in English, so its notice is 42 CFR 2.32's own text, the one the accounting records.
      language: disclosure ? 'en' : (language ?? client.documentLanguage),
      overrides: clinicWording(db),
    });
    const title = RECOVERY_PLAN_TITLES[plan.content.kind];
    const path = deliverDocument(ctx, {
      // A disclosure copy and the client's copy never share a name (as notes, issue 9 item 2).
      fileName: disclosure
        ? `disclosure-${plan.content.kind}-plan-${client.chartNumber}-v${plan.version}-${id.slice(0, 8)}-${now}.pdf`
        : `${plan.content.kind}-plan-${client.chartNumber}-v${plan.version}-${id.slice(0, 8)}.pdf`,
      bytes,
      audit: { action: 'print', entity: ENTITY, entityId: id },
      disclosure:
        disclosure && consent
          ? {
              clientId: plan.clientId,
              request: disclosure,
              permits: notCounsellingNotesConsent,
              what: `${title}, version ${plan.version} signed ${localDate(plan.signedAtMs)}`,
              sourceType: 'recovery-plan',
              sourceId: id,
            }
          : null,
    });
    return { path };
  },
};
