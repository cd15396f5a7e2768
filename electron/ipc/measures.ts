/**
 * Measurement-based care and follow-up after discharge (issue 15, items 1, 2 and 4). The rules are pure
 * (shared/domain/measures.ts, response.ts, followUp.ts); these handlers read the facts, apply them, and record.
 */
import { randomUUID } from 'node:crypto';
import { daysBetween, localDate } from '../../shared/domain/common';
import { followUpDays, openFollowUps, type FollowUpAttempt } from '../../shared/domain/followUp';
import {
  MEASURE_INSTRUMENTS,
  addDays,
  dueMeasures,
  scheduleWith,
  statusOn,
  type MeasureDue,
  type MeasureRule,
} from '../../shared/domain/measures';
import { GLANCE_INSTRUMENTS, glanceOf, type ClientGlance } from '../../shared/domain/response';
import type { ClientMeasures } from '../../shared/ipc/channels/outcomes';
import type { Db } from '../db/connection';
import {
  dischargedClients,
  followUp90Days,
  followUpsOf,
  insertFollowUp,
  saveFollowUp90Days,
} from '../db/repositories/followUps';
import {
  completeScores,
  dueTotal,
  dueWorklist,
  earlierEpisodes,
  measuredClient,
  saveSchedule,
  sessionCounts,
  storedSchedules,
  type MeasuredClientRow,
} from '../db/repositories/measures';
import { AppError } from '../errors';
import { requireClient } from './clients';
import type { DomainHandlers } from './types';

const LIMIT = 200;
/** Past the last follow-up window (90 days) with a month to spare for a late call. */
const FOLLOW_UP_HORIZON_DAYS = 120;
const UPCOMING_DAYS = 7;

/** Every scheduled measure's next due date for one measured client, earliest first. */
function dueOf(row: MeasuredClientRow, schedule: readonly MeasureRule[], today: string): MeasureDue[] {
  return dueMeasures(
    schedule,
    (measure) => {
      const done = MEASURE_INSTRUMENTS[measure]
        .map((i) => row.last_done[i as keyof MeasuredClientRow['last_done']] ?? null)
        .filter((t): t is number => t !== null);
      return {
        admissionDate: row.admission_date,
        lastDoneAtMs: done.length ? Math.max(...done) : null,
        lastContactOn: row.last_contact_on,
      };
    },
    today,
  );
}

function glance(db: Db, clientId: string, today: string): ClientGlance {
  const client = requireClient(db, clientId);
  const scores = completeScores(db, clientId);
  const sessions = sessionCounts(db, clientId);
  const end = client.status === 'discharged' && client.discharge ? client.discharge.dischargedOn : today;
  const earlier = earlierEpisodes(db, clientId);
  return {
    instruments: GLANCE_INSTRUMENTS.flatMap((id) => {
      const g = glanceOf(
        id,
        scores
          .filter((s) => s.instrument_id === id)
          .map((s) => ({ total: s.total, atMs: s.administered_at_ms })),
      );
      return g ? [g] : [];
    }),
    episode: {
      number: earlier.some((e) => e.admittedOn === null) ? null : earlier.length + 1,
      since: client.admissionDate,
    },
    earlierEpisodes: earlier,
    daysInCare: Math.max(0, daysBetween(client.admissionDate, end)),
    sessionsAttended: sessions.attended,
    sessionsPlanned: sessions.planned,
  };
}

function clientMeasures(db: Db, clientId: string, today: string): ClientMeasures {
  const schedule = scheduleWith(storedSchedules(db, clientId).get(clientId) ?? []);
  const row = measuredClient(db, today, clientId);
  return {
    schedule,
    due: row ? dueOf(row, schedule, today) : [],
    glance: glance(db, clientId, today),
    followUps: followUpsOf(db, clientId).map((f) => ({
      id: f.id,
      day: f.day,
      contactedOn: f.contacted_on,
      result: f.result,
      using: f.using_status,
      aftercare: f.aftercare,
      readmissionOffered: f.readmission_offered === 1,
      note: f.note,
      recordedAtMs: f.recorded_at_ms,
      recordedBy: f.recorded_by_name,
    })),
  };
}

const attemptsOf = (json: string) =>
  (JSON.parse(json) as Array<[FollowUpAttempt['day'], FollowUpAttempt['result']]>).map(
    ([day, result]): FollowUpAttempt => ({ day, result }),
  );

export const measureHandlers: DomainHandlers<'measures'> = {
  'measures.forClient': ({ clientId }, { db, practice }) => {
    const out = clientMeasures(db, clientId, localDate(practice.clock.now()));
    db.transaction(() => practice.audit({ action: 'view', entity: 'measures', entityId: clientId }))();
    return out;
  },
  'measures.saveSchedule': ({ clientId, schedule }, { db, practice, user }) => {
    requireClient(db, clientId);
    db.transaction(() => {
      saveSchedule(db, clientId, schedule, user.id, practice.clock.now());
      practice.audit({ action: 'update', entity: 'measure-schedule', entityId: clientId });
    })();
    return clientMeasures(db, clientId, localDate(practice.clock.now()));
  },
  'measures.due': (_input, { db, practice }) => {
    const today = localDate(practice.clock.now());
    return {
      items: dueWorklist(db, today, LIMIT).map((r) => ({
        clientId: r.client_id,
        clientName: r.client_name,
        chartNumber: r.chart_number,
        measure: r.measure,
        dueOn: r.due_on,
        reason: r.reason,
        status: statusOn(r.due_on, today),
      })),
      ...dueTotal(db, today),
    };
  },
};

export const followUpHandlers: DomainHandlers<'followUps'> = {
  'followUps.due': (_input, { db, practice }) => {
    const today = localDate(practice.clock.now());
    const with90Days = followUp90Days(db);
    const horizon = addDays(today, UPCOMING_DAYS);
    const items = dischargedClients(db, addDays(today, -FOLLOW_UP_HORIZON_DAYS), null).flatMap((d) =>
      openFollowUps(d.discharged_on, with90Days, attemptsOf(d.attempts), today)
        .filter((f) => f.dueOn <= horizon)
        .map((f) => ({
          clientId: d.client_id,
          clientName: d.client_name,
          chartNumber: d.chart_number,
          phone: d.phone,
          dischargeId: d.discharge_id,
          dischargedOn: d.discharged_on,
          dischargeType: d.discharge_type,
          ...f,
        })),
    );
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.clientName.localeCompare(b.clientName));
    return { with90Days, items: items.slice(0, LIMIT) };
  },
  'followUps.record': ({ clientId, dischargeId, day, outcome }, { db, practice, user }) => {
    const today = localDate(practice.clock.now());
    const discharge = dischargedClients(db, today, clientId)[0];
    if (!discharge || discharge.discharge_id !== dischargeId)
      throw new AppError('CONFLICT', 'This client is no longer discharged on that date: reload the list.');
    if (!followUpDays(followUp90Days(db)).includes(day))
      throw new AppError('INVALID_INPUT', 'The practice does not ask for a contact on that day.');
    if (outcome.contactedOn > today)
      throw new AppError('INVALID_INPUT', 'The contact date cannot be in the future.', {
        fields: [{ path: 'outcome.contactedOn', message: 'The contact date cannot be in the future.' }],
      });
    if (outcome.contactedOn < discharge.discharged_on)
      throw new AppError('INVALID_INPUT', 'The contact date is before the discharge.', {
        fields: [{ path: 'outcome.contactedOn', message: 'The contact date is before the discharge.' }],
      });
    const id = randomUUID();
    db.transaction(() => {
      insertFollowUp(db, { id, clientId, dischargeId, day, outcome }, user.id, practice.clock.now());
      practice.audit({ action: 'create', entity: 'follow-up', entityId: id });
    })();
    return { id };
  },
  'followUps.settings': (_input, { db }) => ({ with90Days: followUp90Days(db) }),
  'followUps.saveSettings': ({ with90Days }, { db, practice, user }) => {
    if (!user.administrator)
      throw new AppError('FORBIDDEN', 'Only a practice administrator can change the follow-up contacts.');
    db.transaction(() => {
      saveFollowUp90Days(db, with90Days);
      practice.audit({ action: 'update', entity: 'settings', entityId: null });
    })();
    return { with90Days: followUp90Days(db) };
  },
};
