/**
 * The chart's Measures tab (issue 15, items 1, 2 and 4): what is due and when, response at a glance (first, latest,
 * change, response, remission, not improving), days in care and sessions, the client's measure schedule, and any
 * follow-up contacts after discharge. The measures themselves are given on the Assessments and Withdrawal tabs.
 */
import { useCallback, useEffect, useState } from 'react';
import { CONTACT_RESULT_LABELS, USING_LABELS, AFTERCARE_LABELS } from '../../../../shared/domain/followUp';
import { DUE_REASON_LABELS, MEASURE_LABELS } from '../../../../shared/domain/measures';
import { DISCHARGE_TYPE_LABELS } from '../../../../shared/domain/clients';
import type { EarlierEpisode, InstrumentGlance } from '../../../../shared/domain/response';
import type { ClientMeasures } from '../../../../shared/ipc/channels/outcomes';
import { call } from '../../api/client';
import { formatDate } from '../chart/dates';
import { localDate } from '../../../../shared/domain/common';
import { DueStatusTag, INSTRUMENT_NAMES } from './labels';
import { ScheduleForm } from './ScheduleForm';
import './outcomes.css';

export function MeasuresTab({
  clientId,
  active,
  onDueCount,
}: {
  clientId: string;
  active: boolean;
  /** How many measures are due or overdue, for the mark on the tab. */
  onDueCount: (n: number) => void;
}) {
  const [data, setData] = useState<ClientMeasures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const show = useCallback(
    (m: ClientMeasures) => {
      setData(m);
      onDueCount(m.due.filter((d) => d.status !== 'upcoming').length);
    },
    [onDueCount],
  );
  // Read again each time the tab is shown: a measure given on another tab changes what is due.
  useEffect(() => {
    if (!active) return;
    let live = true;
    void call('measures.forClient', { clientId }).then((r) => {
      if (!live) return;
      if (r.ok) show(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [clientId, active, show]);

  if (error)
    return (
      <div className="banner banner--error" role="alert">
        {error}
      </div>
    );
  if (!data) return <div aria-busy="true" />;
  const g = data.glance;
  return (
    <div className="measures-tab">
      <section className="panel" aria-labelledby="measures-due">
        <h2 id="measures-due">Due measures</h2>
        {data.due.length === 0 ? (
          <p className="muted">
            Nothing is scheduled: the client is not in active care, or every measure is off.
          </p>
        ) : (
          <table className="table" aria-labelledby="measures-due">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {data.due.map((d) => (
                <tr key={d.measure}>
                  <td>{MEASURE_LABELS[d.measure]}</td>
                  <td>{formatDate(d.dueOn)}</td>
                  <td>
                    <DueStatusTag status={d.status} />
                  </td>
                  <td>{DUE_REASON_LABELS[d.reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {editing ? (
          <ScheduleForm
            clientId={clientId}
            schedule={data.schedule}
            onSaved={(m) => {
              show(m);
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              Change this client&apos;s schedule
            </button>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="measures-glance">
        <h2 id="measures-glance">Response at a glance</h2>
        {g.earlierEpisodes.length > 0 && (
          <p>
            {g.episode.number === null ? 'This episode of care' : `Episode of care ${g.episode.number}`},
            since {formatDate(g.episode.since)}: the figures below count this episode; earlier ones are listed
            under them.
          </p>
        )}
        <dl className="measure-facts">
          <div>
            <dt>Days in care</dt>
            <dd>{g.daysInCare}</dd>
          </div>
          <div>
            <dt>Sessions attended</dt>
            <dd>
              {g.sessionsAttended} of {g.sessionsPlanned} planned
            </dd>
          </div>
        </dl>
        {g.instruments.length === 0 ? (
          <p className="muted">No complete scores yet.</p>
        ) : (
          <table className="table" aria-labelledby="measures-glance">
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">First</th>
                <th scope="col">Latest</th>
                <th scope="col">Change</th>
                <th scope="col">Scores</th>
                <th scope="col">Course</th>
              </tr>
            </thead>
            <tbody>
              {g.instruments.map((i) => (
                <tr key={i.instrumentId}>
                  <td>{INSTRUMENT_NAMES[i.instrumentId]}</td>
                  <td>
                    {i.first.total} <span className="muted">({formatDate(localDate(i.first.atMs))})</span>
                  </td>
                  <td>
                    {i.latest.total} <span className="muted">({formatDate(localDate(i.latest.atMs))})</span>
                  </td>
                  <td>{i.change > 0 ? `+${i.change}` : i.change}</td>
                  <td>{i.count}</td>
                  <td>
                    <CourseMarks g={i} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">
          Response: a fall of 50 % or more from the first score. Remission: PHQ-9 or GAD-7 under 5 from a
          first score of 5 or more. Not improving: three or more scores and the latest no lower than the
          first.
        </p>
        {g.earlierEpisodes.length > 0 && <EarlierEpisodes episodes={g.earlierEpisodes} />}
      </section>

      {data.followUps.length > 0 && (
        <section className="panel" aria-labelledby="measures-follow-ups">
          <h2 id="measures-follow-ups">Follow-up after discharge</h2>
          <table className="table" aria-labelledby="measures-follow-ups">
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">On</th>
                <th scope="col">Result</th>
                <th scope="col">Answers</th>
                <th scope="col">Recorded by</th>
              </tr>
            </thead>
            <tbody>
              {data.followUps.map((f) => (
                <tr key={f.id}>
                  <td>{f.day}-day</td>
                  <td>{formatDate(f.contactedOn)}</td>
                  <td>{CONTACT_RESULT_LABELS[f.result]}</td>
                  <td>
                    {[
                      f.result === 'reached' ? USING_LABELS[f.using] : null,
                      f.result === 'reached' ? AFTERCARE_LABELS[f.aftercare] : null,
                      f.readmissionOffered ? 'Re-admission offered' : null,
                      f.note || null,
                    ]
                      .filter((x) => x && x !== 'Not asked')
                      .join('; ')}
                  </td>
                  <td>{f.recordedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

function CourseMarks({ g }: { g: InstrumentGlance }) {
  const marks: Array<{ text: string; good: boolean }> = [];
  if (g.remission) marks.push({ text: 'Remission', good: true });
  if (g.response) marks.push({ text: 'Response', good: true });
  if (g.notImproving) marks.push({ text: 'Not improving', good: false });
  if (marks.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {marks.map((m) => (
        <span key={m.text} className={`glance-mark glance-mark--${m.good ? 'good' : 'bad'}`}>
          {m.text}
        </span>
      ))}
    </>
  );
}

const firstToLatest = (f: EarlierEpisode['phq9']) =>
  f === null ? '—' : f.count === 1 ? String(f.first) : `${f.first} → ${f.latest} (${f.count} scores)`;

/** The episodes of care re-admissions closed, newest first: kept as they were, never counted in the figures above. */
function EarlierEpisodes({ episodes }: { episodes: readonly EarlierEpisode[] }) {
  return (
    <table className="table earlier-episodes" aria-labelledby="measures-earlier">
      <caption id="measures-earlier">Earlier episodes of care</caption>
      <thead>
        <tr>
          <th scope="col">Admitted</th>
          <th scope="col">Discharged</th>
          <th scope="col">How they left</th>
          <th scope="col">PHQ-9</th>
          <th scope="col">GAD-7</th>
        </tr>
      </thead>
      <tbody>
        {episodes.map((e, i) => (
          <tr key={`${i}-${e.dischargedOn}`}>
            <td>{e.admittedOn === null ? 'Not recorded' : formatDate(e.admittedOn)}</td>
            <td>{formatDate(e.dischargedOn)}</td>
            <td>{DISCHARGE_TYPE_LABELS[e.dischargeType]}</td>
            <td>{firstToLatest(e.phq9)}</td>
            <td>{firstToLatest(e.gad7)}</td>
          </tr>
        ))}
      </tbody>
      {episodes.some((e) => e.admittedOn === null) && (
        <tfoot>
          <tr>
            <td colSpan={5} className="muted">
              Not recorded: episodes closed before this version of Clearleaf kept no admission date.
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
