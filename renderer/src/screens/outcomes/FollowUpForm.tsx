/** Recording one follow-up contact, with the relapse-prevention plan a click away during the call. */
import { useState } from 'react';
import {
  AFTERCARE_ANSWERS,
  AFTERCARE_LABELS,
  CONTACT_RESULTS,
  CONTACT_RESULT_LABELS,
  USING_ANSWERS,
  USING_LABELS,
  type FollowUpOutcome,
} from '../../../../shared/domain/followUp';
import type { RecoveryPlan } from '../../../../shared/domain/recoveryPlans';
import type { FollowUpWorklist } from '../../../../shared/ipc/channels/outcomes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { CheckField, Choice, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { PlanView } from '../plans/PlanView';
import { todayLocal } from '../chart/dates';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>): Option<T>[] =>
  values.map((value) => ({ value, label: labels[value] }));

export function FollowUpForm({
  item,
  onSaved,
  onCancel,
}: {
  item: FollowUpWorklist['items'][number];
  onSaved: (what: string) => void;
  onCancel: () => void;
}) {
  const f = useForm<FollowUpOutcome, { id: string }>({
    initial: {
      contactedOn: todayLocal(),
      result: 'reached',
      using: 'not-asked',
      aftercare: 'not-asked',
      readmissionOffered: false,
      note: '',
    },
    fieldPrefix: 'outcome',
    send: (outcome) =>
      call('followUps.record', {
        clientId: item.clientId,
        dischargeId: item.dischargeId,
        day: item.day,
        outcome,
      }),
    onDone: (_r, v) =>
      onSaved(
        `${item.day}-day follow-up recorded for ${item.clientName}: ${CONTACT_RESULT_LABELS[v.result]}.`,
      ),
  });
  const reached = f.values.result === 'reached';
  const setResult = (result: FollowUpOutcome['result'] | null) => {
    if (!result) return;
    // Answers only a reached client can give are cleared when the call did not reach them.
    f.setValues((v) => ({
      ...v,
      result,
      ...(result === 'reached' ? {} : { using: 'not-asked', aftercare: 'not-asked' }),
    }));
  };
  return (
    <div className="follow-up-call">
      <form
        ref={f.form}
        className="panel"
        aria-label="Record a follow-up contact"
        onSubmit={f.submit}
        noValidate
      >
        <h2>
          {item.day}-day follow-up: {item.clientName}
        </h2>
        <p className="muted">
          Phone {item.phone || 'not recorded'}; chart {item.chartNumber}.
        </p>
        <FormMessage message={f.formError} />
        <Field label="Date of the contact" type="date" {...f.text('contactedOn')} />
        <Choice
          legend="Result of the call"
          options={options(CONTACT_RESULTS, CONTACT_RESULT_LABELS)}
          required
          value={f.values.result}
          onChange={setResult}
          error={f.fieldError('outcome.result')}
        />
        {reached && (
          <>
            <Choice
              legend="Using since discharge"
              options={options(USING_ANSWERS, USING_LABELS)}
              required
              {...f.value('using')}
              onChange={(v) => v && f.set('using', v)}
            />
            <Choice
              legend="Aftercare"
              options={options(AFTERCARE_ANSWERS, AFTERCARE_LABELS)}
              required
              {...f.value('aftercare')}
              onChange={(v) => v && f.set('aftercare', v)}
            />
          </>
        )}
        <CheckField label="Re-admission offered" {...f.check('readmissionOffered')} />
        <TextArea label="Note" rows={2} {...f.value('note')} />
        <div className="actions">
          <button type="submit" className="primary" disabled={f.busy}>
            Save contact
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <RelapsePlan clientId={item.clientId} />
    </div>
  );
}

/** The latest signed relapse-prevention plan, read when asked for (reading it is audited). */
function RelapsePlan({ clientId }: { clientId: string }) {
  const [plan, setPlan] = useState<RecoveryPlan | null | 'none'>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    const r = await call('recoveryPlans.list', { clientId, kind: 'relapse-prevention' });
    if (!r.ok) return setError(r.error.message);
    setPlan(r.value.find((p) => p.signedAtMs !== null) ?? 'none');
  };
  return (
    <section className="panel" aria-labelledby="call-plan">
      <h2 id="call-plan">Relapse-prevention plan</h2>
      <FormMessage message={error} />
      {plan === null ? (
        <button type="button" onClick={() => void open()}>
          Show the relapse-prevention plan
        </button>
      ) : plan === 'none' ? (
        <p className="muted">This client has no signed relapse-prevention plan.</p>
      ) : (
        <PlanView plan={plan} />
      )}
    </section>
  );
}
