import { CLIENT_STATUS_LABELS, type ClientStatus } from '../../../../shared/domain/clients';

/** A client's status in words, tinted so a discharged client stands out from the active ones at a glance. */
export function StatusBadge({ status }: { status: ClientStatus }) {
  return <span className={`status-badge status-badge--${status}`}>{CLIENT_STATUS_LABELS[status]}</span>;
}
