/**
 * The chart's treatment plan (CLINICAL.md §5): the current version, read-only until the clinician revises it;
 * every earlier version listed and viewable as it was. Revising makes a new version with a reason.
 */
import { useEffect, useRef, useState } from 'react';
import type { TreatmentPlan } from '../../../../shared/domain/treatmentPlans';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { todayLocal } from '../chart/dates';
import { PlanEditor } from './PlanEditor';
import { blankPlan, revisionOf } from './planDraft';
import { PlanView } from './PlanView';
import './sessions.css';
import './plan.css';

export function PlanTab({ clientId, onSaved }: { clientId: string; onSaved: () => void }) {
  const [versions, setVersions] = useState<TreatmentPlan[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const earlier = useRef<HTMLHeadingElement>(null);
  const [focus, setFocus] = useState<'edit' | 'earlier' | null>(null);

  useEffect(() => {
    let live = true;
    void call('plans.get', { clientId }).then((r) => {
      if (!live) return;
      if (r.ok) setVersions(r.value.versions);
      else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  useEffect(() => {
    if (focus === 'edit') editButton.current?.focus();
    if (focus === 'earlier') earlier.current?.focus();
    setFocus(null);
  }, [focus]);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!versions) return <div aria-busy="true" />;

  const current = versions[0] ?? null;
  const older = versions.slice(1);
  const shown = viewing === null ? null : (older.find((v) => v.version === viewing) ?? null);

  return (
    <div className="plan">
      <div className="notes__head">
        <h2>Treatment plan</h2>
        {!editing && (
          <button
            type="button"
            className="primary"
            ref={editButton}
            onClick={() => {
              setEditing(true);
              setStatus('');
            }}
          >
            {current ? 'Revise plan' : 'Write the treatment plan'}
          </button>
        )}
      </div>
      <p role="status" className="saved-note">
        {status}
      </p>
      {editing ? (
        <PlanEditor
          clientId={clientId}
          initial={current ? revisionOf(current.plan) : blankPlan(todayLocal())}
          baseVersion={current?.version ?? 0}
          onSaved={(saved) => {
            setVersions([saved, ...versions]);
            setEditing(false);
            setStatus(`Version ${saved.version} saved.`);
            setFocus('edit');
            onSaved();
          }}
          onCancel={() => {
            setEditing(false);
            setFocus('edit');
          }}
        />
      ) : current ? (
        <PlanView version={current} label={`Current plan, version ${current.version}`} />
      ) : (
        <p className="muted">
          No treatment plan yet. Write one with problems, measurable goals and objectives, interventions and a
          review date.
        </p>
      )}
      {older.length > 0 && (
        <section className="plan-versions" aria-labelledby="plan-versions-title">
          <h3 id="plan-versions-title" ref={earlier} tabIndex={-1}>
            Earlier versions
          </h3>
          <ul>
            {older.map((v) => (
              <li key={v.version}>
                <button
                  type="button"
                  className="link"
                  aria-expanded={viewing === v.version}
                  onClick={() => setViewing(viewing === v.version ? null : v.version)}
                >
                  Version {v.version}
                </button>{' '}
                <span className="muted">
                  {formatDateTime(v.createdAtMs)}
                  {v.createdByName ? `, ${v.createdByName}` : ''}
                  {v.plan.revisionNote ? ` — ${v.plan.revisionNote}` : ''}
                </span>
              </li>
            ))}
          </ul>
          {shown && (
            <div className="plan-version-shown">
              <h4>Version {shown.version} (superseded, read-only)</h4>
              <PlanView version={shown} label={`Plan version ${shown.version}`} />
              <button
                type="button"
                onClick={() => {
                  setViewing(null);
                  setFocus('earlier');
                }}
              >
                Close version {shown.version}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
