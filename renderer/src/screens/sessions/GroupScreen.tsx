/**
 * A group session's own record: the shared block and every member with attendance and whether their note is
 * signed, each linking to that member's note in their chart, and the attendance sheet to print. This screen is the
 * only place the members are listed together; a member's chart never shows the others.
 */
import { useEffect, useState } from 'react';
import type { GroupSession } from '../../../../shared/ipc/channels/sessions';
import { call } from '../../api/client';
import { navigate } from '../../router';
import { formatDate } from '../chart/dates';
import { ATTENDANCE_LABELS, formatClockRange, memberNoteState, MODALITY_LABELS } from './noteLabels';
import { interventionsText } from './NoteReadOnly';
import { PrintPdf } from './PrintPdf';

export function GroupScreen({ id }: { id: string }) {
  const [session, setSession] = useState<GroupSession | null>(null);
  const [error, setError] = useState<string | null>(null);

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
        <PrintPdf
          label="Print attendance sheet"
          print={async (paper) => {
            const result = await call('groups.attendancePdf', { id, paper });
            return result.ok ? { ok: true, path: result.value.path } : { ok: false, error: result.error };
          }}
        />
      </section>
    </div>
  );
}
