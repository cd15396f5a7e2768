/**
 * The withdrawal flowsheet (CLINICAL.md §1.4): repeated COWS and SOWS ratings in time order with the hours since
 * the last dose and the induction time point, charted over time against the COWS severity bands. A rating is
 * added here directly; it is the same record the Assessments tab lists.
 */
import {
  INDUCTION_TIME_POINT_LABELS,
  hoursSinceLastDose,
  type Assessment,
} from '../../../../shared/domain/assessments';
import type { Sex } from '../../../../shared/instruments';
import { isLowBloodPressure, vitalsText } from '../../../../shared/domain/vitals';
import { formatDateTime } from '../../format';
import { AssessmentForm } from './AssessmentForm';
import { WithdrawalChart, type TimePointMark, type WithdrawalPoint } from './WithdrawalChart';
import { CourseView } from './CourseView';
import { courseModel } from './courseModel';
import { PawsPanel } from './PawsPanel';
import { bandTone, hoursText, resultText, WITHDRAWAL_KINDS } from './instrumentText';
import { useLoadedAssessments } from './records';
import { useAssessmentForms } from './useAssessmentForms';
import './assessments.css';
import './withdrawal.css';

type Rating = Assessment & { input: Exclude<Assessment['input'], { instrumentId: 'suicide-screen' }> };

const isRating = (a: Assessment): a is Rating =>
  a.input.instrumentId === 'cows' || a.input.instrumentId === 'sows';

export function WithdrawalTab({
  clientId,
  sex,
  intakeLastDoseAtMs,
  bpLowering = false,
  onChanged,
}: {
  clientId: string;
  sex: Sex | null;
  intakeLastDoseAtMs: number | null;
  /** The client takes clonidine or lofexidine (seed 003): low blood pressure readings are pointed out. */
  bpLowering?: boolean;
  onChanged: () => void;
}) {
  const { assessments, assessmentsError } = useLoadedAssessments(clientId);
  const forms = useAssessmentForms();

  if (assessmentsError) {
    return (
      <div className="banner banner--error" role="alert">
        {assessmentsError}
      </div>
    );
  }
  if (!assessments) return <div aria-busy="true" />;

  const ratings = assessments
    .filter(isRating)
    .sort((a, b) => a.input.administeredAtMs - b.input.administeredAtMs || a.createdAtMs - b.createdAtMs);
  const points: WithdrawalPoint[] = ratings.flatMap((r) =>
    r.score?.status === 'complete' && r.score.total !== null
      ? [
          {
            id: r.id,
            instrument: r.input.instrumentId === 'cows' ? 'cows' : 'sows',
            atMs: r.input.administeredAtMs,
            total: r.score.total,
          },
        ]
      : [],
  );
  const marks: TimePointMark[] = ratings.flatMap((r) =>
    r.input.timePoint ? [{ atMs: r.input.administeredAtMs, timePoint: r.input.timePoint }] : [],
  );
  const nowMs = Date.now();
  const course = courseModel(
    points.map((p) => ({
      ...p,
      lastDoseAtMs: ratings.find((r) => r.id === p.id)?.input.lastDoseAtMs ?? null,
    })),
    intakeLastDoseAtMs,
    nowMs,
  );

  return (
    <div className="withdrawal">
      <div className="assessments__head">
        <h2>Withdrawal flowsheet</h2>
        <div className="new-assessment" role="group" aria-label="Add a rating">
          {WITHDRAWAL_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="primary-outline"
              onClick={() => forms.request(kind, null)}
            >
              Add {kind === 'cows' ? 'COWS' : 'SOWS'} rating
            </button>
          ))}
        </div>
      </div>
      <p className="muted withdrawal__about">
        Withdrawal usually starts 6–24 h after the last dose and peaks on days 1–3; the acute phase resolves
        in about 5–10 days.
      </p>
      {forms.notice && (
        <p className="banner banner--error" role="alert">
          {forms.notice}
        </p>
      )}
      <div ref={forms.formRoot}>
        {forms.open && (
          <AssessmentForm
            key={forms.open.key}
            clientId={clientId}
            kind={forms.open.kind}
            existing={forms.open.assessment}
            intakeLastDoseAtMs={intakeLastDoseAtMs}
            sex={sex}
            onChanged={onChanged}
            onClose={forms.close}
            onDirtyChange={forms.onDirtyChange}
          />
        )}
      </div>
      {bpLowering && (
        <p className="med-warning" role="note">
          <strong>Caution:</strong> the client takes clonidine or lofexidine, which lower blood pressure: take
          blood pressure with each rating.
        </p>
      )}
      {course ? (
        <CourseView model={course} nowMs={nowMs} />
      ) : (
        <p className="panel muted">
          Record the time of the last dose with a rating (or at intake) to see where the client is on the
          expected course.
        </p>
      )}
      {ratings.length === 0 ? (
        <p className="panel muted">No COWS or SOWS ratings yet. Add one to start the flowsheet.</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="wd-chart-title">
            <h3 id="wd-chart-title">Scores over time</h3>
            {points.length > 0 ? (
              <WithdrawalChart points={points} marks={marks} />
            ) : (
              <p className="muted">The chart needs at least one complete rating.</p>
            )}
          </section>
          <section className="panel" aria-labelledby="wd-table-title">
            <h3 id="wd-table-title">
              Ratings <span className="muted">({ratings.length}, oldest first)</span>
            </h3>
            <table className="table flowsheet">
              <caption className="visually-hidden">Withdrawal ratings, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col" className="num">
                    Since last dose
                  </th>
                  <th scope="col">COWS</th>
                  <th scope="col" className="num">
                    SOWS
                  </th>
                  <th scope="col">Time point</th>
                  <th scope="col">Vital signs</th>
                  <th scope="col">Record</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {ratings.map((r) => {
                  const when = formatDateTime(r.input.administeredAtMs);
                  const isCows = r.input.instrumentId === 'cows';
                  return (
                    <tr key={r.id}>
                      <th scope="row" className="nowrap">
                        {when}
                      </th>
                      <td className="num">{hoursText(hoursSinceLastDose(r))}</td>
                      <td>
                        {isCows && (
                          <span className={`band-text band-text--${bandTone(r.score?.band ?? null)}`}>
                            {resultText(r)}
                          </span>
                        )}
                      </td>
                      <td className="num">{isCows ? '' : resultText(r)}</td>
                      <td>{r.input.timePoint ? INDUCTION_TIME_POINT_LABELS[r.input.timePoint] : ''}</td>
                      <td
                        className={
                          bpLowering && isLowBloodPressure(r.input.vitals) ? 'vitals-low' : undefined
                        }
                      >
                        {vitalsText(r.input.vitals)}
                        {bpLowering && isLowBloodPressure(r.input.vitals) ? ' (low blood pressure)' : ''}
                      </td>
                      <td>{r.signedAtMs === null ? 'Draft' : 'Signed'}</td>
                      <td className="alist__actions">
                        <button
                          type="button"
                          className="link"
                          onClick={() => forms.request(r.input.instrumentId, r)}
                        >
                          {r.signedAtMs === null ? 'Edit' : 'View'}
                          <span className="visually-hidden">
                            {' '}
                            {isCows ? 'COWS' : 'SOWS'} of {when}
                          </span>
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      )}
      <PawsPanel clientId={clientId} inPostAcute={course?.nowPhase === 'post-acute'} />
    </div>
  );
}
