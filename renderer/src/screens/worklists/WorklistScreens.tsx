/**
 * The Assessments and Plans areas: what is waiting across the practice, each row opening the client's chart.
 * The work itself (scoring, signing, revising) happens in the chart; these lists make sure nothing is forgotten.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ALERT_KIND_LABELS } from '../../../../shared/domain/alerts';
import type { AssessmentWorklist, PlanWorklist } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { navigate } from '../../router';
import { formatDate } from '../chart/dates';

const INSTRUMENT_NAMES: Record<string, string> = {
  cows: 'COWS',
  sows: 'SOWS',
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  auditc: 'AUDIT-C',
  sud: 'SUD checklist',
  'suicide-screen': 'Suicide-risk screen',
};

function useWorklist<T>(channel: 'worklists.assessments' | 'worklists.plans'): {
  data: T | null;
  error: string | null;
} {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call(channel, {}).then((r) => {
      if (!live) return;
      if (r.ok) setData(r.value as T);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [channel]);
  return { data, error };
}

function ClientLink({ id, name, chart }: { id: string; name: string; chart: string }) {
  return (
    <a
      href={`#/clients/${encodeURIComponent(id)}`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'client', id });
      }}
    >
      {name} <span className="muted">({chart})</span>
    </a>
  );
}

function Section({
  title,
  empty,
  count,
  children,
}: {
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  const id = `wl-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({count})</span>
      </h2>
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

export function AssessmentsWorklistScreen() {
  const { data, error } = useWorklist<AssessmentWorklist>('worklists.assessments');
  return (
    <div className="page">
      <h1 tabIndex={-1}>Assessments</h1>
      <p className="muted">
        Instruments are given and signed in each client&apos;s chart. Waiting across the practice:
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {data && (
        <>
          <Section
            title="Open red-flag alerts"
            empty="No alert is waiting for an action."
            count={data.openAlerts.length}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Raised</th>
                  <th scope="col">Client</th>
                  <th scope="col">Alert</th>
                </tr>
              </thead>
              <tbody>
                {data.openAlerts.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDateTime(a.raisedAtMs)}</td>
                    <td>
                      <ClientLink id={a.clientId} name={a.clientName} chart={a.chartNumber} />
                    </td>
                    <td>{ALERT_KIND_LABELS[a.kind]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section
            title="Assessments not yet signed"
            empty="Every assessment is signed."
            count={data.unsignedAssessments.length}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Given</th>
                  <th scope="col">Client</th>
                  <th scope="col">Instrument</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {data.unsignedAssessments.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDateTime(a.administeredAtMs)}</td>
                    <td>
                      <ClientLink id={a.clientId} name={a.clientName} chart={a.chartNumber} />
                    </td>
                    <td>{INSTRUMENT_NAMES[a.instrumentId] ?? a.instrumentId}</td>
                    <td>
                      {!a.complete
                        ? 'Incomplete'
                        : a.total === null
                          ? '—'
                          : `${a.total}${a.band ? ` (${a.band.replace(/-/g, ' ')})` : ''}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      )}
    </div>
  );
}

export function PlansWorklistScreen() {
  const { data, error } = useWorklist<PlanWorklist>('worklists.plans');
  return (
    <div className="page">
      <h1 tabIndex={-1}>Plans</h1>
      <p className="muted">
        Treatment plans are written and revised in each client&apos;s chart. Waiting across the practice:
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {data && (
        <>
          <Section
            title="Plans due for review"
            empty="No plan is due for review."
            count={data.dueForReview.length}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Review date</th>
                  <th scope="col">Client</th>
                  <th scope="col">Version</th>
                </tr>
              </thead>
              <tbody>
                {data.dueForReview.map((p) => (
                  <tr key={p.clientId}>
                    <td>{formatDate(p.reviewDate)}</td>
                    <td>
                      <ClientLink id={p.clientId} name={p.clientName} chart={p.chartNumber} />
                    </td>
                    <td>{p.version}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section
            title="Active clients without a treatment plan"
            empty="Every active client has a plan."
            count={data.withoutPlan.length}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Admitted</th>
                  <th scope="col">Client</th>
                </tr>
              </thead>
              <tbody>
                {data.withoutPlan.map((p) => (
                  <tr key={p.clientId}>
                    <td>{formatDate(p.admissionDate)}</td>
                    <td>
                      <ClientLink id={p.clientId} name={p.clientName} chart={p.chartNumber} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
          <Section
            title="My unsigned notes"
            empty="You have no unsigned notes."
            count={data.myDraftNotes.length}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Session date</th>
                  <th scope="col">Client</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Last saved</th>
                </tr>
              </thead>
              <tbody>
                {data.myDraftNotes.map((n) => (
                  <tr key={n.id}>
                    <td>{formatDate(n.sessionDate)}</td>
                    <td>
                      <ClientLink id={n.clientId} name={n.clientName} chart={n.chartNumber} />
                    </td>
                    <td>
                      {n.kind === 'group-member'
                        ? 'Group note'
                        : n.kind === 'sud-counselling'
                          ? 'Private note'
                          : 'Progress note'}
                    </td>
                    <td>{formatDateTime(n.updatedAtMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      )}
    </div>
  );
}
