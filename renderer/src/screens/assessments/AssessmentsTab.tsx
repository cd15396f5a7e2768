/**
 * The Assessments tab (CLINICAL.md §2): start any instrument, the open form, every administration newest first,
 * the trends of each instrument's totals, and the history of red-flag alerts with what was done about them.
 */
import type { AssessmentKind } from '../../../../shared/domain/assessments';
import type { Sex } from '../../../../shared/instruments';
import { AlertHistory } from './AlertHistory';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentList } from './AssessmentList';
import { TrendCharts } from './TrendCharts';
import { ASSESSMENT_KINDS, fullName, shortName } from './instrumentText';
import { useLoadedAssessments } from './records';
import { useAssessmentForms } from './useAssessmentForms';
import './assessments.css';

export function AssessmentsTab({
  clientId,
  sex,
  intakeLastDoseAtMs,
  onChanged,
}: {
  clientId: string;
  /** The client record's sex for AUDIT-C: female or male, otherwise null (not recorded). */
  sex: Sex | null;
  intakeLastDoseAtMs: number | null;
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

  const start = (kind: AssessmentKind) => forms.request(kind, null);
  return (
    <div className="assessments">
      <div className="assessments__head">
        <h2>Assessments</h2>
        <div className="new-assessment" role="group" aria-label="New assessment">
          <span className="new-assessment__label" aria-hidden="true">
            New:
          </span>
          {ASSESSMENT_KINDS.map((kind) => (
            <button key={kind} type="button" onClick={() => start(kind)} title={fullName(kind)}>
              <span className="visually-hidden">New </span>
              {shortName(kind)}
            </button>
          ))}
        </div>
      </div>
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
      <section className="panel" aria-labelledby="administered-title">
        <h3 id="administered-title">
          Administered <span className="muted">({assessments.length})</span>
        </h3>
        <AssessmentList
          assessments={assessments}
          openId={forms.open?.assessment?.id ?? null}
          onOpen={(a) => forms.request(a.input.instrumentId, a)}
        />
      </section>
      <section className="panel" aria-labelledby="trends-title">
        <h3 id="trends-title">Trends</h3>
        <TrendCharts assessments={assessments} sex={sex} />
      </section>
      <section className="panel" aria-labelledby="alert-history-title">
        <h3 id="alert-history-title">Red-flag alerts</h3>
        <AlertHistory clientId={clientId} />
      </section>
    </div>
  );
}
