/**
 * Writing or revising the treatment plan. Saving always makes a new version (`plans.save` with the version it
 * started from, so a revision made elsewhere meanwhile is refused, not overwritten); a revision needs a reason.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TreatmentPlan, TreatmentPlanInput } from '../../../../shared/domain/treatmentPlans';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField, TextArea, type Option } from '../../components/controls';
import { PlanGoalFields } from './PlanGoalFields';
import { newGoal, newProblem, removeAt, replaceAt, withoutBlankInterventions } from './planDraft';

const PLAN_STATUSES: readonly Option<TreatmentPlanInput['status']>[] = [
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

export function PlanEditor({
  clientId,
  initial,
  baseVersion,
  onSaved,
  onCancel,
}: {
  clientId: string;
  initial: TreatmentPlanInput;
  /** 0 for a first plan; otherwise the version being revised. */
  baseVersion: number;
  onSaved: (saved: TreatmentPlan) => void;
  onCancel: () => void;
}) {
  const [plan, setPlan] = useState(initial);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const revising = baseVersion > 0;
  const dirty = JSON.stringify(plan) !== JSON.stringify(initial);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
  }, []);

  // Closing or reloading the window with an unsaved plan asks first.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const err = (path: string) => fieldMessage(error, `plan.${path}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const cleaned = withoutBlankInterventions(plan);
    setPlan(cleaned);
    setBusy(true);
    const result = await call('plans.save', { clientId, baseVersion, plan: cleaned });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const onAField = error?.fields.some((f) => f.path.startsWith('plan.')) ?? false;
  return (
    <form
      ref={form}
      className="plan-editor"
      aria-label={revising ? `Revise treatment plan version ${baseVersion}` : 'Write the treatment plan'}
      onSubmit={submit}
      noValidate
    >
      {error && !onAField && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <div className="plan-row">
        <SelectField
          label="Plan status"
          value={plan.status}
          options={PLAN_STATUSES}
          onChange={(status) => setPlan({ ...plan, status })}
          error={err('status')}
        />
        <Field
          label="Review date"
          type="date"
          value={plan.reviewDate}
          onChange={(e) => setPlan({ ...plan, reviewDate: e.target.value })}
          error={err('reviewDate')}
        />
      </div>
      {plan.problems.map((p, pi) => {
        const setProblem = (next: typeof p) =>
          setPlan({ ...plan, problems: replaceAt(plan.problems, pi, next) });
        return (
          <fieldset key={p.id} className="plan-problem-fields">
            <legend>Problem {pi + 1}</legend>
            <TextArea
              label="Problem"
              value={p.text}
              onChange={(text) => setProblem({ ...p, text })}
              error={err(`problems.${pi}.text`)}
            />
            {p.goals.map((g, gi) => (
              <PlanGoalFields
                key={g.id}
                goal={g}
                number={`${pi + 1}.${gi + 1}`}
                onChange={(goal) => setProblem({ ...p, goals: replaceAt(p.goals, gi, goal) })}
                onRemove={
                  p.goals.length > 1 ? () => setProblem({ ...p, goals: removeAt(p.goals, gi) }) : null
                }
                err={(path) => err(`problems.${pi}.goals.${gi}.${path}`)}
              />
            ))}
            {err(`problems.${pi}.goals`) && <p className="field__error">{err(`problems.${pi}.goals`)}</p>}
            <div className="actions">
              <button type="button" onClick={() => setProblem({ ...p, goals: [...p.goals, newGoal()] })}>
                Add goal to problem {pi + 1}
              </button>
              {plan.problems.length > 1 && (
                <button
                  type="button"
                  className="link danger-link"
                  onClick={() => setPlan({ ...plan, problems: removeAt(plan.problems, pi) })}
                >
                  Remove problem {pi + 1}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => setPlan({ ...plan, problems: [...plan.problems, newProblem()] })}>
        Add problem
      </button>
      {revising && (
        <div className="plan-editor__reason">
          <TextArea
            label="Reason for revision"
            hint="Required: what changed and why. Earlier versions are kept."
            value={plan.revisionNote}
            onChange={(revisionNote) => setPlan({ ...plan, revisionNote })}
            error={err('revisionNote')}
          />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {revising ? `Save as version ${baseVersion + 1}` : 'Save plan'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onAField && <span className="field__error">Not saved: see the messages beside the fields.</span>}
      </div>
    </form>
  );
}
