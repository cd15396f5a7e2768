/**
 * The six-dimension risk review (CLINICAL.md §2): each dimension rated 0–4 with a note. Neutral wording from the
 * shared definition; there is no total and no placement rule — the ratings inform the clinician's choice only.
 * Laid out as one row per dimension (what to consider, the rating, the note) with the scale's words given once
 * above and repeated beside the chosen rating, so six dimensions fit on a screen.
 */
import { useId } from 'react';
import {
  riskReview,
  riskReviewUnrated,
  type RiskRating,
  type RiskReviewAnswers,
  type RiskReviewDimensionId,
} from '../../../../shared/instruments';

export function RiskReviewFields({
  value,
  onChange,
  error = null,
}: {
  value: RiskReviewAnswers;
  onChange: (value: RiskReviewAnswers) => void;
  /** Shown above the rows: e.g. a dimension neither rated nor explained. */
  error?: string | null;
}) {
  const unrated = riskReviewUnrated(value).length;
  const set = (id: RiskReviewDimensionId, patch: { rating?: RiskRating | null; note?: string }) => {
    const entry = value[id] ?? { rating: null, note: '' };
    onChange({ ...value, [id]: { ...entry, ...patch } });
  };
  return (
    <div className="risk-review">
      <p className="risk-review__scale">
        {riskReview.ratings.map((r) => `${r.value} ${r.label.toLowerCase()}`).join(' · ')}.{' '}
        <span className="muted">
          The ratings inform your choice; they do not add up to a level.{' '}
          {unrated > 0
            ? `${unrated} of 6 not rated yet: rate each, or write in its note why it was not rated.`
            : 'All six rated.'}
        </span>
      </p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="risk-review__head" aria-hidden="true">
        <span>Dimension</span>
        <span>Rating</span>
        <span>Note</span>
      </div>
      {riskReview.dimensions.map((d) => (
        <Dimension
          key={d.id}
          label={d.label}
          prompt={d.prompt}
          rating={value[d.id]?.rating ?? null}
          note={value[d.id]?.note ?? ''}
          onRating={(rating) => set(d.id, { rating })}
          onNote={(note) => set(d.id, { note })}
        />
      ))}
    </div>
  );
}

function Dimension({
  label,
  prompt,
  rating,
  note,
  onRating,
  onNote,
}: {
  label: string;
  prompt: string;
  rating: RiskRating | null;
  note: string;
  onRating: (r: RiskRating) => void;
  onNote: (n: string) => void;
}) {
  const id = useId();
  const chosen = riskReview.ratings.find((r) => r.value === rating);
  return (
    <div className="dimension" role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-prompt`}>
      <div className="dimension__what">
        <span className="dimension__label" id={`${id}-label`}>
          {label}
        </span>
        <span className="dimension__prompt" id={`${id}-prompt`}>
          {prompt}
        </span>
      </div>
      <div className="dimension__rating">
        <div className="dimension__ratings">
          {riskReview.ratings.map((r) => (
            <label key={r.value} className="opt opt--number">
              <input
                type="radio"
                name={id}
                checked={rating === r.value}
                onChange={() => onRating(r.value)}
                aria-label={`${r.value}: ${r.label}`}
              />
              <span className="opt__points">{r.value}</span>
            </label>
          ))}
        </div>
        <span className="dimension__chosen" aria-hidden="true">
          {chosen ? chosen.label : 'Not rated'}
        </span>
      </div>
      <div className="field dimension__note">
        <label htmlFor={`${id}-note`} className="visually-hidden">
          Note on {label.toLowerCase()}
          {rating === null ? ', or why it was not rated' : ''}
        </label>
        <input
          id={`${id}-note`}
          type="text"
          value={note}
          onChange={(e) => onNote(e.target.value)}
          placeholder={rating === null ? 'Not rated: say why' : undefined}
        />
      </div>
    </div>
  );
}
