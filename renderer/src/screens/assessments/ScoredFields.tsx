/**
 * The fields of a scored instrument, generated from its definition: when it was given, for withdrawal ratings the
 * last dose and the induction time point, the context the score depends on (sex for AUDIT-C, medical supervision
 * for the SUD checklist), every item with exactly its allowed values, and the live score beside them.
 */
import {
  INDUCTION_TIME_POINTS,
  INDUCTION_TIME_POINT_LABELS,
  type InductionTimePoint,
} from '../../../../shared/domain/assessments';
import {
  getInstrument,
  SUD_ICD10_FAMILY,
  SUD_SUBSTANCES,
  SUD_SUBSTANCE_LABELS,
  type Sex,
} from '../../../../shared/instruments';
import { Field } from '../../components/Field';
import { CheckField, SelectField, TextArea, type Option } from '../../components/controls';
import {
  draftHoursSinceLastDose,
  isWithdrawal,
  liveScore,
  sudInput,
  type ScoredDraft,
  type SudDraft,
} from './assessmentDraft';
import { VitalsFields } from './VitalsFields';
import { ItemGroup } from './ItemGroup';
import { LiveScore } from './LiveScore';
import { hoursText, unansweredCount } from './instrumentText';

type TimePointChoice = InductionTimePoint | '';
const TIME_POINTS: readonly Option<TimePointChoice>[] = [
  { value: '', label: 'Not an induction rating' },
  ...INDUCTION_TIME_POINTS.map((t) => ({ value: t, label: INDUCTION_TIME_POINT_LABELS[t] })),
];

const SUBSTANCE_OPTIONS: readonly Option<SudDraft['substance']>[] = [
  { value: '', label: 'Choose the substance…' },
  ...SUD_SUBSTANCES.map((s) => ({ value: s, label: `${SUD_SUBSTANCE_LABELS[s]} — ${SUD_ICD10_FAMILY[s]}` })),
];
const REMISSION_OPTIONS: readonly Option<SudDraft['remission']>[] = [
  { value: '', label: 'Not in remission' },
  { value: 'early', label: 'Early (3–12 months)' },
  { value: 'sustained', label: 'Sustained (12+ months)' },
];
const SEVERITY_OPTIONS: readonly Option<SudDraft['severityBeforeRemission']>[] = [
  { value: '', label: 'Choose…' },
  { value: 'mild', label: 'Mild' },
  { value: 'moderate-severe', label: 'Moderate or severe' },
];

const RATED_BY = { clinician: 'Rated by the clinician', client: 'Rated by the client' } as const;

export function ScoredFields({
  draft,
  onChange,
  sex,
  intakeLastDoseAtMs,
  err,
}: {
  draft: ScoredDraft;
  onChange: (patch: Partial<ScoredDraft>) => void;
  sex: Sex | null;
  intakeLastDoseAtMs: number | null;
  err: (path: string) => string | null;
}) {
  const definition = getInstrument(draft.instrumentId);
  const withdrawal = isWithdrawal(draft.instrumentId);
  const score = liveScore(draft, sex);
  const unanswered = unansweredCount(draft.instrumentId, draft.answers, draft.underMedicalSupervision);
  const hours = withdrawal ? draftHoursSinceLastDose(draft) : null;
  const supervised = draft.instrumentId === 'sud' && draft.underMedicalSupervision;
  const answersError = err('assessment.answers');

  const setAnswer = (index: number, value: ScoredDraft['answers'][number]) =>
    onChange({ answers: draft.answers.map((a, i) => (i === index ? value : a)) });

  return (
    <>
      <div className="aform__meta">
        <Field
          label="Administered at"
          type="datetime-local"
          value={draft.administeredAt}
          onChange={(e) => onChange({ administeredAt: e.target.value })}
          error={err('assessment.administeredAtMs')}
        />
        {withdrawal && (
          <>
            <Field
              label="Last dose"
              type="datetime-local"
              value={draft.lastDoseAt}
              onChange={(e) => onChange({ lastDoseAt: e.target.value })}
              error={err('assessment.lastDoseAtMs')}
              hint={
                hours !== null
                  ? `${hoursText(hours)} before this rating`
                  : intakeLastDoseAtMs === null
                    ? 'Kratom or opioid; not recorded at intake'
                    : 'Kratom or opioid'
              }
            />
            <SelectField
              label="Induction time point"
              value={draft.timePoint}
              options={TIME_POINTS}
              onChange={(timePoint) => onChange({ timePoint })}
              error={err('assessment.timePoint')}
            />
          </>
        )}
      </div>
      {withdrawal && <VitalsFields draft={draft} onChange={onChange} err={err} />}
      {draft.instrumentId === 'sud' && (
        <div className="aform__meta aform__sud">
          <SelectField
            label="Substance checked"
            value={draft.sud.substance}
            options={SUBSTANCE_OPTIONS}
            onChange={(substance) => onChange({ sud: { ...draft.sud, substance } })}
            error={err('assessment.sud.substance')}
          />
          <Field
            label={draft.sud.substance === 'other' ? 'Name of the substance' : 'Product or substance name'}
            value={draft.sud.substanceName}
            onChange={(e) => onChange({ sud: { ...draft.sud, substanceName: e.target.value } })}
            error={err('assessment.sud.substanceName')}
            hint={draft.sud.substance === 'other' ? 'Required for other substances' : 'Optional'}
          />
          <SelectField
            label="Remission specifier"
            value={draft.sud.remission}
            options={REMISSION_OPTIONS}
            onChange={(remission) => onChange({ sud: { ...draft.sud, remission } })}
            error={err('assessment.sud.remission')}
          />
          {draft.sud.remission !== '' && (
            <SelectField
              label="Severity before remission"
              value={draft.sud.severityBeforeRemission}
              options={SEVERITY_OPTIONS}
              onChange={(severityBeforeRemission) =>
                onChange({ sud: { ...draft.sud, severityBeforeRemission } })
              }
              error={err('assessment.sud.severityBeforeRemission')}
            />
          )}
        </div>
      )}
      {draft.instrumentId === 'sud' && (
        <CheckField
          label="The substance is taken only under medical supervision"
          checked={draft.underMedicalSupervision}
          onChange={(underMedicalSupervision) => onChange({ underMedicalSupervision })}
          hint="Then tolerance and withdrawal are recorded but not counted (DSM-5)."
        />
      )}
      <p className="aform__about">
        {definition.timeframe}. {RATED_BY[definition.ratedBy]}.{' '}
        <span className="muted">{definition.source}.</span>
      </p>
      {definition.formNote && (
        <p className="aform__note" data-testid="instrument-note">
          {definition.formNote}
        </p>
      )}
      <div className="aform__body">
        <div className="aform__items">
          <p className="aform__keys muted">
            Arrow keys choose within an item;{' '}
            {draft.instrumentId === 'sud' ? 'Y or N' : 'a number key picks that score'} and moves to the next
            item; Backspace clears an answer.
          </p>
          {answersError && (
            <p className="field__error" role="alert">
              {answersError}
            </p>
          )}
          {definition.items.map((item, i) => (
            <ItemGroup
              key={item.id}
              item={item}
              number={i + 1}
              value={draft.answers[i] ?? null}
              onChange={(v) => setAnswer(i, v)}
              note={supervised && item.excludedWhen ? 'not counted under medical supervision' : null}
            />
          ))}
        </div>
        <aside className="aform__score" aria-label="Live score">
          <LiveScore
            instrumentId={draft.instrumentId}
            score={score}
            unanswered={unanswered}
            sex={sex}
            sud={sudInput(draft)}
          />
        </aside>
      </div>
      <div data-after-items="" className="aform__after">
        <TextArea
          label="Notes"
          value={draft.notes}
          onChange={(notes) => onChange({ notes })}
          error={err('assessment.notes')}
        />
      </div>
    </>
  );
}
