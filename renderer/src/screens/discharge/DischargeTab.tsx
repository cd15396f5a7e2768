/**
 * The chart's Discharge tab: the discharge summary (CLINICAL.md §5). A draft is written here and signed, which
 * discharges the client; signed summaries are shown read-only and printed (for the record, or disclosed under a
 * consent). A re-admitted client discharged again gets a new summary.
 */
import { useCallback, useEffect, useState } from 'react';
import { DISCHARGE_TYPE_LABELS, type Client } from '../../../../shared/domain/clients';
import { goalProgressRows, type DischargeSummary } from '../../../../shared/domain/dischargeSummary';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { formatDate } from '../chart/dates';
import { PlanPrint } from '../plans/PlanPrint';
import '../plans/plans.css';
import { DischargeEditor } from './DischargeEditor';
import { DischargeFactsView } from './DischargeFacts';

/** The screen's locale, so the printed dates read as they do here (as notes print). */
const locale = navigator.language || null;

export function DischargeTab({
  client,
  active,
  onSigned,
}: {
  client: Client;
  active: boolean;
  onSigned: () => void;
}) {
  const [list, setList] = useState<DischargeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const clientId = client.id;

  const load = useCallback(async () => {
    const r = await call('discharge.summaries', { clientId });
    if (r.ok) setList(r.value);
    else setError(r.error.message);
  }, [clientId]);
  useEffect(() => {
    void load();
  }, [load]);

  async function start() {
    setStarting(true);
    const r = await call('discharge.startSummary', { clientId });
    setStarting(false);
    if (r.ok) setList((l) => [r.value, ...(l ?? []).filter((s) => s.id !== r.value.id)]);
    else setError(r.error.message);
  }

  if (error) {
    return (
      <div className="banner banner--error" role="alert">
        {error}
      </div>
    );
  }
  if (!list) return <div aria-busy="true" />;
  const draft = list.find((s) => s.signedAtMs === null) ?? null;
  const signed = list.filter((s) => s.signedAtMs !== null);
  // A new summary is for a discharge the latest signed one does not cover (a re-admitted client, say).
  const latest = signed[0]?.content.written;
  const covered =
    client.status === 'discharged' &&
    latest !== undefined &&
    latest.dischargedOn === client.discharge?.dischargedOn &&
    latest.dischargeType === client.discharge.type;
  return (
    <div className="discharge-tab">
      <h2>Discharge summary</h2>
      {draft ? (
        <DischargeEditor
          key={draft.id}
          draft={draft}
          active={active}
          onSigned={(s) => {
            setList((l) => [s, ...(l ?? []).filter((x) => x.id !== s.id)]);
            onSigned();
          }}
          onDiscarded={() => setList((l) => (l ?? []).filter((x) => x.id !== draft.id))}
        />
      ) : covered ? null : (
        <div className="actions">
          <button type="button" className="primary" disabled={starting} onClick={() => void start()}>
            {signed.length ? 'Start a new discharge summary' : 'Start the discharge summary'}
          </button>
          <span className="muted">Pre-filled from the record; you complete and sign it.</span>
        </div>
      )}
      {signed.map((s) => (
        <SignedSummary key={s.id} summary={s} active={active} />
      ))}
    </div>
  );
}

function SignedSummary({ summary: s, active }: { summary: DischargeSummary; active: boolean }) {
  const w = s.content.written;
  const signer = [s.signedByName, s.signerCredentials].filter(Boolean).join(', ');
  return (
    <section
      className="plan-kind__signed"
      aria-label={`Discharge summary signed ${formatDateTime(s.signedAtMs ?? 0)}`}
    >
      <h3>
        Signed: discharged {formatDate(w.dischargedOn)}
        {w.dischargeType ? `, ${DISCHARGE_TYPE_LABELS[w.dischargeType].toLowerCase()}` : ''}
      </h3>
      <p className="muted">
        Signed by {signer} on {formatDateTime(s.signedAtMs ?? 0)}.
      </p>
      <PlanPrint
        clientId={s.clientId}
        what="this discharge summary"
        printPdf={(paper, disclosure) =>
          call('discharge.printSummary', { id: s.id, paper, disclosure, locale })
        }
        active={active}
      />
      <h4>Written by the clinician</h4>
      <dl className="facts">
        <div>
          <dt>Presenting problem</dt>
          <dd>{w.presentingProblem}</dd>
        </div>
        {goalProgressRows(s.content).map((g) => (
          <div key={g.id}>
            <dt>{g.text}</dt>
            <dd>{g.progress}</dd>
          </div>
        ))}
        <div>
          <dt>Condition at discharge</dt>
          <dd>{w.conditionAtDischarge}</dd>
        </div>
        <div>
          <dt>Level of care recommended at discharge</dt>
          <dd>{w.levelOfCareAtDischarge || '—'}</dd>
        </div>
        <div>
          <dt>Recommendations</dt>
          <dd>{w.recommendations}</dd>
        </div>
        <div>
          <dt>Referrals</dt>
          <dd>
            {w.referrals.length
              ? w.referrals.map((r) => `${r.to}${r.reason ? ` (${r.reason})` : ''}`).join('; ')
              : 'None'}
          </dd>
        </div>
        {w.incompleteReason && (
          <div>
            <dt>Could not be completed</dt>
            <dd>{w.incompleteReason}</dd>
          </div>
        )}
      </dl>
      <h4>From the record, as signed</h4>
      <DischargeFactsView facts={s.content.facts} signed />
    </section>
  );
}
