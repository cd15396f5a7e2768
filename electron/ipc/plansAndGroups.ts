/**
 * Treatment plans (versioned) and group sessions (one shared block, one note per attendee in their own chart).
 * Policy (issue 9 item 4): a group, and who attended it, can be changed — what it covered filled in, a late
 * attendee added — until the first attendee's note is signed; from then the group is part of a signed record (the
 * database refuses it too). The attendance sheet names every member: it is an internal document, printed only for
 * the clinic's own record, never as a disclosure, and its print is audited with its purpose (issue 8 item 7).
 */
import { randomUUID } from 'node:crypto';
import {
  emptyNoteContent,
  MAX_SESSION_MINUTES,
  NoteContentSchema,
  sessionMinutes,
  type NoteContent,
} from '../../shared/domain/notes';
import type { GroupSession } from '../../shared/ipc/contract';
import type { GroupInputSchema } from '../../shared/ipc/channels/sessions';
import type { z } from 'zod';
import { AppError, fieldError } from '../errors';
import { getClinic } from '../db/repositories/clinic';
import {
  getGroupSession,
  groupHasSignedNote,
  groupMemberRows,
  groupNumberPresent,
  insertGroupSession,
  insertNote,
  listGroupSessions,
  updateGroupSession,
  updateNoteDraft,
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
      covered: g.covered,
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
    editable: !groupHasSignedNote(db, g.id),
  };
}

type GroupInput = z.output<typeof GroupInputSchema>;

/** The checks a group's shared block must pass, on creating and on editing it. */
function requireValidGroup(db: Db, group: GroupInput): void {
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
}

/** An attendee's note content as the group sets it. */
function memberContent(group: GroupInput, base: NoteContent | null): NoteContent {
  return {
    ...(base ?? emptyNoteContent('group', group.sessionDate)),
    sessionType: 'group',
    sessionDate: group.sessionDate,
    startTime: group.startTime,
    endTime: group.endTime,
    modality: group.modality,
    interventions: group.interventions,
  };
}

const groupRow = (id: string, group: GroupInput) => ({
  id,
  group_name: group.groupName,
  topic: group.topic,
  covered: group.covered,
  session_date: group.sessionDate,
  start_time: group.startTime,
  end_time: group.endTime,
  modality: group.modality,
  interventions: group.interventions,
  facilitators: group.facilitatorIds,
});

function requireEditableGroup(db: Db, id: string): GroupSessionRow {
  const g = getGroupSession(db, id);
  if (!g) throw new AppError('NOT_FOUND', 'That group session is not in this practice.');
  if (groupHasSignedNote(db, id)) {
    throw new AppError(
      'CONFLICT',
      "An attendee's note of this group is signed, so the group and its attendees can no longer change.",
    );
  }
  return g;
}

function requireGroup(db: Db, id: string): GroupSession {
  const g = getGroupSession(db, id);
  if (!g) throw new AppError('NOT_FOUND', 'That group session is not in this practice.');
  return groupFromRow(db, g);
}

export const groupHandlers: DomainHandlers<'groups'> = {
  'groups.create': ({ group, attendees }, { db, practice, user }) => {
    requireValidGroup(db, group);
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
      insertGroupSession(db, groupRow(id, group), user.id, now);
      for (const a of attendees) {
        const content = memberContent(group, null);
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
  'groups.update': ({ id, group }, { db, practice }) => {
    requireEditableGroup(db, id);
    requireValidGroup(db, group);
    db.transaction(() => {
      updateGroupSession(db, groupRow(id, group));
      // Each attendee's draft follows the group; its own text, attendance and last-saved time stay as they are.
      for (const m of groupMemberRows(db, id)) {
        const content = memberContent(group, NoteContentSchema.parse(JSON.parse(m.content)));
        updateNoteDraft(db, m.id, content, m.attendance, [group.groupName, group.topic], m.updated_at_ms);
      }
      practice.audit({ action: 'update', entity: 'group-session', entityId: id });
    })();
    return requireGroup(db, id);
  },
  'groups.addAttendee': ({ id, clientId, attendance }, { db, practice, user }) => {
    const g = requireEditableGroup(db, id);
    requireClient(db, clientId);
    if (groupMemberRows(db, id).some((m) => m.client_id === clientId)) {
      throw fieldError('INVALID_INPUT', 'clientId', 'This client is already an attendee of this group.');
    }
    const group = groupFromRow(db, g).group;
    const noteId = randomUUID();
    db.transaction(() => {
      insertNote(
        db,
        {
          id: noteId,
          clientId,
          kind: 'group-member',
          content: memberContent(group, null),
          groupSessionId: id,
          attendance,
          searchExtra: [group.groupName, group.topic],
        },
        user.id,
        practice.clock.now(),
      );
      practice.audit({ action: 'create', entity: 'note', entityId: noteId });
      practice.audit({ action: 'add-attendee', entity: 'group-session', entityId: id });
    })();
    return requireGroup(db, id);
  },
  'groups.get': ({ id }, { db }) => requireGroup(db, id),
  'groups.list': ({ limit }, { db }) => listGroupSessions(db, limit).map((g) => groupFromRow(db, g)),
  'groups.attendancePdf': async ({ id, paper, purpose }, ctx) => {
    const { db, practice } = ctx;
    const session = requireGroup(db, id);
    const clinic = getClinic(db);
    if (!clinic) throw new AppError('NOT_FOUND', 'The clinic profile is missing.');
    const bytes = await renderAttendancePdf({
      clinic,
      session,
      paper,
      purpose,
      createdAt: new Date(practice.clock.now()),
    });
    const file = writeDocument(
      ctx,
      `attendance-internal-${session.group.sessionDate}-${id.slice(0, 8)}.pdf`,
      bytes,
    );
    // The audit row says why it was printed: the purpose is in its action (audit rows hold no free text).
    db.transaction(() => {
      if (purpose === 'supervision') {
        practice.audit({ action: 'print-for-supervision', entity: 'attendance-sheet', entityId: id });
      } else {
        practice.audit({ action: 'print-for-group-record', entity: 'attendance-sheet', entityId: id });
      }
    })();
    return { path: file };
  },
};
