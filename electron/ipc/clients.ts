/** Client record, list, quick find and chart. Every view of a chart and every change is an audit row. */
import { randomUUID } from 'node:crypto';
import type { ClientInput, ClientStatus } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import { consentsEndedByDischarge, dischargeOnSave, readmissionProblem } from '../../shared/domain/discharge';
import { intakeRiskFlags, useLogRiskFlags } from '../../shared/domain/riskFlags';
import { AppError, fieldError } from '../errors';
import {
  chartNumberTaken,
  closedEpisodeEndedOn,
  getClient,
  insertClient,
  insertDischarge,
  latestDischargedOn,
  listClients,
  nextChartNumber,
  quickFindClients,
  updateClient,
} from '../db/repositories/clients';
import { listAlerts } from '../db/repositories/alerts';
import { listConsents, recordConsentEndEvent } from '../db/repositories/consents';
import { getIntake } from '../db/repositories/intake';
import { clientTimeline } from '../db/repositories/timeline';
import { countUseLog, loggedForms } from '../db/repositories/useLog';
import { getUser } from '../db/repositories/users';
import type { Db } from '../db/connection';
import type { DomainHandlers, SessionDeps } from './types';

const EARLIEST_BIRTH = '1900-01-01';

export function requireClient(db: Db, id: string) {
  const client = getClient(db, id);
  if (!client) throw new AppError('NOT_FOUND', 'That client is not in this practice.');
  return client;
}

/** Checks that need today's date or other records, which the input schema cannot know. */
function checkClient(db: Db, c: ClientInput, today: string, exceptId: string | null): void {
  if (c.dateOfBirth > today)
    throw fieldError('INVALID_INPUT', 'client.dateOfBirth', 'The date of birth cannot be in the future.');
  if (c.dateOfBirth < EARLIEST_BIRTH) {
    throw fieldError('INVALID_INPUT', 'client.dateOfBirth', 'Check the date of birth: it is before 1900.');
  }
  if (c.admissionDate > today) {
    throw fieldError('INVALID_INPUT', 'client.admissionDate', 'The admission date cannot be in the future.');
  }
  if (c.admissionDate < c.dateOfBirth) {
    throw fieldError(
      'INVALID_INPUT',
      'client.admissionDate',
      'The admission date is before the date of birth.',
    );
  }
  if (c.assignedClinicianId !== null && !getUser(db, c.assignedClinicianId)) {
    throw fieldError('INVALID_INPUT', 'client.assignedClinicianId', 'Choose a clinician from this practice.');
  }
  if (c.chartNumber !== null && chartNumberTaken(db, c.chartNumber, exceptId)) {
    throw fieldError(
      'CONFLICT',
      'client.chartNumber',
      `Chart number ${c.chartNumber} belongs to another client.`,
    );
  }
}

const today = ({ practice }: SessionDeps) => localDate(practice.clock.now());

/**
 * The discharged-status rule (shared/domain/discharge.ts): refused beside the field without a date and a type. Run
 * before any write, so a refused save changes nothing.
 */
function checkDischarge(previous: ClientStatus | null, c: ClientInput, ctx: SessionDeps) {
  const { discharge, problem } = dischargeOnSave(previous, c, today(ctx));
  if (problem) throw fieldError('INVALID_INPUT', `client.${problem.field}`, problem.message);
  return discharge;
}

/**
 * Inside the caller's transaction: the discharge row (shown on the timeline), its audit row, and the end of every
 * consent whose ending event is the discharge. Returns the discharge row's id. Also used when a signed discharge
 * summary discharges the client (electron/ipc/discharge.ts).
 */
export function recordDischarge(
  clientId: string,
  discharge: NonNullable<ClientInput['discharge']>,
  ctx: SessionDeps,
): string {
  const { db, practice, user } = ctx;
  const id = randomUUID();
  insertDischarge(db, {
    id,
    clientId,
    ...discharge,
    recordedAtMs: practice.clock.now(),
    recordedBy: user.id,
  });
  practice.audit({ action: 'discharge', entity: 'client', entityId: clientId });
  endConsentsAtDischarge(clientId, discharge.dischargedOn, ctx);
  return id;
}

/** Ends, as of the discharge date, every consent of the client that ends at discharge; each is audited. */
export function endConsentsAtDischarge(
  clientId: string,
  dischargedOn: string,
  { db, practice, user }: SessionDeps,
): void {
  const atMs = practice.clock.now();
  for (const { id, endedOn } of consentsEndedByDischarge(listConsents(db, clientId), dischargedOn)) {
    if (recordConsentEndEvent(db, id, { happenedOn: endedOn }, user.id, atMs)) {
      practice.audit({ action: 'record-end-event', entity: 'consent', entityId: id });
    }
  }
}

export const clientHandlers: DomainHandlers<'clients'> = {
  'clients.list': (query, { db }) => listClients(db, query),
  'clients.quickFind': ({ search, limit }, { db }) => quickFindClients(db, search, limit),
  'clients.nextChartNumber': (_input, { db }) => ({ chartNumber: nextChartNumber(db) }),
  'clients.create': ({ client }, ctx) => {
    const { db, practice } = ctx;
    checkClient(db, client, today(ctx), null);
    const discharge = checkDischarge(null, client, ctx);
    const id = randomUUID();
    db.transaction(() => {
      insertClient(
        db,
        id,
        { ...client, chartNumber: client.chartNumber ?? nextChartNumber(db) },
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: 'client', entityId: id });
      if (discharge) recordDischarge(id, discharge, ctx);
    })();
    return requireClient(db, id);
  },
  'clients.update': ({ id, client }, ctx) => {
    const { db, practice } = ctx;
    const existing = requireClient(db, id);
    checkClient(db, client, today(ctx), id);
    const discharge = checkDischarge(existing.status, client, ctx);
    const readmission = readmissionProblem(
      existing.status,
      client,
      latestDischargedOn(db, id),
      closedEpisodeEndedOn(db, id),
    );
    if (readmission) throw fieldError('INVALID_INPUT', 'client.admissionDate', readmission);
    db.transaction(() => {
      updateClient(
        db,
        id,
        { ...client, chartNumber: client.chartNumber ?? existing.chartNumber },
        practice.clock.now(),
      );
      practice.audit({ action: 'update', entity: 'client', entityId: id });
      if (discharge) recordDischarge(id, discharge, ctx);
    })();
    return requireClient(db, id);
  },
  'clients.get': ({ id }, { db, practice }) => {
    const client = requireClient(db, id);
    db.transaction(() => practice.audit({ action: 'view', entity: 'client', entityId: id }))();
    return client;
  },
  'clients.chart': ({ id }, { db, practice }) => {
    const client = requireClient(db, id);
    const intake = getIntake(db, id);
    const chart = {
      client,
      intake,
      riskFlags: [
        ...intakeRiskFlags(intake),
        ...useLogRiskFlags(loggedForms(db, id).map((form) => ({ form }))),
      ],
      consents: listConsents(db, id),
      useLogEntries: countUseLog(db, id),
      timeline: clientTimeline(db, id, 200),
      openAlerts: listAlerts(db, id).filter((a) => a.acknowledgement === null),
    };
    db.transaction(() => practice.audit({ action: 'view', entity: 'chart', entityId: id }))();
    return chart;
  },
};
