/**
 * The two things a clinician does with red flags (CLINICAL.md §4): acknowledge an alert with the action taken
 * (at least one action and a note saying what was done — the server refuses either missing, beside the field),
 * and record a red-flag symptom seen in person, which raises an alert of its own.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  ALERT_ACTIONS,
  ALERT_ACTION_LABELS,
  ALERT_KIND_LABELS,
  RED_FLAG_SYMPTOMS,
  RED_FLAG_SYMPTOM_LABELS,
  type Alert,
  type RedFlagSymptom,
} from '../../../../shared/domain/alerts';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { TextArea } from '../../components/controls';
import { fromDateTimeLocal, nowToTheMinute, toDateTimeLocal } from '../chart/dates';
import { formatDateTime } from '../../format';

type AlertAction = (typeof ALERT_ACTIONS)[number];

export function AcknowledgeForm({
  alert,
  onDone,
  onCancel,
}: {
  alert: Alert;
  onDone: (alert: Alert) => void;
  onCancel: () => void;
}) {
  const [actions, setActions] = useState<AlertAction[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('alerts.acknowledge', { id: alert.id, acknowledgement: { actions, note } });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Acknowledge the alert">
      <p className="modal__what">
        <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>
        <span className="muted"> · raised {formatDateTime(alert.raisedAtMs)}</span>
      </p>
      <FormError error={error} fieldPaths={['acknowledgement.actions', 'acknowledgement.note']} />
      <Checkboxes
        legend="Action taken"
        ids={ALERT_ACTIONS}
        labels={ALERT_ACTION_LABELS}
        chosen={actions}
        onChange={setActions}
        error={fieldMessage(error, 'acknowledgement.actions')}
      />
      {actions.includes('safety-plan') && (
        <p className="muted">
          The client&apos;s latest signed safety plan (Plans tab) is linked to this acknowledgement.
        </p>
      )}
      <TextArea
        label="What was done"
        value={note}
        onChange={setNote}
        error={fieldMessage(error, 'acknowledgement.note')}
        hint="Required: who was contacted, what was agreed, the follow-up."
        rows={3}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Acknowledge
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RedFlagForm({
  clientId,
  onDone,
  onCancel,
}: {
  clientId: string;
  onDone: (alert: Alert) => void;
  onCancel: () => void;
}) {
  const [symptoms, setSymptoms] = useState<RedFlagSymptom[]>([]);
  const [observedAt, setObservedAt] = useState(() => toDateTimeLocal(nowToTheMinute()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const observedAtMs = fromDateTimeLocal(observedAt);
    if (observedAtMs === null) {
      const message = 'Enter when the symptom was observed.';
      setError({
        code: 'INVALID_INPUT',
        message,
        fields: [{ path: 'record.observedAtMs', message }],
        retryAfterMs: null,
      });
      return;
    }
    setBusy(true);
    const result = await call('alerts.recordRedFlag', { clientId, record: { symptoms, observedAtMs, note } });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Record a red-flag symptom">
      <p className="modal__what">
        Recording raises an alert on this chart that stays until a clinician acknowledges it with the action
        taken.
      </p>
      <FormError error={error} fieldPaths={['record.symptoms', 'record.observedAtMs', 'record.note']} />
      <Checkboxes
        legend="Symptoms"
        ids={RED_FLAG_SYMPTOMS}
        labels={RED_FLAG_SYMPTOM_LABELS}
        chosen={symptoms}
        onChange={setSymptoms}
        error={fieldMessage(error, 'record.symptoms')}
      />
      <Field
        label="Observed at"
        type="datetime-local"
        value={observedAt}
        onChange={(e) => setObservedAt(e.target.value)}
        error={fieldMessage(error, 'record.observedAtMs')}
      />
      <TextArea
        label="Note"
        value={note}
        onChange={setNote}
        error={fieldMessage(error, 'record.note')}
        rows={2}
      />
      <div className="actions">
        <button type="submit" className="primary danger-fill" disabled={busy}>
          Record and raise alert
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** A group of checkboxes over a fixed list, kept in the list's order; its error is tied to the group. */
function Checkboxes<T extends string>({
  legend,
  ids,
  labels,
  chosen,
  onChange,
  error,
}: {
  legend: string;
  ids: readonly T[];
  labels: Record<T, string>;
  chosen: readonly T[];
  onChange: (next: T[]) => void;
  error: string | null;
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className={error ? 'checks checks--error' : 'checks'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      <div className="checks__list">
        {ids.map((id) => (
          <label key={id} className="checks__item">
            <input
              type="checkbox"
              checked={chosen.includes(id)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? ids.filter((x) => x === id || chosen.includes(x))
                    : chosen.filter((x) => x !== id),
                )
              }
            />
            {labels[id]}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
