/**
 * Recording that the event an event-based consent ends on has happened (CLINICAL.md §6: "expiry date or event").
 * From that date the consent is expired. This is not a revocation, which is the patient's act.
 */
import type { Consent, EndEvent } from '../../../../shared/domain/consents';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { useForm } from '../../components/useForm';
import { todayLocal } from './dates';

export function EndEventForm({
  consent,
  onRecorded,
  onCancel,
}: {
  consent: Consent;
  onRecorded: (consent: Consent) => void;
  onCancel: () => void;
}) {
  const f = useForm<EndEvent, Consent>({
    initial: { happenedOn: todayLocal() },
    fieldPrefix: 'endEvent',
    send: (endEvent) => call('consents.recordEndEvent', { id: consent.id, endEvent }),
    onDone: onRecorded,
  });
  return (
    <form
      ref={f.form}
      className="end-event-form"
      onSubmit={f.submit}
      aria-label={`Record that the ending event happened for the consent to ${consent.consent.recipient}`}
      noValidate
    >
      <FormMessage message={f.formError} />
      <p className="end-event-form__event">
        This consent ends when: <strong>{consent.consent.expiryEvent}</strong>. Once recorded, it is expired
        from the date it happened and can no longer be used.
      </p>
      <div className="form-grid">
        <Field label="Date it happened" type="date" max={todayLocal()} {...f.text('happenedOn')} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy}>
          Record that it happened
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
