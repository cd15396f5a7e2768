/**
 * Every administered instrument, newest first: what, when, the result, whether it is complete, signed or still a
 * draft, and who gave it. A row with a safety flag is marked, so it is not read past.
 */
import type { Assessment } from '../../../../shared/domain/assessments';
import { formatDateTime } from '../../format';
import { bandTone, isComplete, resultText, shortName } from './instrumentText';

const shortDate = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function AssessmentList({
  assessments,
  openId,
  onOpen,
}: {
  assessments: readonly Assessment[];
  openId: string | null;
  onOpen: (a: Assessment) => void;
}) {
  if (assessments.length === 0) {
    return <p className="muted">No assessments recorded yet. Start one with the buttons above.</p>;
  }
  const newestFirst = [...assessments].sort(
    (a, b) => b.input.administeredAtMs - a.input.administeredAtMs || b.createdAtMs - a.createdAtMs,
  );
  return (
    <table className="table alist">
      <caption className="visually-hidden">Administered instruments, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Instrument</th>
          <th scope="col">Administered</th>
          <th scope="col">Result</th>
          <th scope="col">Status</th>
          <th scope="col">Record</th>
          <th scope="col">By</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((a) => {
          const name = shortName(a.input.instrumentId);
          const when = formatDateTime(a.input.administeredAtMs);
          const flagged =
            a.score?.flags.includes('suicide-risk') === true ||
            (a.input.instrumentId === 'suicide-screen' && a.input.record.riskLevel === 'high');
          return (
            <tr key={a.id} className={a.id === openId ? 'alist__open' : undefined}>
              <th scope="row">
                {name}
                {flagged && <span className="alist__flag"> · safety flag</span>}
              </th>
              <td className="nowrap">{when}</td>
              <td>
                <span className={`band-text band-text--${bandTone(a.score?.band ?? null)}`}>
                  {resultText(a)}
                </span>
              </td>
              <td>{isComplete(a) ? 'Complete' : 'Incomplete'}</td>
              <td>
                {a.signedAtMs === null ? (
                  <span className="badge badge--draft">Draft</span>
                ) : (
                  <span className="badge badge--signed">
                    Signed {shortDate.format(a.signedAtMs)}
                    <span className="visually-hidden"> by {a.signedByName ?? 'a former user'}</span>
                  </span>
                )}
              </td>
              <td>{a.administeredByName ?? 'A former user'}</td>
              <td className="alist__actions">
                <button type="button" className="link" onClick={() => onOpen(a)}>
                  {a.signedAtMs === null ? 'Edit' : 'View'}
                  <span className="visually-hidden">
                    {' '}
                    {name} of {when}
                  </span>
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
