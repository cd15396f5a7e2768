/**
 * One kind of plan for one client: the open draft (written in session, autosaved) or the latest signed version with
 * its print, the earlier versions kept as they were, and "Revise" to start the next version from the signed one.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  RECOVERY_PLAN_TITLES,
  type RecoveryPlan,
  type RecoveryPlanKind,
} from '../../../../shared/domain/recoveryPlans';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { PlanEditor } from './PlanEditor';
import { PlanPrint } from './PlanPrint';
import { PlanView } from './PlanView';

const START_WORDS: Record<RecoveryPlanKind, string> = {
  'relapse-prevention': 'Write the relapse-prevention plan with the client',
  safety: 'Write the safety plan with the client',
  aftercare: 'Write the aftercare plan (pre-filled from the record)',
};

export function PlanKindPanel({
  clientId,
  kind,
  active,
  onSigned,
}: {
  clientId: string;
  kind: RecoveryPlanKind;
  active: boolean;
  onSigned: () => void;
}) {
  const [versions, setVersions] = useState<RecoveryPlan[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [relapseLabel, setRelapseLabel] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await call('recoveryPlans.list', { clientId, kind });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setVersions(r.value);
  }, [clientId, kind]);

  useEffect(() => {
    if (active && versions === null) void load();
  }, [active, versions, load]);

  const draft = versions?.find((v) => v.signedAtMs === null) ?? null;
  const signed = versions?.filter((v) => v.signedAtMs !== null) ?? [];
  const linkedId = draft?.content.kind === 'aftercare' ? draft.content.plan.relapsePreventionPlanId : null;

  // The aftercare draft names the signed relapse-prevention plan it hands on.
  useEffect(() => {
    if (kind !== 'aftercare' || !draft) return;
    if (!linkedId) {
      setRelapseLabel(
        'No signed relapse-prevention plan yet: sign one on its tab, then start a new aftercare version to include it.',
      );
      return;
    }
    void call('recoveryPlans.list', { clientId, kind: 'relapse-prevention' }).then((r) => {
      const p = r.ok ? r.value.find((x) => x.id === linkedId) : null;
      setRelapseLabel(
        p && p.signedAtMs !== null
          ? `Version ${p.version} of the relapse-prevention plan, signed ${formatDateTime(p.signedAtMs)}, is printed with this plan.`
          : 'The linked relapse-prevention plan could not be read.',
      );
    });
  }, [kind, draft, linkedId, clientId]);

  async function start() {
    setBusy(true);
    const r = await call('recoveryPlans.startDraft', { clientId, kind });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    await load();
  }

  if (error) {
    return (
      <div className="banner banner--error" role="alert">
        {error}
      </div>
    );
  }
  if (!versions) return <div aria-busy="true" />;

  const current = signed.find((v) => v.id === shown) ?? signed[0] ?? null;
  const title = RECOVERY_PLAN_TITLES[kind];

  return (
    <section className="plan-kind" aria-label={title}>
      <h2>{title}</h2>
      {draft ? (
        <PlanEditor
          key={draft.id}
          draft={draft}
          active={active}
          relapsePlanLabel={relapseLabel}
          onSigned={() => {
            onSigned();
            setShown(null);
            void load();
          }}
          onDiscarded={() => void load()}
        />
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
            {signed.length ? `Revise: start version ${(signed[0]?.version ?? 0) + 1}` : START_WORDS[kind]}
          </button>
        </div>
      )}
      {current && (
        <div className="plan-kind__signed">
          <h3>Signed version {current.version}</h3>
          <PlanPrint
            key={current.id}
            clientId={current.clientId}
            what="this plan"
            printPdf={(paper, disclosure, language) =>
              call('recoveryPlans.printPdf', { id: current.id, paper, disclosure, language })
            }
            active={active}
            clientDocument
          />
          <PlanView plan={current} />
        </div>
      )}
      {signed.length > 1 && (
        <nav className="plan-kind__versions" aria-label={`Versions of the ${title.toLowerCase()}`}>
          <h3>All signed versions</h3>
          <ul>
            {signed.map((v) => (
              <li key={v.id}>
                <button
                  type="button"
                  className="link"
                  aria-current={v.id === current?.id ? 'true' : undefined}
                  onClick={() => setShown(v.id)}
                >
                  Version {v.version}, signed {v.signedAtMs !== null ? formatDateTime(v.signedAtMs) : ''}
                  {v.signedByName ? ` by ${v.signedByName}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </section>
  );
}
