/**
 * Level-of-care support (CLINICAL.md §3): which criteria the record meets for a clinician-guided taper, a medically
 * supported detox or a residential / higher level of care, the cold-turkey cautions, and the lowest level whose
 * criteria are met — offered as a suggestion, recomputed as the clinician answers the judgement criteria. The
 * clinician chooses the level and writes the reason (required); every decision is kept with its reason, who and
 * when, and appears on the chart's timeline.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  CRITERIA_LEVELS,
  LEVELS,
  LEVEL_LABELS,
  dimensionsWithoutRatingOrReason,
  suggestedLevel,
  suggestionGaps,
  type Level,
  type LevelOfCareDecision,
} from '../../../../shared/domain/levelOfCare';
import type { RiskReviewAnswers } from '../../../../shared/instruments';
import type { LevelOfCareView } from '../../../../shared/ipc/contract';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { FormError } from '../../components/FormError';
import { TextArea } from '../../components/controls';
import { CriteriaGroup } from './CriteriaList';
import { DecisionHistory } from './DecisionHistory';
import { RiskReviewFields } from './RiskReviewFields';
import './levelOfCare.css';

const FIELD_PATHS = ['decision.level', 'decision.reason', 'decision.judgements', 'decision.dimensionRatings'];

export function LevelOfCareTab({
  clientId,
  active,
  onChanged,
}: {
  clientId: string;
  /** The tab is showing: the criteria are re-read each time it is opened, as intake and scores may have changed. */
  active: boolean;
  onChanged: () => void;
}) {
  const [view, setView] = useState<LevelOfCareView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [judgements, setJudgements] = useState<Record<string, boolean>>({});
  const [ratings, setRatings] = useState<RiskReviewAnswers>({});
  const [level, setLevel] = useState<Level | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const levelName = useId();

  useEffect(() => {
    if (!active) return;
    let live = true;
    void call('levelOfCare.get', { clientId }).then((r) => {
      if (!live) return;
      if (r.ok) setView(r.value);
      else setLoadError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [clientId, active]);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!view) return <div aria-busy="true" />;

  const suggested = suggestedLevel(view.criteria, judgements);
  const gaps = suggestionGaps(view.criteria, judgements);
  const levelError = fieldMessage(error, 'decision.level');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !view) return;
    if (level === null) {
      const message = 'Choose the level of care.';
      setError({
        code: 'INVALID_INPUT',
        message,
        fields: [{ path: 'decision.level', message }],
        retryAfterMs: null,
      });
      return;
    }
    // Only dimensions the clinician touched are sent: an untouched one is "not rated", not a rating of 0.
    const dimensionRatings: RiskReviewAnswers = Object.fromEntries(
      Object.entries(ratings).filter(([, v]) => v.rating !== null || v.note.trim() !== ''),
    );
    const unreviewed = dimensionsWithoutRatingOrReason(dimensionRatings);
    if (unreviewed.length > 0) {
      const message = `Rate each dimension of the risk review, or write in its note why it was not rated: ${unreviewed.join(', ')}.`;
      setError({
        code: 'INVALID_INPUT',
        message,
        fields: [{ path: 'decision.dimensionRatings', message }],
        retryAfterMs: null,
      });
      return;
    }
    setBusy(true);
    const result = await call('levelOfCare.decide', {
      clientId,
      decision: { level, reason, judgements, dimensionRatings },
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setStatus('');
      return;
    }
    const decision: LevelOfCareDecision = result.value;
    setView({ ...view, decisions: [decision, ...view.decisions] });
    setError(null);
    setLevel(null);
    setReason('');
    setStatus(`Decision recorded: ${LEVEL_LABELS[decision.decision.level]}.`);
    onChanged();
  }

  return (
    <div className="loc">
      <h2>Level of care</h2>
      <div className="loc__suggestion" data-testid="suggested-level">
        {suggested !== null ? (
          <>
            <span className="loc__suggestion-label">
              Suggested (lowest safe level whose criteria are met):
            </span>{' '}
            <strong>{LEVEL_LABELS[suggested]}</strong>
          </>
        ) : gaps.missing.length > 0 ? (
          <p className="loc__no-suggestion">
            <strong>Not enough information to suggest a level</strong> — record:{' '}
            {gaps.missing.map((c) => c.label).join('; ')}.
          </p>
        ) : (
          <p className="loc__no-suggestion">
            <strong>No level suggested</strong> — nothing calls for detox or residential care, but a
            clinician-guided taper needs all of its criteria, and these are not met:{' '}
            {gaps.taperNotMet.map((c) => c.label).join('; ')}. Outpatient, intensive outpatient or partial
            hospitalisation may fit: choose below and say why.
          </p>
        )}
        <p className="muted">
          A suggestion from the record and your judgements below, not a placement. You choose the level and
          say why.
        </p>
      </div>
      <CriteriaGroup
        group="cold-turkey"
        criteria={view.criteria}
        judgements={judgements}
        onJudge={(id, v) => setJudgements({ ...judgements, [id]: v })}
      />
      <section className="panel" aria-labelledby="criteria-title">
        <h3 id="criteria-title">Criteria from the record</h3>
        <div className="criteria-grid">
          {CRITERIA_LEVELS.map((g) => (
            <CriteriaGroup
              key={g}
              group={g}
              criteria={view.criteria}
              judgements={judgements}
              onJudge={(id, v) => setJudgements({ ...judgements, [id]: v })}
            />
          ))}
        </div>
      </section>
      <form
        className="panel loc__decide"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-labelledby="decide-title"
      >
        <h3 id="decide-title">Decide the level of care</h3>
        <FormError error={error} fieldPaths={FIELD_PATHS} />
        <h4>Six-dimension risk review</h4>
        <RiskReviewFields
          value={ratings}
          onChange={setRatings}
          error={fieldMessage(error, 'decision.dimensionRatings')}
        />
        <fieldset
          className={levelError ? 'choice choice--error loc__level' : 'choice loc__level'}
          aria-describedby={levelError ? `${levelName}-error` : undefined}
        >
          <legend>Level of care chosen</legend>
          <div className="choice__options">
            {LEVELS.map((l) => (
              <label key={l}>
                <input type="radio" name={levelName} checked={level === l} onChange={() => setLevel(l)} />
                {LEVEL_LABELS[l]}
                {l === suggested && <span className="muted"> (suggested)</span>}
              </label>
            ))}
          </div>
          {levelError && (
            <p className="field__error" id={`${levelName}-error`} role="alert">
              {levelError}
            </p>
          )}
        </fieldset>
        <TextArea
          label="Reason for this level of care"
          value={reason}
          onChange={setReason}
          error={fieldMessage(error, 'decision.reason')}
          hint="Required. What in the record and the review led to this choice."
          rows={3}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Record decision
          </button>
          <span role="status" className="saved-note">
            {status}
          </span>
        </div>
      </form>
      <section className="panel" aria-labelledby="decisions-title">
        <h3 id="decisions-title">
          Decisions <span className="muted">({view.decisions.length})</span>
        </h3>
        <DecisionHistory decisions={view.decisions} />
      </section>
    </div>
  );
}
