/**
 * Recording that the event an event-based consent ends on has happened (CLINICAL.md §6: "expiry date or event").
 * From that date the consent is expired. This is not a revocation, which is the patient's act.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Consent, EndEvent } from '../../../../shared/domain/consents';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
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
  const [e, setE] = useState<EndEvent>({ happenedOn: todayLocal() });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  const err = (key: keyof EndEvent) => fieldMessage(error, `endEvent.${key}`);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('consents.recordEndEvent', { id: consent.id, endEvent: e });
    setBusy(false);
    if (result.ok) onRecorded(result.value);
    else setError(result.error);
  }

  const onAField = error?.fields.some((f) => f.path.startsWith('endEvent.')) ?? false;
  return (
    <form
      ref={form}
      className="end-event-form"
      onSubmit={submit}
      aria-label={`Record that the ending event happened for the consent to ${consent.consent.recipient}`}
      noValidate
    >
      {error && !onAField && (
        <div className="banner banner--error" role="alert">
          {error.message}
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
          error={err('happenedOn')}
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
