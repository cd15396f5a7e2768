/**
 * Every red-flag alert of the client, newest first, with what was done about it: acknowledged alerts leave the
 * banner but never the record.
 */
import { useEffect } from 'react';
import { ALERT_ACTION_LABELS, ALERT_KIND_LABELS } from '../../../../shared/domain/alerts';
import { formatDateTime } from '../../format';
import { refreshAlerts, useClientRecords } from './records';

export function AlertHistory({ clientId }: { clientId: string }) {
  const { alerts, alertsComplete } = useClientRecords(clientId);
  useEffect(() => {
    if (!alertsComplete) void refreshAlerts(clientId);
  }, [clientId, alertsComplete]);

  if (!alertsComplete || alerts === null) return <div aria-busy="true" />;
  if (alerts.length === 0)
    return <p className="muted">No red-flag alerts have been raised for this client.</p>;
  const newestFirst = [...alerts].sort((a, b) => b.raisedAtMs - a.raisedAtMs);
  return (
    <ol className="alert-history">
      {newestFirst.map((a) => (
        <li
          key={a.id}
          className={
            a.acknowledgement ? 'alert-history__item' : 'alert-history__item alert-history__item--open'
          }
        >
          <div className="alert-history__head">
            <strong>{ALERT_KIND_LABELS[a.kind]}</strong>
            <span className="muted">
              {' '}
              · raised {formatDateTime(a.raisedAtMs)}
              {a.raisedByName ? ` by ${a.raisedByName}` : ''}
            </span>
            {a.acknowledgement === null && <span className="badge badge--open">Open</span>}
          </div>
          {a.detail && a.detail !== ALERT_KIND_LABELS[a.kind] && (
            <p className="alert-history__detail">{a.detail}</p>
          )}
          {a.acknowledgement && (
            <p className="alert-history__ack">
              Acknowledged {formatDateTime(a.acknowledgement.atMs)}
              {a.acknowledgement.byName ? ` by ${a.acknowledgement.byName}` : ''}:{' '}
              {a.acknowledgement.actions.map((x) => ALERT_ACTION_LABELS[x]).join('; ')}.{' '}
              {a.acknowledgement.note}
              {a.acknowledgement.safetyPlan &&
                ` Safety plan version ${a.acknowledgement.safetyPlan.version} linked.`}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
