/** Intake sections, the baseline use log and Part 2 consents of one client. Each read and each change is audited. */
import { randomUUID } from 'node:crypto';
import { ALERT_KIND_LABELS } from '../../shared/domain/alerts';
import { localDate } from '../../shared/domain/common';
import { AppError, fieldError } from '../errors';
import { raiseAlert } from '../db/repositories/alerts';
import {
  getConsent,
  insertConsent,
  listConsents,
  recordConsentEndEvent,
  revokeConsent,
} from '../db/repositories/consents';
import { getIntake, saveIntakeSection } from '../db/repositories/intake';
import {
  deleteUseLogEntry,
  getUseLogEntry,
  insertUseLogEntry,
  listUseLog,
  updateUseLogEntry,
} from '../db/repositories/useLog';
import type { Client } from '../../shared/domain/clients';
import { doseTimeTooEarly } from '../../shared/domain/useLog';
import { requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

/** A dose logged a few minutes ahead of this computer's clock is a clock difference, not a future dose. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Refuses a dose time that cannot be right, naming the field: in the future, before the client was born, or further
 * back than a use log reaches (a mistyped year). Dose times that slipped past before make days and charts
 * unbounded, so they are stopped here, at the door.
 */
function checkDoseTime(
  takenAtMs: number,
  client: Client,
  { practice }: SessionDeps,
  field: string,
  what: 'A dose' | 'The last dose',
): void {
  const now = practice.clock.now();
  if (takenAtMs > now + CLOCK_SKEW_MS) {
    throw fieldError(
      'INVALID_INPUT',
      field,
      what === 'A dose' ? 'A dose cannot be logged in the future.' : 'The last dose cannot be in the future.',
    );
  }
  const early = doseTimeTooEarly(takenAtMs, now, client.dateOfBirth, what);
  if (early) throw fieldError('INVALID_INPUT', field, early);
}

export const intakeHandlers: DomainHandlers<'intake'> = {
  'intake.get': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const intake = getIntake(db, clientId);
    db.transaction(() => practice.audit({ action: 'view', entity: 'intake', entityId: clientId }))();
    return intake;
  },
  'intake.saveSection': ({ clientId, save }, ctx) => {
    const { db, practice, user } = ctx;
    const client = requireClient(db, clientId);
    if (save.section === 'kratom' && save.data.lastDoseAtMs !== null) {
      checkDoseTime(save.data.lastDoseAtMs, client, ctx, 'save.data.lastDoseAtMs', 'The last dose');
    }
    db.transaction(() => {
      const before = getIntake(db, clientId).sections.psychiatric?.suicidalThoughts ?? null;
      saveIntakeSection(db, clientId, save, user.id, practice.clock.now());
      practice.audit({ action: 'update', entity: `intake-${save.section}`, entityId: clientId });
      // Suicidal thoughts reported at intake are a red flag (CLINICAL.md §4). Each report raises its own alert: the
      // save that turns the answer to yes, not later saves of the same section while it stays yes.
      if (save.section === 'psychiatric' && save.data.suicidalThoughts === true && before !== true) {
        const alertId = randomUUID();
        raiseAlert(
          db,
          {
            id: alertId,
            clientId,
            kind: 'intake-suicidal-thoughts',
            symptoms: ['suicidal-thoughts'],
            detail: ALERT_KIND_LABELS['intake-suicidal-thoughts'],
            sourceType: 'intake',
            sourceId: null,
          },
          user.id,
          practice.clock.now(),
        );
        practice.audit({ action: 'raise', entity: 'alert', entityId: alertId });
      }
    })();
    return getIntake(db, clientId);
  },
};

export const useLogHandlers: DomainHandlers<'useLog'> = {
  'useLog.list': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const entries = listUseLog(db, clientId);
    db.transaction(() => practice.audit({ action: 'view', entity: 'use-log-list', entityId: clientId }))();
    return entries;
  },
  'useLog.add': ({ clientId, entry }, ctx) => {
    const { db, practice, user } = ctx;
    const client = requireClient(db, clientId);
    checkDoseTime(entry.takenAtMs, client, ctx, 'entry.takenAtMs', 'A dose');
    const id = randomUUID();
    db.transaction(() => {
      insertUseLogEntry(db, id, clientId, entry, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'use-log', entityId: id });
    })();
    return getUseLogEntry(db, id) ?? notFound();
  },
  'useLog.update': ({ id, entry }, ctx) => {
    const { db, practice } = ctx;
    const existing = getUseLogEntry(db, id) ?? notFound();
    checkDoseTime(entry.takenAtMs, requireClient(db, existing.clientId), ctx, 'entry.takenAtMs', 'A dose');
    db.transaction(() => {
      if (!updateUseLogEntry(db, id, entry)) notFound();
      practice.audit({ action: 'update', entity: 'use-log', entityId: id });
    })();
    return getUseLogEntry(db, id) ?? notFound();
  },
  'useLog.delete': ({ id }, { db, practice }) => {
    db.transaction(() => {
      if (!deleteUseLogEntry(db, id)) notFound();
      practice.audit({ action: 'delete', entity: 'use-log', entityId: id });
    })();
    return { deleted: true };
  },
};

function notFound(): never {
  throw new AppError('NOT_FOUND', 'That entry no longer exists.');
}

/** A date in a consent's life (revoked, ended): not in the future, not before the consent was signed. */
function requireDateSinceSigning(
  date: string,
  signedOn: string,
  nowMs: number,
  words: { field: string; future: string; beforeSigning: string },
): void {
  if (date > localDate(nowMs)) throw fieldError('INVALID_INPUT', words.field, words.future);
  if (date < signedOn) throw fieldError('INVALID_INPUT', words.field, words.beforeSigning);
}

export const consentHandlers: DomainHandlers<'consents'> = {
  'consents.list': ({ clientId }, { db, practice }) => {
    requireClient(db, clientId);
    const consents = listConsents(db, clientId);
    db.transaction(() => practice.audit({ action: 'view', entity: 'consent-list', entityId: clientId }))();
    return consents;
  },
  'consents.create': ({ clientId, consent }, { db, practice, user }) => {
    const client = requireClient(db, clientId);
    const today = localDate(practice.clock.now());
    // The discharge that would end it has already happened: such a consent would never end.
    if (consent.expiryKind === 'discharge' && client.status === 'discharged') {
      throw fieldError(
        'INVALID_INPUT',
        'consent.expiryKind',
        'This client is already discharged, so a consent that ends at discharge would never end. Choose an expiry date or another event.',
      );
    }
    if (consent.signedOn > today) {
      throw fieldError('INVALID_INPUT', 'consent.signedOn', 'The date signed cannot be in the future.');
    }
    if (
      consent.expiryKind === 'date' &&
      consent.expiryDate !== null &&
      consent.expiryDate < consent.signedOn
    ) {
      throw fieldError(
        'INVALID_INPUT',
        'consent.expiryDate',
        'The consent cannot expire before it was signed.',
      );
    }
    const id = randomUUID();
    db.transaction(() => {
      insertConsent(db, id, clientId, consent, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'consent', entityId: id });
    })();
    return getConsent(db, id) ?? notFound();
  },
  'consents.revoke': ({ id, revocation }, { db, practice, user }) => {
    const existing = getConsent(db, id);
    if (!existing) throw new AppError('NOT_FOUND', 'That consent is not in this practice.');
    if (existing.revocation) throw new AppError('CONFLICT', 'This consent was already revoked.');
    if (existing.endEvent) {
      throw new AppError('CONFLICT', 'This consent has already ended: its ending event was recorded.');
    }
    requireDateSinceSigning(revocation.revokedOn, existing.consent.signedOn, practice.clock.now(), {
      field: 'revocation.revokedOn',
      future: 'The revocation date cannot be in the future.',
      beforeSigning: 'The revocation date is before the consent was signed.',
    });
    db.transaction(() => {
      revokeConsent(db, id, revocation, user.id, practice.clock.now());
      practice.audit({ action: 'revoke', entity: 'consent', entityId: id });
    })();
    return getConsent(db, id) ?? notFound();
  },
  'consents.recordEndEvent': ({ id, endEvent }, { db, practice, user }) => {
    const existing = getConsent(db, id);
    if (!existing) throw new AppError('NOT_FOUND', 'That consent is not in this practice.');
    // An at-discharge consent is ended by the discharge itself; by hand only if one stayed active after it (a
    // consent recorded before the discharge ended every such consent whatever its signing date).
    if (
      existing.consent.expiryKind === 'discharge' &&
      requireClient(db, existing.clientId).status !== 'discharged'
    ) {
      throw new AppError(
        'CONFLICT',
        'This consent ends when the client is discharged: the discharge records it.',
      );
    }
    if (existing.consent.expiryKind === 'date') {
      throw new AppError('CONFLICT', 'This consent ends on a date, not on an event.');
    }
    if (existing.revocation)
      throw new AppError('CONFLICT', 'This consent was revoked; it has no event to record.');
    if (existing.endEvent)
      throw new AppError('CONFLICT', 'The ending event of this consent is already recorded.');
    requireDateSinceSigning(endEvent.happenedOn, existing.consent.signedOn, practice.clock.now(), {
      field: 'endEvent.happenedOn',
      future: 'The date it happened cannot be in the future.',
      beforeSigning: 'This date is before the consent was signed: check the date.',
    });
    db.transaction(() => {
      if (!recordConsentEndEvent(db, id, endEvent, user.id, practice.clock.now())) {
        throw new AppError('CONFLICT', 'The ending event of this consent is already recorded.');
      }
      practice.audit({ action: 'record-end-event', entity: 'consent', entityId: id });
    })();
    return getConsent(db, id) ?? notFound();
  },
};
