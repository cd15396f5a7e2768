/**
 * Recording that the event an event-based consent ends on has happened (CLINICAL.md §6: "expiry date or event").
 * From that date the consent is expired. This is not a revocation, which is the patient's act.
 */
import { useState } from 'react';
import type { Consent, EndEvent } from '../../../../shared/domain/consents';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { todayLocal } from './dates';
import { useConsentAction } from './useConsentAction';

export function EndEventForm({
  consent,
  onRecorded,
  onCancel,
}: {
  consent: Consent;
  onRecorded: (consent: Consent) => void;
  onCancel: () => void;
}) {
  const [e, setE] = useState<EndEvent>({ happenedOn: todayLocal() });
  const { form, busy, submit, fieldError, formError } = useConsentAction(
    'endEvent',
    () => call('consents.recordEndEvent', { id: consent.id, endEvent: e }),
    onRecorded,
  );
  return (
    <form
      ref={form}
      className="end-event-form"
      onSubmit={submit}
      aria-label={`Record that the ending event happened for the consent to ${consent.consent.recipient}`}
      noValidate
    >
      {formError && (
        <div className="banner banner--error" role="alert">
          {formError}
        </div>
      )}
      <p className="end-event-form__event">
        This consent ends when: <strong>{consent.consent.expiryEvent}</strong>. Once recorded, it is expired
        from the date it happened and can no longer be used.
      </p>
      <div className="form-grid">
        <Field
          label="Date it happened"
          type="date"
          value={e.happenedOn}
          max={todayLocal()}
          onChange={(ev) => setE({ happenedOn: ev.target.value })}
          error={fieldError('happenedOn')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Record that it happened
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
