/**
 * Open red-flag alerts across the practice, on the Overview (issue 9 item 7; CLINICAL.md §4: an alert that cannot
 * be missed): each names the client and opens the chart, where it is acknowledged with what was done.
 */
import { useEffect, useState } from 'react';
import { ALERT_KIND_LABELS } from '../../../shared/domain/alerts';
import type { AssessmentWorklist } from '../../../shared/ipc/channels/worklists';
import { call } from '../api/client';
import { formatDateTime } from '../format';
import { navigate } from '../router';

export function OpenAlertsPanel() {
  const [alerts, setAlerts] = useState<AssessmentWorklist['openAlerts'] | null>(null);

  useEffect(() => {
    let live = true;
    void call('worklists.assessments', {}).then((r) => {
      if (live && r.ok) setAlerts(r.value.openAlerts);
    });
    return () => {
      live = false;
    };
  }, []);

  if (alerts === null) return null;
  return (
    <section
      className={alerts.length ? 'panel open-alerts open-alerts--some' : 'panel open-alerts'}
      aria-labelledby="open-alerts-title"
    >
      <h2 id="open-alerts-title">Open red-flag alerts</h2>
      {alerts.length === 0 ? (
        <p className="muted">No open alerts.</p>
      ) : (
        <ul className="open-alerts__list">
          {[...alerts]
            .sort((a, b) => b.raisedAtMs - a.raisedAtMs)
            .map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate({ name: 'client', id: a.clientId })}
                >
                  {a.clientName}
                </button>{' '}
                <span className="muted">({a.chartNumber})</span> — {ALERT_KIND_LABELS[a.kind]} ·{' '}
                {formatDateTime(a.raisedAtMs)}
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
