/** One goal of the plan editor: its text, target date and status, its objectives and its interventions. */
import { PLAN_ITEM_STATUS_LABELS, type Goal } from '../../../../shared/domain/treatmentPlans';
import { Field } from '../../components/Field';
import { SelectField, TextArea } from '../../components/controls';
import { options } from './noteLabels';
import { newObjective, removeAt, replaceAt } from './planDraft';

const STATUSES = options(PLAN_ITEM_STATUS_LABELS);

/** The server's message for a path under this goal (`objectives.0.text`), or null. */
export type GoalError = (path: string) => string | null;

export function PlanGoalFields({
  goal,
  number,
  onChange,
  onRemove,
  err,
}: {
  goal: Goal;
  /** "1.2": problem 1, goal 2. */
  number: string;
  onChange: (goal: Goal) => void;
  onRemove: (() => void) | null;
  err: GoalError;
}) {
  const set = (patch: Partial<Goal>) => onChange({ ...goal, ...patch });
  return (
    <fieldset className="plan-goal-fields">
      <legend>Goal {number}</legend>
      <TextArea label="Goal" value={goal.text} onChange={(text) => set({ text })} error={err('text')} />
      <div className="plan-row">
        <Field
          label="Goal target date"
          type="date"
          value={goal.targetDate ?? ''}
          onChange={(e) => set({ targetDate: e.target.value || null })}
          error={err('targetDate')}
        />
        <SelectField
          label="Goal status"
          value={goal.status}
          options={STATUSES}
          onChange={(status) => set({ status })}
          error={err('status')}
        />
      </div>
      {goal.objectives.map((o, i) => {
        const objective = (patch: Partial<typeof o>) =>
          set({ objectives: replaceAt(goal.objectives, i, { ...o, ...patch }) });
        const oErr = (key: string) => err(`objectives.${i}.${key}`);
        return (
          <fieldset key={o.id} className="plan-objective">
            <legend>
              Objective {number}.{i + 1}
            </legend>
            <TextArea
              label="Objective"
              value={o.text}
              onChange={(text) => objective({ text })}
              error={oErr('text')}
            />
            <div className="plan-objective__grid">
              <Field
                label="Measure"
                hint="How progress is measured, e.g. grams a day in the use log."
                value={o.measure}
                onChange={(e) => objective({ measure: e.target.value })}
                error={oErr('measure')}
              />
              <Field
                label="Target date"
                type="date"
                value={o.targetDate ?? ''}
                onChange={(e) => objective({ targetDate: e.target.value || null })}
                error={oErr('targetDate')}
              />
              <SelectField
                label="Status"
                value={o.status}
                options={STATUSES}
                onChange={(status) => objective({ status })}
                error={oErr('status')}
              />
            </div>
            <button
              type="button"
              className="link"
              onClick={() => set({ objectives: removeAt(goal.objectives, i) })}
            >
              Remove objective {number}.{i + 1}
            </button>
          </fieldset>
        );
      })}
      {err('objectives') && <p className="field__error">{err('objectives')}</p>}
      <button type="button" onClick={() => set({ objectives: [...goal.objectives, newObjective()] })}>
        Add objective
      </button>
      <fieldset className="plan-interventions-fields">
        <legend>Interventions for goal {number}</legend>
        {goal.interventions.map((text, i) => (
          <div key={i} className="plan-intervention">
            <Field
              label={`Intervention ${i + 1}`}
              value={text}
              onChange={(e) => set({ interventions: replaceAt(goal.interventions, i, e.target.value) })}
              error={err(`interventions.${i}`)}
            />
            <button
              type="button"
              className="link"
              onClick={() => set({ interventions: removeAt(goal.interventions, i) })}
            >
              Remove<span className="visually-hidden"> intervention {i + 1}</span>
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ interventions: [...goal.interventions, ''] })}>
          Add intervention
        </button>
      </fieldset>
      {onRemove && (
        <button type="button" className="link danger-link" onClick={onRemove}>
          Remove goal {number}
        </button>
      )}
    </fieldset>
  );
}
