/**
 * Our own clinician-documented suicide-risk screen (the C-SSRS is not embedded). Each item is answered with when it
 * was last present; protective factors are listed; then the clinician chooses the risk level with the answers in
 * view. When intent, plan or behaviour falls within the past 3 months (or its timing is not known), the rule is
 * said plainly and only "high" can be chosen: the server refuses anything lower, and its message is shown at the
 * level if a lower level was chosen before the answers changed.
 */
import { useId } from 'react';
import {
  PROTECTIVE_FACTOR_IDS,
  suicideScreen,
  suicideScreenFlags,
  suicideScreenMinimumRisk,
  suicideScreenStatus,
  type ProtectiveFactorId,
  type SuicideRiskLevel,
} from '../../../../shared/instruments';
import { Field } from '../../components/Field';
import { Choice, TextArea } from '../../components/controls';
import { screenAnswers, type ScreenDraft } from './assessmentDraft';

export function SuicideScreenFields({
  draft,
  onChange,
  err,
}: {
  draft: ScreenDraft;
  onChange: (patch: Partial<ScreenDraft>) => void;
  err: (path: string) => string | null;
}) {
  const answers = screenAnswers(draft);
  const highRule = suicideScreenMinimumRisk(answers) === 'high';
  const recentThoughts = suicideScreenFlags(answers).includes('recent-suicidal-thoughts');
  const unanswered = suicideScreen.items.filter((i) => draft.responses[i.id] == null).length;
  const complete = suicideScreenStatus(answers) === 'complete';

  const toggleFactor = (id: ProtectiveFactorId, on: boolean) =>
    onChange({
      protectiveFactors: on
        ? PROTECTIVE_FACTOR_IDS.filter((f) => f === id || draft.protectiveFactors.includes(f))
        : draft.protectiveFactors.filter((f) => f !== id),
    });

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
      </div>
      <p className="aform__about">
        Clinician-documented. For each item, record whether it was present and when.{' '}
        <span className="muted" data-testid="screen-status">
          {complete
            ? 'All items answered.'
            : `Incomplete — ${unanswered} ${unanswered === 1 ? 'item' : 'items'} unanswered.`}
        </span>
      </p>
      <div className="screen-items">
        {suicideScreen.items.map((item) => (
          <Choice
            key={item.id}
            legend={item.label}
            value={draft.responses[item.id] ?? null}
            options={suicideScreen.timings}
            onChange={(v) => onChange({ responses: { ...draft.responses, [item.id]: v } })}
            required
          />
        ))}
      </div>
      <TextArea
        label="Behaviour: what it was and when"
        value={draft.behaviourDetail}
        onChange={(behaviourDetail) => onChange({ behaviourDetail })}
        error={err('assessment.record.answers.behaviourDetail')}
      />
      <fieldset className="factors">
        <legend>Protective factors</legend>
        <div className="factors__list">
          {suicideScreen.protectiveFactors.map((f) => (
            <label key={f.id} className="factors__item">
              <input
                type="checkbox"
                checked={draft.protectiveFactors.includes(f.id)}
                onChange={(e) => toggleFactor(f.id, e.target.checked)}
              />
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label="Protective factors: notes"
        value={draft.protectiveNote}
        onChange={(protectiveNote) => onChange({ protectiveNote })}
        error={err('assessment.record.answers.protectiveNote')}
      />
      {highRule && (
        <div className="rule-high" role="alert" data-testid="high-risk-rule">
          <strong>High risk: needs a safety plan.</strong> Intent, a plan or behaviour within the past 3
          months (or its timing is not known). Record high risk and make a safety plan with the client today.
          If they are in danger now, call <strong>911</strong>; the <strong>988</strong> Suicide &amp; Crisis
          Lifeline is available by call or text.
        </div>
      )}
      {recentThoughts && !highRule && (
        <p className="rule-note" role="note">
          Suicidal thoughts within the past 3 months: review safety and share the 988 Suicide &amp; Crisis
          Lifeline.
        </p>
      )}
      <RiskLevel
        value={draft.riskLevel}
        onlyHigh={highRule}
        onChange={(riskLevel) => onChange({ riskLevel })}
        error={err('assessment.record.riskLevel')}
      />
      <div data-after-items="">
        <TextArea
          label="Rationale for the risk level"
          value={draft.rationale}
          onChange={(rationale) => onChange({ rationale })}
          error={err('assessment.record.rationale')}
          rows={3}
        />
      </div>
      <TextArea
        label="Notes"
        value={draft.notes}
        onChange={(notes) => onChange({ notes })}
        error={err('assessment.notes')}
      />
    </>
  );
}

/** Low / moderate / high; under the high-risk rule the lower levels are shown but cannot be chosen. */
function RiskLevel({
  value,
  onlyHigh,
  onChange,
  error,
}: {
  value: SuicideRiskLevel | null;
  onlyHigh: boolean;
  onChange: (value: SuicideRiskLevel) => void;
  error: string | null;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={error ? 'choice choice--error risk-level' : 'choice risk-level'}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
    >
      <legend>Risk level (the clinician&apos;s judgement)</legend>
      <div className="choice__options">
        {suicideScreen.riskLevels.map((l) => (
          <label key={l.value} className={onlyHigh && l.value !== 'high' ? 'risk-level--blocked' : undefined}>
            <input
              type="radio"
              name={id}
              checked={value === l.value}
              disabled={onlyHigh && l.value !== 'high'}
              onChange={() => onChange(l.value)}
            />
            {l.label}
          </label>
        ))}
      </div>
      <p className="field__hint" id={hintId}>
        {onlyHigh
          ? 'Only high can be recorded while intent, plan or behaviour is within the past 3 months.'
          : 'Choose with the answers above in view; leave it for later while the screen is a draft.'}
      </p>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
