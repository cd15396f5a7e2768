/**
 * A new group session (CLINICAL.md §5): the shared block (name, topic, date, times, modality, interventions,
 * facilitators) and the attendees with their attendance. Saving files one draft note per attendee in that
 * attendee's own chart, where each note names no other member.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { clientDisplayName, type ClientListRow } from '../../../../shared/domain/clients';
import type { User } from '../../../../shared/domain/identity';
import {
  defaultSessionTimes,
  INTERVENTION_LABELS,
  INTERVENTIONS,
  type Note,
} from '../../../../shared/domain/notes';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { navigate } from '../../router';
import { CheckField, SelectField, TextArea } from '../../components/controls';
import { ClientPicker } from './ClientPicker';
import { ATTENDANCE_LABELS, MODALITY_LABELS, options } from './noteLabels';

type Attendance = NonNullable<Note['attendance']>;
type Modality = keyof typeof MODALITY_LABELS;
type Intervention = (typeof INTERVENTIONS)[number];
// The group's shared block names its interventions; "other" needs a text only an individual note has.
const GROUP_INTERVENTIONS = INTERVENTIONS.filter((i) => i !== 'other');
const GROUP_MINUTES = 90;

export function GroupForm({ user }: { user: User }) {
  const [groupName, setGroupName] = useState('');
  const [topic, setTopic] = useState('');
  const [covered, setCovered] = useState('');
  // A group is usually recorded during or just after it: the 90 minutes ending now.
  const [initialTimes] = useState(() => defaultSessionTimes(Date.now(), GROUP_MINUTES));
  const [sessionDate, setSessionDate] = useState(initialTimes.sessionDate);
  const [startTime, setStartTime] = useState(initialTimes.startTime);
  const [endTime, setEndTime] = useState(initialTimes.endTime);
  const [modality, setModality] = useState<Modality>('in-person');
  const [interventions, setInterventions] = useState<Intervention[]>([]);
  const [staff, setStaff] = useState<User[]>([]);
  const [facilitatorIds, setFacilitatorIds] = useState<string[]>([user.id]);
  const [attendees, setAttendees] = useState<Array<{ client: ClientListRow; attendance: Attendance }>>([]);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('users.list', {}).then((r) => {
      if (live && r.ok) setStaff(r.value);
    });
    return () => {
      live = false;
    };
  }, []);

  const dirty = groupName !== '' || topic !== '' || attendees.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('groups.create', {
      group: {
        groupName,
        topic,
        covered,
        sessionDate,
        startTime,
        endTime,
        modality,
        interventions,
        facilitatorIds,
      },
      attendees: attendees.map((a) => ({ clientId: a.client.id, attendance: a.attendance })),
    });
    setBusy(false);
    if (result.ok) navigate({ name: 'group', id: result.value.id });
    else setError(result.error);
  }

  const err = (path: string) => fieldMessage(error, path);
  const facilitatorError =
    err('group.facilitatorIds') ??
    error?.fields.find((f) => f.path.startsWith('group.facilitatorIds.'))?.message;
  const known = (path: string) =>
    path.startsWith('group.') || path === 'attendees' || /^attendees\.\d+\./.test(path);
  const onAField = error?.fields.some((f) => known(f.path)) ?? false;

  return (
    <form className="group-form" aria-label="New group session" onSubmit={submit} noValidate>
      {error && !onAField && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <section className="panel">
        <h2>The group</h2>
        <div className="form-grid">
          <Field
            label="Group name"
            value={groupName}
            onChange={(e) => setGroupName(e.target.value)}
            error={err('group.groupName')}
          />
          <Field
            label="Topic"
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
            error={err('group.topic')}
          />
        </div>
        <TextArea
          label="What the group covered"
          hint="The content of the session; it can be completed later, until a member's note is signed."
          value={covered}
          onChange={setCovered}
          error={err('group.covered')}
        />
        <div className="note-details">
          <Field
            label="Session date"
            type="date"
            value={sessionDate}
            onChange={(e) => setSessionDate(e.target.value)}
            error={err('group.sessionDate')}
          />
          <Field
            label="Start time"
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
            error={err('group.startTime')}
          />
          <Field
            label="End time"
            type="time"
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
            error={err('group.endTime')}
          />
          <SelectField
            label="Modality"
            value={modality}
            options={options(MODALITY_LABELS)}
            onChange={setModality}
            error={err('group.modality')}
          />
        </div>
        <fieldset className="note-fieldset">
          <legend>Interventions</legend>
          <div className="check-row">
            {GROUP_INTERVENTIONS.map((i) => (
              <CheckField
                key={i}
                label={INTERVENTION_LABELS[i]}
                checked={interventions.includes(i)}
                onChange={(on) =>
                  setInterventions(INTERVENTIONS.filter((x) => (x === i ? on : interventions.includes(x))))
                }
              />
            ))}
          </div>
        </fieldset>
        <fieldset className={facilitatorError ? 'note-fieldset choice--error' : 'note-fieldset'}>
          <legend>Facilitators</legend>
          <div className="check-row">
            {staff.map((s) => (
              <CheckField
                key={s.id}
                label={s.credentials ? `${s.displayName}, ${s.credentials}` : s.displayName}
                checked={facilitatorIds.includes(s.id)}
                onChange={(on) =>
                  setFacilitatorIds(
                    staff
                      .filter((x) => (x.id === s.id ? on : facilitatorIds.includes(x.id)))
                      .map((x) => x.id),
                  )
                }
              />
            ))}
          </div>
          {facilitatorError && (
            <p className="field__error" role="alert">
              {facilitatorError}
            </p>
          )}
        </fieldset>
      </section>
      <section className="panel">
        <h2>Attendees</h2>
        <p className="muted">
          Each attendee gets a draft group note in their own chart. A chart shows the group&apos;s shared
          block and that client&apos;s own block only, never the other members.
        </p>
        <ClientPicker
          label="Add an attendee"
          onPick={(client) => setAttendees([...attendees, { client, attendance: 'present' }])}
          exclude={attendees.map((a) => a.client.id)}
          error={err('attendees')}
        />
        {attendees.length > 0 && (
          <table className="table attendee-table">
            <caption className="visually-hidden">Attendees</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Attendance</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attendees.map((a, i) => {
                const name = clientDisplayName(a.client);
                const rowError = err(`attendees.${i}.clientId`) ?? err(`attendees.${i}.attendance`);
                return (
                  <tr key={a.client.id}>
                    <td>
                      {name} <span className="chart-number">{a.client.chartNumber}</span>
                      {rowError && <p className="field__error">{rowError}</p>}
                    </td>
                    <td>
                      <AttendanceSelect
                        name={name}
                        value={a.attendance}
                        onChange={(attendance) =>
                          setAttendees(attendees.map((x, j) => (j === i ? { ...x, attendance } : x)))
                        }
                      />
                    </td>
                    <td>
                      <button type="button" onClick={() => setAttendees(attendees.filter((_, j) => j !== i))}>
                        Remove<span className="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Create group session
        </button>
        <button type="button" onClick={() => navigate({ name: 'sessions' })}>
          Cancel
        </button>
        {onAField && <span className="field__error">Not saved: see the messages beside the fields.</span>}
      </div>
    </form>
  );
}

function AttendanceSelect({
  name,
  value,
  onChange,
}: {
  name: string;
  value: Attendance;
  onChange: (value: Attendance) => void;
}) {
  const opts = options(ATTENDANCE_LABELS);
  return (
    <select
      aria-label={`Attendance of ${name}`}
      value={value}
      onChange={(e) => {
        const chosen = opts.find((o) => o.value === e.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {opts.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
