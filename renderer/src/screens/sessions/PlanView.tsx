/** A treatment plan version, read-only: problems, goals with their objectives and interventions, dates, status. */
import { PLAN_ITEM_STATUS_LABELS, type TreatmentPlan } from '../../../../shared/domain/treatmentPlans';
import { formatDateTime } from '../../format';
import { formatDate } from '../chart/dates';

export function PlanView({ version, label }: { version: TreatmentPlan; label: string }) {
  const { plan } = version;
  return (
    <article className="plan-view" aria-label={label}>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{plan.status === 'active' ? 'Active' : 'Completed'}</dd>
        </div>
        <div>
          <dt>Review by</dt>
          <dd>{formatDate(plan.reviewDate)}</dd>
        </div>
      </dl>
      <p className="muted plan-view__saved">
        Version {version.version}, saved {formatDateTime(version.createdAtMs)}
        {version.createdByName ? ` by ${version.createdByName}` : ''}.
      </p>
      {plan.revisionNote && (
        <p>
          <strong>Reason for revision:</strong> {plan.revisionNote}
        </p>
      )}
      {plan.problems.map((p, pi) => (
        <section key={p.id} className="plan-problem" aria-label={`Problem ${pi + 1}`}>
          <h4>
            Problem {pi + 1}: <span className="plan-text">{p.text}</span>
          </h4>
          {p.goals.map((g, gi) => (
            <div key={g.id} className="plan-goal">
              <p className="plan-goal__head">
                <strong>
                  Goal {pi + 1}.{gi + 1}:
                </strong>{' '}
                <span className="plan-text">{g.text}</span>{' '}
                <span className={`badge plan-status plan-status--${g.status}`}>
                  {PLAN_ITEM_STATUS_LABELS[g.status]}
                </span>
                {g.targetDate && <span className="muted"> · target {formatDate(g.targetDate)}</span>}
              </p>
              {g.objectives.length > 0 && (
                <table className="table plan-objectives">
                  <caption className="visually-hidden">
                    Objectives of goal {pi + 1}.{gi + 1}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Objective</th>
                      <th scope="col">Measure</th>
                      <th scope="col">Target</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.objectives.map((o) => (
                      <tr key={o.id}>
                        <td>{o.text}</td>
                        <td>{o.measure || '—'}</td>
                        <td className="nowrap">{o.targetDate ? formatDate(o.targetDate) : '—'}</td>
                        <td>{PLAN_ITEM_STATUS_LABELS[o.status]}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="plan-interventions">
                <span className="muted">Interventions:</span>{' '}
                {g.interventions.length > 0 ? g.interventions.join('; ') : 'none listed'}
              </p>
            </div>
          ))}
        </section>
      ))}
    </article>
  );
}
