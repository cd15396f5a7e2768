/** Recording a revocation: from that date the consent cannot be used (CLINICAL.md §6). */
import { useState } from 'react';
import type { Consent, Revocation } from '../../../../shared/domain/consents';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { Choice, TextArea, type Option } from '../../components/controls';
import { todayLocal } from './dates';
import { useConsentAction } from './useConsentAction';

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
  const { form, busy, submit, fieldError, formError } = useConsentAction(
    'revocation',
    () => call('consents.revoke', { id: consent.id, revocation: r }),
    onRevoked,
  );
  return (
    <form
      ref={form}
      className="revoke-form"
      onSubmit={submit}
      aria-label={`Revoke the consent for ${consent.consent.recipient}`}
      noValidate
    >
      {formError && (
        <div className="banner banner--error" role="alert">
          {formError}
        </div>
      )}
      <div className="form-grid">
        <Field
          label="Date revoked"
          type="date"
          value={r.revokedOn}
          onChange={(e) => setR({ ...r, revokedOn: e.target.value })}
          error={fieldError('revokedOn')}
        />
        <Choice
          legend="Revocation received"
          value={r.receivedHow}
          options={RECEIVED}
          onChange={(v) => v && setR({ ...r, receivedHow: v })}
          error={fieldError('receivedHow')}
          required
        />
      </div>
      <TextArea
        label="Note"
        value={r.note}
        onChange={(note) => setR({ ...r, note })}
        error={fieldError('note')}
      />
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
