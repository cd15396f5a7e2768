/**
 * A group session's own record: the shared block and every member with attendance and whether their note is
 * signed, each linking to that member's note in their chart, and the attendance sheet to print. This screen is the
 * only place the members are listed together; a member's chart never shows the others. Until the first member's
 * note is signed the shared block can be edited and a late attendee added (issue 9 item 4). The attendance sheet
 * is internal: printed only for the clinic's record, with its purpose asked (issue 8 item 7).
 */
import { useEffect, useState } from 'react';
import type { Note } from '../../../../shared/domain/notes';
import type { GroupSession } from '../../../../shared/ipc/channels/sessions';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { Choice, SelectField, TextArea } from '../../components/controls';
import { ClientPicker } from './ClientPicker';
import { navigate } from '../../router';
import { formatDate } from '../chart/dates';
import { ATTENDANCE_LABELS, formatClockRange, memberNoteState, MODALITY_LABELS, options } from './noteLabels';
import { interventionsText } from './NoteReadOnly';
import { PrintPdf } from './PrintPdf';

export function GroupScreen({ id }: { id: string }) {
  const [session, setSession] = useState<GroupSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [purposeError, setPurposeError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('groups.get', { id }).then((r) => {
      if (!live) return;
      if (r.ok) setSession(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [id]);

  if (error) {
    return (
      <div className="banner banner--error" role="alert">
        {error}
      </div>
    );
  }
  if (!session) return <div aria-busy="true" />;
  const g = session.group;
  const signed = session.members.filter((m) => m.signed).length;

  return (
    <div className="group-screen">
      <p className="eyebrow">Group session</p>
      <h1>{g.groupName}</h1>
      <section className="panel">
        <dl className="facts">
          <div>
            <dt>Topic</dt>
            <dd>{g.topic}</dd>
          </div>
          <div>
            <dt>What the group covered</dt>
            <dd>{g.covered || <span className="muted">Not written yet</span>}</dd>
          </div>
          <div>
            <dt>Date</dt>
            <dd>{formatDate(g.sessionDate)}</dd>
          </div>
          <div>
            <dt>Time</dt>
            <dd>{formatClockRange(g.startTime, g.endTime)}</dd>
          </div>
          <div>
            <dt>Modality</dt>
            <dd>{MODALITY_LABELS[g.modality]}</dd>
          </div>
          <div>
            <dt>Facilitators</dt>
            <dd>{session.facilitatorNames.join(', ')}</dd>
          </div>
          <div>
            <dt>Present</dt>
            <dd>
              {session.numberPresent} of {session.members.length}
            </dd>
          </div>
        </dl>
        <p>
          <span className="muted">Interventions:</span>{' '}
          {interventionsText({ interventions: g.interventions, interventionsOther: '' })}
        </p>
        {session.editable ? (
          editing ? (
            <GroupEdit
              session={session}
              onDone={(next) => {
                if (next) setSession(next);
                setEditing(false);
              }}
            />
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              Edit the group…
            </button>
          )
        ) : (
          <p className="muted">A member&apos;s note is signed, so the group and its members are fixed.</p>
        )}
      </section>
      <section className="panel">
        <h2>Members</h2>
        <p className="muted">
          {signed} of {session.members.length} notes signed. Each note is written and signed in the
          member&apos;s own chart.
        </p>
        <table className="table member-table">
          <caption className="visually-hidden">Members of this group session</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Attendance</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {session.members.map((m) => (
              <tr key={m.noteId}>
                <td>{m.clientName}</td>
                <td>{m.attendance ? ATTENDANCE_LABELS[m.attendance] : 'Not recorded'}</td>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => navigate({ name: 'client-note', id: m.clientId, noteId: m.noteId })}
                  >
                    {memberNoteState(m)}
                    <span className="visually-hidden">: open the note of {m.clientName} in their chart</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {session.editable && <LateAttendee session={session} onAdded={setSession} />}
      </section>
      <section className="panel" aria-labelledby="attendance-sheet-title">
        <h2 id="attendance-sheet-title">Attendance sheet (internal)</h2>
        <p className="muted">
          It names every member, so it is printed only for the clinic&apos;s own record, never to give to
          anyone outside it. Each page is marked internal; the print is recorded with its purpose.
        </p>
        <Choice<Purpose>
          legend="Why is it printed?"
          value={purpose}
          options={PURPOSES}
          onChange={setPurpose}
          error={purposeError}
          required
        />
        <PrintPdf
          label="Print attendance sheet"
          print={async (paper) => {
            if (!purpose) {
              const message = 'Choose why the attendance sheet is printed.';
              setPurposeError(message);
              return { ok: false, error: { code: 'INVALID_INPUT', message, fields: [], retryAfterMs: null } };
            }
            setPurposeError(null);
            const result = await call('groups.attendancePdf', { id, paper, purpose });
            return result.ok ? { ok: true, path: result.value.path } : { ok: false, error: result.error };
          }}
        />
      </section>
    </div>
  );
}

type Purpose = 'group-record' | 'supervision';
const PURPOSES = [
  { value: 'group-record', label: "For the group's record" },
  { value: 'supervision', label: 'For clinical supervision' },
] as const satisfies ReadonlyArray<{ value: Purpose; label: string }>;

/** The shared block, editable while no member's note is signed: what was covered, topic, date and times. */
function GroupEdit({
  session,
  onDone,
}: {
  session: GroupSession;
  onDone: (next: GroupSession | null) => void;
}) {
  const [group, setGroup] = useState(session.group);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const set = (patch: Partial<GroupSession['group']>) => setGroup({ ...group, ...patch });
  const err = (path: string) => fieldMessage(error, `group.${path}`);
  return (
    <form
      className="group-edit"
      aria-label="Edit the group"
      onSubmit={(e) => {
        e.preventDefault();
        void call('groups.update', { id: session.id, group }).then((r) => {
          if (r.ok) onDone(r.value);
          else setError(r.error);
        });
      }}
    >
      {error && !error.fields.length && (
        <p className="field__error" role="alert">
          {error.message}
        </p>
      )}
      <Field
        label="Topic"
        value={group.topic}
        onChange={(e) => set({ topic: e.target.value })}
        error={err('topic')}
      />
      <TextArea
        label="What the group covered"
        value={group.covered}
        onChange={(covered) => set({ covered })}
        error={err('covered')}
      />
      <div className="row">
        <Field
          label="Date"
          type="date"
          value={group.sessionDate}
          onChange={(e) => set({ sessionDate: e.target.value })}
          error={err('sessionDate')}
        />
        <Field
          label="Start time"
          type="time"
          value={group.startTime}
          onChange={(e) => set({ startTime: e.target.value })}
          error={err('startTime')}
        />
        <Field
          label="End time"
          type="time"
          value={group.endTime}
          onChange={(e) => set({ endTime: e.target.value })}
          error={err('endTime')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Save the group
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type Attendance = NonNullable<Note['attendance']>;

/** A late attendee: a new note in their own chart, as for the others. */
function LateAttendee({ session, onAdded }: { session: GroupSession; onAdded: (s: GroupSession) => void }) {
  const [attendance, setAttendance] = useState<Attendance>('late');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="late-attendee">
      <SelectField
        label="Attendance of the added member"
        value={attendance}
        options={options(ATTENDANCE_LABELS)}
        onChange={setAttendance}
      />
      <ClientPicker
        label="Add a late attendee"
        exclude={session.members.map((m) => m.clientId)}
        error={error}
        onPick={(client) => {
          setError(null);
          void call('groups.addAttendee', { id: session.id, clientId: client.id, attendance }).then((r) => {
            if (r.ok) onAdded(r.value);
            else setError(r.error.message);
          });
        }}
      />
    </div>
  );
}
