/** Recording a revocation: from that date the consent cannot be used (CLINICAL.md §6). */
import type { Consent, Revocation } from '../../../../shared/domain/consents';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { Choice, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
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
  const f = useForm<Revocation, Consent>({
    initial: { revokedOn: todayLocal(), receivedHow: 'in-writing', note: '' },
    fieldPrefix: 'revocation',
    send: (revocation) => call('consents.revoke', { id: consent.id, revocation }),
    onDone: onRevoked,
  });
  return (
    <form
      ref={f.form}
      className="revoke-form"
      onSubmit={f.submit}
      aria-label={`Revoke the consent for ${consent.consent.recipient}`}
      noValidate
    >
      <FormMessage message={f.formError} />
      <div className="form-grid">
        <Field label="Date revoked" type="date" {...f.text('revokedOn')} />
        <Choice
          legend="Revocation received"
          {...f.value('receivedHow')}
          onChange={(v) => v && f.set('receivedHow', v)}
          options={RECEIVED}
          required
        />
      </div>
      <TextArea label="Note" {...f.value('note')} />
      <div className="actions">
        <button type="submit" className="danger" disabled={f.busy}>
          Record revocation
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
