/**
 * Level-of-care criteria as the record shows them, grouped by level: each with its state (met, not met, unknown
 * when the record does not say, or the clinician's judgement) and the evidence it was read from. Judgement criteria
 * take a yes/no from the clinician. The cold-turkey cautions are a warning, not a level.
 */
import { useId } from 'react';
import { LEVEL_LABELS, type Criterion, type CriterionGroup } from '../../../../shared/domain/levelOfCare';

const STATE_TEXT: Record<Criterion['state'], string> = {
  met: 'Met',
  'not-met': 'Not met',
  unknown: 'Unknown',
  judgement: "Clinician's judgement",
};

export const GROUP_TITLES: Record<CriterionGroup, string> = {
  taper: LEVEL_LABELS.taper,
  detox: LEVEL_LABELS.detox,
  residential: LEVEL_LABELS.residential,
  'cold-turkey': 'Caution against stopping cold turkey',
};

export function CriteriaGroup({
  group,
  criteria,
  judgements,
  onJudge,
}: {
  group: CriterionGroup;
  criteria: readonly Criterion[];
  judgements: Readonly<Record<string, boolean>>;
  onJudge: (id: string, value: boolean) => void;
}) {
  const titleId = useId();
  const items = criteria.filter((c) => c.group === group);
  const warning = group === 'cold-turkey';
  const metCount = items.filter((c) => c.state === 'met' || judgements[c.id] === true).length;
  return (
    <section
      className={warning ? 'criteria criteria--warning' : 'criteria'}
      aria-labelledby={titleId}
      data-group={group}
    >
      <h4 id={titleId}>
        {warning && <span aria-hidden="true">⚠ </span>}
        {GROUP_TITLES[group]}{' '}
        <span className="criteria__count">
          {metCount} of {items.length} met
        </span>
      </h4>
      <ul className="criteria__list">
        {items.map((c) => (
          <li key={c.id} className={`criterion criterion--${c.state}`} data-criterion={c.id}>
            <span className={`state-chip state-chip--${c.state}`}>{STATE_TEXT[c.state]}</span>
            <div className="criterion__text">
              <span className="criterion__label">{c.label}</span>
              {c.evidence && <span className="criterion__evidence">{c.evidence}</span>}
            </div>
            {c.state === 'judgement' && (
              <Judgement
                label={c.label}
                value={judgements[c.id] ?? null}
                onChange={(v) => onJudge(c.id, v)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Judgement({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
}) {
  const name = useId();
  return (
    <fieldset className="judgement">
      <legend className="visually-hidden">{label}: your judgement</legend>
      <label>
        <input type="radio" name={name} checked={value === true} onChange={() => onChange(true)} />
        Yes
      </label>
      <label>
        <input type="radio" name={name} checked={value === false} onChange={() => onChange(false)} />
        No
      </label>
    </fieldset>
  );
}
