/** Level-of-care decisions, newest first: the level, the reason, who and when, and what the review recorded. */
import { LEVEL_LABELS, type LevelOfCareDecision } from '../../../../shared/domain/levelOfCare';
import { riskReview } from '../../../../shared/instruments';
import { formatDateTime } from '../../format';

export function DecisionHistory({ decisions }: { decisions: readonly LevelOfCareDecision[] }) {
  if (decisions.length === 0) return <p className="muted">No level of care has been decided yet.</p>;
  const newestFirst = [...decisions].sort((a, b) => b.decidedAtMs - a.decidedAtMs);
  return (
    <ol className="decisions">
      {newestFirst.map((d) => {
        const rated = riskReview.dimensions.filter((dim) => d.decision.dimensionRatings[dim.id]);
        return (
          <li key={d.id} className="decision">
            <div className="decision__head">
              <strong>{LEVEL_LABELS[d.decision.level]}</strong>
              <span className="muted">
                {' '}
                · {formatDateTime(d.decidedAtMs)} by {d.decidedByName ?? 'a former user'}
                {d.suggested === null
                  ? ' · no level suggested then (not enough information)'
                  : d.suggested !== d.decision.level && ` · suggested then: ${LEVEL_LABELS[d.suggested]}`}
              </span>
            </div>
            <p className="decision__reason">{d.decision.reason}</p>
            {rated.length > 0 && (
              <details className="decision__review">
                <summary>Risk review ({rated.length} of 6 dimensions)</summary>
                <table className="table">
                  <caption className="visually-hidden">Risk review ratings</caption>
                  <tbody>
                    {rated.map((dim) => {
                      const entry = d.decision.dimensionRatings[dim.id];
                      const rating = riskReview.ratings.find((r) => r.value === entry?.rating);
                      return (
                        <tr key={dim.id}>
                          <th scope="row">{dim.label}</th>
                          <td className="nowrap">
                            {rating ? `${rating.value} · ${rating.label}` : 'Not rated'}
                          </td>
                          <td>
                            {!rating && entry?.note ? 'Why not rated: ' : ''}
                            {entry?.note}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </details>
            )}
          </li>
        );
      })}
    </ol>
  );
}
