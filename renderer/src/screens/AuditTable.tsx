/**
 * Audit rows as a table, in plain words (auditWords.ts): the overview's recent activity and the full log. A row about
 * a client names them ("Family, Given"), so "Viewed chart" says whose.
 */
import type { AuditEntry } from '../../../shared/domain/identity';
import { describeAudit } from '../auditWords';
import { formatDateTime } from '../format';

export function AuditTable({ rows, showIds = false }: { rows: readonly AuditEntry[]; showIds?: boolean }) {
  return (
    <table className="table">
      <thead>
        <tr>
          {showIds && <th scope="col">#</th>}
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Client</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id}>
            {showIds && <td>{e.id}</td>}
            <td>{formatDateTime(e.atMs)}</td>
            <td>{e.userName ?? '—'}</td>
            <td>{describeAudit(e)}</td>
            <td>{e.clientName ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
