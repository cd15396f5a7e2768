/** Treatment plans (versioned) and group sessions (one shared block, one note per attendee in their own chart). */
import { randomUUID } from 'node:crypto';
import { emptyNoteContent, MAX_SESSION_MINUTES, sessionMinutes } from '../../shared/domain/notes';
import type { GroupSession } from '../../shared/ipc/contract';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import {
  getGroupSession,
  groupMemberRows,
  groupNumberPresent,
  insertGroupSession,
  insertNote,
  listGroupSessions,
  type GroupSessionRow,
} from '../db/repositories/notes';
import {
  currentPlanVersion,
  getPlanVersion,
  insertPlanVersion,
  listPlanVersions,
} from '../db/repositories/treatmentPlans';
import { getUser } from '../db/repositories/users';
import type { Db } from '../db/connection';
import { renderAttendancePdf } from '../pdf/attendancePdf';
import { requireClient } from './clients';
import { writeDocument } from '../documents/files';
import type { DomainHandlers } from './types';

export const planHandlers: DomainHandlers<'plans'> = {
  'plans.get': ({ clientId }, { db }) => {
    requireClient(db, clientId);
    const versions = listPlanVersions(db, clientId);
    return { current: versions[0] ?? null, versions };
  },
  'plans.save': ({ clientId, baseVersion, plan }, { db, practice, user }) => {
    requireClient(db, clientId);
    const current = currentPlanVersion(db, clientId);
    if (baseVersion !== current) {
      throw new AppError(
        'CONFLICT',
        'The plan was revised elsewhere since you opened it. Reload it and make your changes again.',
      );
    }
    if (current > 0 && plan.revisionNote === '') {
      throw fieldError('INVALID_INPUT', 'plan.revisionNote', 'Say why the plan is being revised.');
    }
    db.transaction(() => {
      insertPlanVersion(db, clientId, current + 1, plan, user.id, practice.clock.now());
      practice.audit({
        action: current === 0 ? 'create' : 'revise',
        entity: 'treatment-plan',
        entityId: clientId,
      });
    })();
    const saved = getPlanVersion(db, clientId, current + 1);
    if (!saved) throw new AppError('INTERNAL', 'The plan was not saved.');
    return saved;
  },
};

function groupFromRow(db: Db, g: GroupSessionRow): GroupSession {
  const facilitatorIds = JSON.parse(g.facilitators) as string[];
  return {
    id: g.id,
    group: {
      groupName: g.group_name,
      topic: g.topic,
      sessionDate: g.session_date,
      startTime: g.start_time,
      endTime: g.end_time,
      modality: g.modality as GroupSession['group']['modality'],
      interventions: JSON.parse(g.interventions) as GroupSession['group']['interventions'],
      facilitatorIds,
    },
    facilitatorNames: facilitatorIds.map((id) => getUser(db, id)?.displayName ?? 'Former staff member'),
    numberPresent: groupNumberPresent(db, g.id),
    members: groupMemberRows(db, g.id).map((m) => ({
      noteId: m.id,
      clientId: m.client_id,
      clientName: m.client_name,
      attendance: (m.attendance as GroupSession['members'][number]['attendance']) ?? null,
      signed: m.signed_at_ms !== null,
    })),
  };
}

function requireGroup(db: Db, id: string): GroupSession {
  const g = getGroupSession(db, id);
  if (!g) throw new AppError('NOT_FOUND', 'That group session is not in this practice.');
  return groupFromRow(db, g);
}

export const groupHandlers: DomainHandlers<'groups'> = {
  'groups.create': ({ group, attendees }, { db, practice, user }) => {
    // As for notes: an end before the start is the next day (an evening group past midnight), up to 12 hours.
    const minutes = sessionMinutes(group.startTime, group.endTime);
    if (group.endTime === group.startTime || (minutes !== null && minutes > MAX_SESSION_MINUTES)) {
      throw fieldError(
        'INVALID_INPUT',
        'group.endTime',
        group.endTime === group.startTime
          ? 'The end time must be after the start time.'
          : 'A session lasts at most 12 hours. Check the start and end times.',
      );
    }
    for (const [i, f] of group.facilitatorIds.entries()) {
      if (!getUser(db, f))
        throw fieldError(
          'INVALID_INPUT',
          `group.facilitatorIds.${i}`,
          'Choose facilitators from this practice.',
        );
    }
    const seen = new Set<string>();
    for (const [i, a] of attendees.entries()) {
      if (seen.has(a.clientId))
        throw fieldError('INVALID_INPUT', `attendees.${i}.clientId`, 'This client is listed twice.');
      seen.add(a.clientId);
      requireClient(db, a.clientId);
    }
    const id = randomUUID();
    db.transaction(() => {
      const now = practice.clock.now();
      insertGroupSession(
        db,
        {
          id,
          group_name: group.groupName,
          topic: group.topic,
          session_date: group.sessionDate,
          start_time: group.startTime,
          end_time: group.endTime,
          modality: group.modality,
          interventions: group.interventions,
          facilitators: group.facilitatorIds,
        },
        user.id,
        now,
      );
      for (const a of attendees) {
        const content = {
          ...emptyNoteContent('group', group.sessionDate),
          sessionType: 'group' as const,
          startTime: group.startTime,
          endTime: group.endTime,
          modality: group.modality,
          interventions: group.interventions,
        };
        const noteId = randomUUID();
        insertNote(
          db,
          {
            id: noteId,
            clientId: a.clientId,
            kind: 'group-member',
            content,
            groupSessionId: id,
            attendance: a.attendance,
            searchExtra: [group.groupName, group.topic],
          },
          user.id,
          now,
        );
        practice.audit({ action: 'create', entity: 'note', entityId: noteId });
      }
      practice.audit({ action: 'create', entity: 'group-session', entityId: id });
    })();
    return requireGroup(db, id);
  },
  'groups.get': ({ id }, { db }) => requireGroup(db, id),
  'groups.list': ({ limit }, { db }) => listGroupSessions(db, limit).map((g) => groupFromRow(db, g)),
  'groups.attendancePdf': async ({ id, paper }, ctx) => {
    const { db, practice } = ctx;
    const session = requireGroup(db, id);
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const bytes = await renderAttendancePdf({
      clinic,
      session,
      paper,
      createdAt: new Date(practice.clock.now()),
    });
    const file = writeDocument(ctx, `attendance-${session.group.sessionDate}-${id.slice(0, 8)}.pdf`, bytes);
    db.transaction(() => practice.audit({ action: 'print', entity: 'group-session', entityId: id }))();
    return { path: file };
  },
};
