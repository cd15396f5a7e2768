/** Recording a revocation: from that date the consent cannot be used (CLINICAL.md §6). */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Consent, Revocation } from '../../../../shared/domain/consents';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { Choice, TextArea, type Option } from '../../components/controls';
import { todayLocal } from './dates';

const RECEIVED: readonly Option<Revocation['receivedHow']>[] = [
  { value: 'in-writing', label: 'In writing' },
  { value: 'verbally', label: 'Verbally' },
  { value: 'other', label: 'Other' },
];

export function RevokeForm({
  consent,
  onRevoked,
  onCancel,
}: {
  consent: Consent;
  onRevoked: (consent: Consent) => void;
  onCancel: () => void;
}) {
  const [r, setR] = useState<Revocation>({ revokedOn: todayLocal(), receivedHow: 'in-writing', note: '' });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  const err = (key: keyof Revocation) => fieldMessage(error, `revocation.${key}`);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await call('consents.revoke', { id: consent.id, revocation: r });
    setBusy(false);
    if (result.ok) onRevoked(result.value);
    else setError(result.error);
  }

  const onAField = error?.fields.some((f) => f.path.startsWith('revocation.')) ?? false;
  return (
    <form
      ref={first}
      className="revoke-form"
      onSubmit={submit}
      aria-label={`Revoke the consent for ${consent.consent.recipient}`}
      noValidate
    >
      {error && !onAField && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <div className="form-grid">
        <Field
          label="Date revoked"
          type="date"
          value={r.revokedOn}
          onChange={(e) => setR({ ...r, revokedOn: e.target.value })}
          error={err('revokedOn')}
        />
        <Choice
          legend="Revocation received"
          value={r.receivedHow}
          options={RECEIVED}
          onChange={(v) => v && setR({ ...r, receivedHow: v })}
          error={err('receivedHow')}
          required
        />
      </div>
      <TextArea label="Note" value={r.note} onChange={(note) => setR({ ...r, note })} error={err('note')} />
      <div className="actions">
        <button type="submit" className="danger" disabled={busy}>
          Record revocation
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
