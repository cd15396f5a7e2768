/**
 * The Assessments, Plans and Discharge areas: what is waiting across the practice, each row opening the client's chart.
 * The work itself (scoring, signing, revising) happens in the chart; these lists make sure nothing is forgotten.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ALERT_KIND_LABELS } from '../../../../shared/domain/alerts';
import {
  CONSIDER_DISCHARGE_DAYS,
  dueWords,
  isOverdue,
  noServiceWords,
} from '../../../../shared/domain/dischargeSummary';
import { CLIENT_STATUS_LABELS } from '../../../../shared/domain/clients';
import type { AssessmentWorklist, DischargeWorklist, PlanWorklist } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { navigate } from '../../router';
import { formatDate, todayLocal } from '../chart/dates';
import { DueMeasuresWorklist } from '../outcomes/DueMeasuresWorklist';

const INSTRUMENT_NAMES: Record<string, string> = {
  cows: 'COWS',
  sows: 'SOWS',
  phq9: 'PHQ-9',
  gad7: 'GAD-7',
  auditc: 'AUDIT-C',
  sud: 'SUD checklist',
  'suicide-screen': 'Suicide-risk screen',
};

function useWorklist<T>(channel: 'worklists.assessments' | 'worklists.plans' | 'worklists.discharge'): {
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

interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

/** One worklist: a titled table, or a sentence saying nothing is waiting. */
export function WorkTable<R>({
  title,
  empty,
  rows,
  rowKey,
  columns,
  total,
  more = false,
}: {
  title: string;
  empty: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: ReadonlyArray<Column<R>>;
  /** How many there are when `rows` is only the first of them (a capped list). */
  total?: number;
  /** `total` was counted only up to itself: there are more. */
  more?: boolean;
}) {
  return (
    <Section title={title} empty={empty} count={rows.length} total={total} more={more}>
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.header}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Section({
  title,
  empty,
  count,
  total = count,
  more = false,
  children,
}: {
  title: string;
  empty: string;
  count: number;
  total?: number | undefined;
  more?: boolean;
  children: ReactNode;
}) {
  const id = `wl-${title.replace(/\W+/g, '-').toLowerCase()}`;
  const capped = total > count;
  const all = `${more ? 'more than ' : ''}${total.toLocaleString()}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="muted">({capped ? `${count.toLocaleString()} of ${all}` : count})</span>
      </h2>
      {capped && (
        <p className="muted">
          The {count.toLocaleString()} due longest ago are listed; the rest appear here as these are done.
        </p>
      )}
      {count === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

type Who = { clientId: string; clientName: string; chartNumber: string };
export const clientColumn = <R extends Who>(): Column<R> => ({
  header: 'Client',
  cell: (r) => <ClientLink id={r.clientId} name={r.clientName} chart={r.chartNumber} />,
});

export function ErrorBanner({ error }: { error: string | null }) {
  return error ? (
    <div className="banner banner--error" role="alert">
      {error}
    </div>
  ) : null;
}

const NOTE_KIND_LABELS: Record<string, string> = {
  'group-member': 'Group note',
  'sud-counselling': 'Private note',
  progress: 'Progress note',
};

export function AssessmentsWorklistScreen() {
  const { data, error } = useWorklist<AssessmentWorklist>('worklists.assessments');
  return (
    <div className="page">
      <h1 tabIndex={-1}>Assessments</h1>
      <p className="muted">
        Instruments are given and signed in each client&apos;s chart. Waiting across the practice:
      </p>
      <ErrorBanner error={error} />
      <DueMeasuresWorklist />
      {data && (
        <>
          <WorkTable
            title="Open red-flag alerts"
            empty="No alert is waiting for an action."
            rows={data.openAlerts}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Raised', cell: (a) => formatDateTime(a.raisedAtMs) },
              clientColumn(),
              { header: 'Alert', cell: (a) => ALERT_KIND_LABELS[a.kind] },
            ]}
          />
          <WorkTable
            title="Assessments not yet signed"
            empty="Every assessment is signed."
            rows={data.unsignedAssessments}
            rowKey={(a) => a.id}
            columns={[
              { header: 'Given', cell: (a) => formatDateTime(a.administeredAtMs) },
              clientColumn(),
              { header: 'Instrument', cell: (a) => INSTRUMENT_NAMES[a.instrumentId] ?? a.instrumentId },
              {
                header: 'Score',
                cell: (a) =>
                  !a.complete
                    ? 'Incomplete'
                    : a.total === null
                      ? '—'
                      : `${a.total}${a.band ? ` (${a.band.replace(/-/g, ' ')})` : ''}`,
              },
            ]}
          />
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
      <ErrorBanner error={error} />
      {data && (
        <>
          <WorkTable
            title="Plans due for review"
            empty="No plan is due for review."
            rows={data.dueForReview}
            rowKey={(p) => p.clientId}
            columns={[
              { header: 'Review date', cell: (p) => formatDate(p.reviewDate) },
              clientColumn(),
              { header: 'Version', cell: (p) => p.version },
            ]}
          />
          <WorkTable
            title="Active clients without a treatment plan"
            empty="Every active client has a plan."
            rows={data.withoutPlan}
            rowKey={(p) => p.clientId}
            columns={[{ header: 'Admitted', cell: (p) => formatDate(p.admissionDate) }, clientColumn()]}
          />
          <WorkTable
            title="My unsigned notes"
            empty="You have no unsigned notes."
            rows={data.myDraftNotes}
            rowKey={(n) => n.id}
            columns={[
              { header: 'Session date', cell: (n) => formatDate(n.sessionDate) },
              clientColumn(),
              { header: 'Kind', cell: (n) => NOTE_KIND_LABELS[n.kind] ?? n.kind },
              { header: 'Last saved', cell: (n) => formatDateTime(n.updatedAtMs) },
            ]}
          />
        </>
      )}
    </div>
  );
}

/**
 * The Discharge area: clients due a discharge summary, each opening the client's Discharge tab. A discharged
 * client's summary is due within 7 days of the last service; the due date and any lateness are said in words, not
 * by colour alone. An active or on-hold client without service for 30 days owes no summary yet: the row says how
 * long it has been and that the client should be discharged or re-engaged, with no due date.
 */
export function DischargeWorklistScreen() {
  const { data, error } = useWorklist<DischargeWorklist>('worklists.discharge');
  const today = todayLocal();
  return (
    <div className="page">
      <h1 tabIndex={-1}>Discharge</h1>
      <p className="muted">
        Discharge summaries are written and signed on each client&apos;s Discharge tab. Signing one discharges
        the client. Waiting across the practice:
      </p>
      <ErrorBanner error={error} />
      {data && (
        <WorkTable
          title="Clients due a discharge summary"
          empty="No discharge summary is due."
          rows={data.due}
          rowKey={(r) => r.clientId}
          columns={[
            {
              header: 'Client',
              cell: (r) => (
                <a
                  href={`#/clients/${encodeURIComponent(r.clientId)}/discharge`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'client-discharge', id: r.clientId });
                  }}
                >
                  {r.clientName} <span className="muted">({r.chartNumber})</span>
                </a>
              ),
            },
            {
              header: 'Why',
              cell: (r) =>
                r.reason === 'discharged'
                  ? `Discharged ${r.dischargedOn ? formatDate(r.dischargedOn) : ''}, no signed summary`
                  : `${CLIENT_STATUS_LABELS[r.status]}: consider discharge (no service in ${CONSIDER_DISCHARGE_DAYS} days or more)`,
            },
            {
              header: 'Last service',
              cell: (r) => (r.lastServiceOn ? formatDate(r.lastServiceOn) : 'None recorded'),
            },
            {
              header: 'Due',
              cell: (r) => (
                <span
                  className={r.dueBy !== null && isOverdue(r.dueBy, today) ? 'worklist__overdue' : undefined}
                >
                  {r.dueBy !== null
                    ? dueWords(r.dueBy, today, formatDate)
                    : noServiceWords(r.daysWithoutService ?? 0)}
                  {r.hasDraft ? ' · draft started' : ''}
                </span>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
