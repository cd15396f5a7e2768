/**
 * Group sessions (issue 9 item 4, issue 8 item 7): what the group covered; the group edited and a late attendee
 * added until the first attendee's note is signed; a note signed only after the session ended; the attendance
 * sheet an internal document, marked on every page, printed for the record with its purpose audited.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import { listAudit } from '../../../../electron/db/repositories/audit';
import type { Client } from '../../../../shared/domain/clients';
import type { Note } from '../../../../shared/domain/notes';
import type { GroupSession } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { aClinician, FakeClock, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message} ${JSON.stringify(r.error.fields)}`);
  return r.value as T;
}

async function setup() {
  // 17:30 local on the day of a 17:00–18:30 group.
  const clock = new FakeClock(new Date(2026, 10, 23, 17, 30).getTime());
  const { practice, user } = await setUpPractice({ clock });
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const make = async (first: string, last: string) =>
    value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: first, legalLastName: last, chartNumber: null }),
      }),
    );
  const dang = await make('Văn Minh', 'Đặng');
  const obrien = await make('Siobhán', 'O’Brien');
  const late = await make('Jadwiga', 'Łukasiewicz');
  const group = {
    groupName: 'Evening skills group',
    topic: 'Urge surfing',
    covered: 'Noticing an urge, riding it out for ten minutes, and planning the first break at work.',
    sessionDate: '2026-11-23',
    startTime: '17:00',
    endTime: '18:30',
    modality: 'in-person' as const,
    interventions: ['dbt-skills' as const],
    facilitatorIds: [user.id],
  };
  const session = value<GroupSession>(
    await dispatch('groups.create', {
      group,
      attendees: [
        { clientId: dang.id, attendance: 'present' },
        { clientId: obrien.id, attendance: 'present' },
      ],
    }),
  );
  /** Moves the clock on a few minutes at a time, in use all along, so the idle lock never engages. */
  const passTimeTo = async (targetMs: number) => {
    while (clock.ms < targetMs) {
      clock.ms = Math.min(targetMs, clock.ms + 5 * 60_000);
      await dispatch('groups.get', { id: session.id });
    }
  };
  return { practice, user, clock, dispatch, dang, obrien, late, group, session, passTimeTo };
}

const noteOf = async (dispatch: Dispatch, id: string) => value<Note>(await dispatch('notes.get', { id }));

async function completeRisk(dispatch: Dispatch, note: Note): Promise<Note> {
  return value<Note>(
    await dispatch('notes.saveDraft', {
      id: note.id,
      content: {
        ...note.content,
        risk: { suicidalIdeation: 'denied', homicidalIdeation: 'denied', redFlagsObserved: false, note: '' },
        sections: { participation: 'Took part in the practice.', progress: 'Used the skill once.', plan: '' },
      },
      attendance: note.attendance,
      expectedUpdatedAtMs: note.updatedAtMs,
    }),
  );
}

describe('group sessions', () => {
  it('keeps what the group covered, and edits the group and adds a late attendee until a note is signed', async () => {
    const { dispatch, session, group, late, dang, passTimeTo } = await setup();
    expect(session.group.covered).toBe(group.covered);
    expect(session.editable).toBe(true);

    const edited = value<GroupSession>(
      await dispatch('groups.update', {
        id: session.id,
        group: { ...group, endTime: '18:45', topic: 'Urges at work' },
      }),
    );
    expect(edited.group).toMatchObject({ endTime: '18:45', topic: 'Urges at work' });
    // Each attendee's draft follows the group.
    const dangNote = edited.members.find((m) => m.clientId === dang.id)!;
    expect((await noteOf(dispatch, dangNote.noteId)).content.endTime).toBe('18:45');

    const withLate = value<GroupSession>(
      await dispatch('groups.addAttendee', { id: session.id, clientId: late.id, attendance: 'late' }),
    );
    expect(withLate.members.map((m) => [m.clientName, m.attendance])).toContainEqual([
      'Łukasiewicz, Jadwiga',
      'late',
    ]);
    expect(withLate.numberPresent).toBe(3);
    const lateNote = await noteOf(dispatch, withLate.members.find((m) => m.clientId === late.id)!.noteId);
    expect(lateNote.group?.covered).toBe(group.covered);
    expect(lateNote.content).toMatchObject({
      sessionDate: '2026-11-23',
      startTime: '17:00',
      endTime: '18:45',
    });
    const twice = await dispatch('groups.addAttendee', {
      id: session.id,
      clientId: late.id,
      attendance: 'late',
    });
    expect(twice).toMatchObject({ ok: false, error: { fields: [{ path: 'clientId' }] } });

    // A note cannot be signed before the session has ended (18:45).
    const ready = await completeRisk(dispatch, await noteOf(dispatch, dangNote.noteId));
    const early = await dispatch('notes.sign', { id: ready.id, passphrase: PASS });
    expect(early).toMatchObject({ ok: false, error: { fields: [{ path: 'content.endTime' }] } });
    expect(!early.ok && early.error.message).toMatch(/has not ended yet/);
    await passTimeTo(new Date(2026, 10, 23, 18, 45).getTime());
    value(await dispatch('notes.sign', { id: ready.id, passphrase: PASS }));

    // From the first signature the group and its attendees are fixed.
    const fixed = value<GroupSession>(await dispatch('groups.get', { id: session.id }));
    expect(fixed.editable).toBe(false);
    expect(await dispatch('groups.update', { id: session.id, group })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const other = value<Client>(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Ánh', legalLastName: 'Nguyễn Thị', chartNumber: null }),
      }),
    );
    expect(
      await dispatch('groups.addAttendee', { id: session.id, clientId: other.id, attendance: 'late' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('prints the attendance sheet as an internal document on every page, for the record, with its purpose audited', async () => {
    const { dispatch, session, practice } = await setup();
    expect(
      await dispatch('groups.attendancePdf', {
        id: session.id,
        paper: 'letter',
        disclosure: { consentId: 'x', recipient: 'y', recipientAddress: '', purpose: 'z' },
      } as never),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await dispatch('groups.attendancePdf', { id: session.id, paper: 'letter' } as never),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: [{ path: 'purpose' }] },
    });
    const { path } = value<{ path: string }>(
      await dispatch('groups.attendancePdf', { id: session.id, paper: 'letter', purpose: 'supervision' }),
    );
    expect(path).toMatch(/attendance-internal-/);
    const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f');
    const printed = pages.filter((p) => p.trim() !== '');
    expect(printed.length).toBeGreaterThan(0);
    for (const page of printed) expect(page).toContain('INTERNAL DOCUMENT');
    expect(printed.join('\n')).toContain('For clinical supervision');
    expect(printed.join('\n')).not.toContain('has been disclosed to you');
    const db = practice.session().db;
    expect(db.prepare('SELECT count(*) AS n FROM disclosures').get()).toEqual({ n: 0 });
    const audit = listAudit(db, { limit: 3, beforeId: null });
    expect(audit[0]).toMatchObject({
      action: 'print-for-supervision',
      entity: 'attendance-sheet',
      entityId: session.id,
    });
  });
});
