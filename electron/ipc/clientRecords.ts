/** Intake sections, the baseline use log and Part 2 consents of one client. Each change is audited with it. */
import { randomUUID } from 'node:crypto';
import { ALERT_KIND_LABELS } from '../../shared/domain/alerts';
import { localDate } from '../../shared/domain/common';
import { AppError, fieldError } from '../errors';
import { raiseAlert } from '../db/repositories/alerts';
import { getConsent, insertConsent, listConsents, revokeConsent } from '../db/repositories/consents';
import { getIntake, saveIntakeSection } from '../db/repositories/intake';
import {
  deleteUseLogEntry,
  getUseLogEntry,
  insertUseLogEntry,
  listUseLog,
  updateUseLogEntry,
} from '../db/repositories/useLog';
import type { UseLogInput } from '../../shared/domain/useLog';
import { requireClient } from './clients';
import type { DomainHandlers, SessionDeps } from './types';

/** A dose logged a few minutes ahead of this computer's clock is a clock difference, not a future dose. */
const CLOCK_SKEW_MS = 5 * 60_000;

function checkDoseTime(entry: UseLogInput, { practice }: SessionDeps): void {
  if (entry.takenAtMs > practice.clock.now() + CLOCK_SKEW_MS) {
    throw fieldError('INVALID_INPUT', 'entry.takenAtMs', 'A dose cannot be logged in the future.');
  }
}

export const intakeHandlers: DomainHandlers<'intake'> = {
  'intake.get': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return getIntake(db, clientId);
  },
  'intake.saveSection': ({ clientId, save }, { db, practice, user }) => {
    requireClient(db, clientId);
    if (
      save.section === 'kratom' &&
      save.data.lastDoseAtMs !== null &&
      save.data.lastDoseAtMs > practice.clock.now() + CLOCK_SKEW_MS
    ) {
      throw fieldError('INVALID_INPUT', 'save.data.lastDoseAtMs', 'The last dose cannot be in the future.');
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
  'useLog.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listUseLog(db, clientId);
  },
  'useLog.add': ({ clientId, entry }, ctx) => {
    const { db, practice, user } = ctx;
    requireClient(db, clientId);
    checkDoseTime(entry, ctx);
    const id = randomUUID();
    db.transaction(() => {
      insertUseLogEntry(db, id, clientId, entry, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'use-log', entityId: id });
    })();
    return getUseLogEntry(db, id) ?? notFound();
  },
  'useLog.update': ({ id, entry }, ctx) => {
    const { db, practice } = ctx;
    checkDoseTime(entry, ctx);
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

export const consentHandlers: DomainHandlers<'consents'> = {
  'consents.list': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    return listConsents(db, clientId);
  },
  'consents.create': ({ clientId, consent }, { db, practice, user }) => {
    requireClient(db, clientId);
    const today = localDate(practice.clock.now());
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
    const today = localDate(practice.clock.now());
    if (revocation.revokedOn > today) {
      throw fieldError(
        'INVALID_INPUT',
        'revocation.revokedOn',
        'The revocation date cannot be in the future.',
      );
    }
    if (revocation.revokedOn < existing.consent.signedOn) {
      throw fieldError(
        'INVALID_INPUT',
        'revocation.revokedOn',
        'The revocation date is before the consent was signed.',
      );
    }
    db.transaction(() => {
      revokeConsent(db, id, revocation, user.id, practice.clock.now());
      practice.audit({ action: 'revoke', entity: 'consent', entityId: id });
    })();
    return getConsent(db, id) ?? notFound();
  },
};
