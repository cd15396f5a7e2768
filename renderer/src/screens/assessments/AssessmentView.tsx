/**
 * A signed assessment, read-only: every answer as given (value and its label), the score, the withdrawal context,
 * and who administered and who signed it and when. Nothing here can be edited; corrections are a new assessment.
 */
import {
  INDUCTION_TIME_POINT_LABELS,
  hoursSinceLastDose,
  type Assessment,
} from '../../../../shared/domain/assessments';
import {
  getInstrument,
  suicideScreen,
  type Answer,
  type InstrumentItem,
} from '../../../../shared/instruments';
import { formatDateTime } from '../../format';
import { FLAG_TEXT, RISK_LEVEL_TEXT, hoursText, resultText } from './instrumentText';

function answerText(item: InstrumentItem, value: Answer): string {
  if (value === null) return 'Not answered';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const option = item.kind === 'choice' ? item.options.find((o) => o.value === value) : undefined;
  return option ? `${value} · ${option.label}` : String(value);
}

export function AssessmentView({ assessment }: { assessment: Assessment }) {
  const a = assessment;
  const input = a.input;
  const by = a.administeredByName ?? 'a former user';
  return (
    <div className="aview">
      <dl className="aview__facts">
        <div>
          <dt>Administered</dt>
          <dd>
            {formatDateTime(input.administeredAtMs)} by {by}
          </dd>
        </div>
        {a.signedAtMs !== null && (
          <div>
            <dt>Signed</dt>
            <dd data-testid="signed-by">
              {formatDateTime(a.signedAtMs)} by {a.signedByName ?? 'a former user'}
            </dd>
          </div>
        )}
        <div>
          <dt>Result</dt>
          <dd className="aview__result">{resultText(a)}</dd>
        </div>
        {(input.instrumentId === 'cows' || input.instrumentId === 'sows') && (
          <>
            <div>
              <dt>Last dose</dt>
              <dd>
                {input.lastDoseAtMs === null
                  ? 'Not recorded'
                  : `${formatDateTime(input.lastDoseAtMs)} (${hoursText(hoursSinceLastDose(a))} before)`}
              </dd>
            </div>
            <div>
              <dt>Induction time point</dt>
              <dd>
                {input.timePoint ? INDUCTION_TIME_POINT_LABELS[input.timePoint] : 'Not an induction rating'}
              </dd>
            </div>
          </>
        )}
        {input.instrumentId === 'sud' && (
          <div>
            <dt>Under medical supervision</dt>
            <dd>{input.context.underMedicalSupervision ? 'Yes' : 'No'}</dd>
          </div>
        )}
      </dl>
      {a.score?.flags.map((f) => (
        <p key={f} className="live-score__flag">
          {FLAG_TEXT[f]}
        </p>
      ))}
      {input.instrumentId === 'suicide-screen' ? (
        <table className="table aview__answers">
          <caption className="visually-hidden">Answers</caption>
          <tbody>
            {suicideScreen.items.map((item) => {
              const t = input.record.answers.responses[item.id];
              return (
                <tr key={item.id}>
                  <th scope="row">{item.label}</th>
                  <td>{suicideScreen.timings.find((x) => x.value === t)?.label ?? 'Not answered'}</td>
                </tr>
              );
            })}
            <tr>
              <th scope="row">Behaviour: what and when</th>
              <td>{input.record.answers.behaviourDetail || '—'}</td>
            </tr>
            <tr>
              <th scope="row">Protective factors</th>
              <td>
                {suicideScreen.protectiveFactors
                  .filter((f) => input.record.answers.protectiveFactors?.includes(f.id))
                  .map((f) => f.label)
                  .join('; ') || 'None recorded'}
                {input.record.answers.protectiveNote ? ` — ${input.record.answers.protectiveNote}` : ''}
              </td>
            </tr>
            <tr>
              <th scope="row">Risk level</th>
              <td>{input.record.riskLevel ? RISK_LEVEL_TEXT[input.record.riskLevel] : 'Not chosen'}</td>
            </tr>
            <tr>
              <th scope="row">Rationale</th>
              <td>{input.record.rationale || '—'}</td>
            </tr>
          </tbody>
        </table>
      ) : (
        <table className="table aview__answers">
          <caption className="visually-hidden">Answers</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Answer</th>
            </tr>
          </thead>
          <tbody>
            {getInstrument(input.instrumentId).items.map((item, i) => (
              <tr key={item.id}>
                <th scope="row">
                  {i + 1}. {item.label}
                </th>
                <td>{answerText(item, input.answers[i] ?? null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {input.notes && (
        <p className="aview__notes">
          <span className="muted">Notes: </span>
          {input.notes}
        </p>
      )}
    </div>
  );
}
