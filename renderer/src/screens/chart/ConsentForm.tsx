/**
 * Recording a 42 CFR Part 2 consent (CLINICAL.md §6): one labelled field per required element, so nothing can be
 * left out unnoticed. The server refuses a consent missing an element and names the field; the message is shown
 * beside it and everything typed stays.
 */
import { useState, type FormEvent } from 'react';
import {
  CONSENT_EXPIRY_KINDS,
  CONSENT_EXPIRY_LABELS,
  CONSENT_TYPE_LABELS,
  CONSENT_TYPES,
  type Consent,
  type ConsentInput,
  type ConsentType,
} from '../../../../shared/domain/consents';
import { DISCHARGE_WORDS } from '../../../../shared/domain/discharge';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { CheckField, Choice, TextArea, type Option } from '../../components/controls';
import { todayLocal } from './dates';

const TYPE_HINTS: Record<ConsentType, string> = {
  'single-disclosure': 'One disclosure to one recipient for one purpose.',
  tpo: 'Ongoing disclosures for treatment, payment and health-care operations.',
  'sud-counselling-notes': "The clinician's private counselling notes; they need their own consent.",
};

const TYPE_OPTIONS: readonly Option<ConsentType>[] = CONSENT_TYPES.map((t) => ({
  value: t,
  label: CONSENT_TYPE_LABELS[t],
}));

type Draft = Omit<ConsentInput, 'expiryDate'> & { expiryDate: string };

export function blankConsent(patientName: string, disclosingParty: string): Draft {
  return {
    type: 'single-disclosure',
    patientName,
    disclosingParty,
    informationDescription: '',
    recipient: '',
    recipientAddress: '',
    purpose: '',
    revocationRightExplained: false,
    howToRevoke: '',
    expiryKind: 'date',
    expiryDate: '',
    expiryEvent: '',
    signedBy: 'patient',
    signerName: patientName,
    representativeAuthority: '',
    signedOn: todayLocal(),
    redisclosureStatementIncluded: false,
    refusalConsequencesExplained: false,
  };
}

export function ConsentForm({
  clientId,
  initial,
  onSaved,
  onCancel,
}: {
  clientId: string;
  initial: Draft;
  onSaved: (consent: Consent) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(initial);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const err = (key: keyof ConsentInput) => fieldMessage(error, `consent.${key}`);
  const tpo = d.type === 'tpo';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    // Elements that do not apply are sent empty, so a hidden field never carries a stale answer.
    const consent: ConsentInput = {
      ...d,
      expiryDate: d.expiryKind === 'date' && d.expiryDate !== '' ? d.expiryDate : null,
      expiryEvent: d.expiryKind === 'event' ? d.expiryEvent : '',
      representativeAuthority: d.signedBy === 'authorized-representative' ? d.representativeAuthority : '',
      redisclosureStatementIncluded: tpo && d.redisclosureStatementIncluded,
      refusalConsequencesExplained: tpo && d.refusalConsequencesExplained,
    };
    const result = await call('consents.create', { clientId, consent });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const onAField = error?.fields.some((f) => f.path.startsWith('consent.')) ?? false;
  return (
    <form className="panel consent-form" onSubmit={submit} aria-labelledby="consent-form-title" noValidate>
      <h3 id="consent-form-title">Record a consent to disclose</h3>
      <p className="muted">
        Every element below is required by 42 CFR Part 2. A general medical release is not a Part 2 consent.
      </p>
      {error && !onAField && (
        <div className="banner banner--error" role="alert">
          {error.message}
        </div>
      )}
      <Choice
        legend="Type of consent"
        value={d.type}
        options={TYPE_OPTIONS}
        onChange={(type) => type && set({ type })}
        error={err('type')}
        hint={TYPE_HINTS[d.type]}
        required
      />
      <div className="form-grid">
        <Field
          label="Patient name"
          value={d.patientName}
          onChange={(e) => set({ patientName: e.target.value })}
          error={err('patientName')}
        />
        <Field
          label="Who may disclose"
          value={d.disclosingParty}
          onChange={(e) => set({ disclosingParty: e.target.value })}
          error={err('disclosingParty')}
          hint="The programme or person permitted to make the disclosure."
        />
      </div>
      <TextArea
        label="Information to be disclosed"
        value={d.informationDescription}
        onChange={(informationDescription) => set({ informationDescription })}
        error={err('informationDescription')}
        hint="Describe it specifically, e.g. attendance dates and taper progress from 1 to 30 November."
      />
      <div className="form-grid">
        <Field
          label="Recipient (name or class)"
          value={d.recipient}
          onChange={(e) => set({ recipient: e.target.value })}
          error={err('recipient')}
        />
        <Field
          label="Recipient address"
          value={d.recipientAddress}
          onChange={(e) => set({ recipientAddress: e.target.value })}
          error={err('recipientAddress')}
          hint="If known."
        />
      </div>
      <TextArea
        label="Purpose of the disclosure"
        value={d.purpose}
        onChange={(purpose) => set({ purpose })}
        error={err('purpose')}
      />
      <CheckField
        label="The right to revoke this consent in writing is stated on the form"
        checked={d.revocationRightExplained}
        onChange={(revocationRightExplained) => set({ revocationRightExplained })}
        error={err('revocationRightExplained')}
      />
      <TextArea
        label="How to revoke"
        value={d.howToRevoke}
        onChange={(howToRevoke) => set({ howToRevoke })}
        error={err('howToRevoke')}
        hint="E.g. in writing to the clinic, at any time."
      />
      <ExpiryFields d={d} set={set} err={err} />
      <SignatureFields d={d} set={set} err={err} />
      {tpo && (
        <fieldset className="consent-form__tpo">
          <legend>Also required for treatment, payment and operations</legend>
          <CheckField
            label="The redisclosure statement is included"
            checked={d.redisclosureStatementIncluded}
            onChange={(redisclosureStatementIncluded) => set({ redisclosureStatementIncluded })}
            error={err('redisclosureStatementIncluded')}
          />
          <CheckField
            label="The consequences of refusing to sign were explained"
            checked={d.refusalConsequencesExplained}
            onChange={(refusalConsequencesExplained) => set({ refusalConsequencesExplained })}
            error={err('refusalConsequencesExplained')}
          />
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Record consent
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {onAField && <span className="field__error">Not saved: see the message beside the field.</span>}
      </div>
    </form>
  );
}

interface PartProps {
  d: Draft;
  set: (patch: Partial<Draft>) => void;
  err: (key: keyof ConsentInput) => string | null;
}

const EXPIRY: readonly Option<Draft['expiryKind']>[] = CONSENT_EXPIRY_KINDS.map((value) => ({
  value,
  label: CONSENT_EXPIRY_LABELS[value],
}));

function ExpiryFields({ d, set, err }: PartProps) {
  return (
    <div className="form-grid">
      <Choice
        legend="Consent expires"
        value={d.expiryKind}
        options={EXPIRY}
        onChange={(k) => k && set({ expiryKind: k })}
        error={err('expiryKind')}
        required
      />
      {d.expiryKind === 'date' && (
        <Field
          label="Expiry date"
          type="date"
          value={d.expiryDate}
          onChange={(e) => set({ expiryDate: e.target.value })}
          error={err('expiryDate')}
        />
      )}
      {d.expiryKind === 'discharge' && (
        <p className="field__hint">
          The consent expires on the client’s discharge date (or the day it was signed, if that is later),
          recorded when the discharge summary is signed or the client is set to Discharged. Not for a client
          already discharged.
        </p>
      )}
      {d.expiryKind === 'event' && (
        <Field
          label="Expiry event"
          value={d.expiryEvent}
          onChange={(e) => set({ expiryEvent: e.target.value })}
          error={err('expiryEvent')}
          hint="E.g. the end of a court order. For the discharge, choose “When the client is discharged”."
        />
      )}
      {d.expiryKind === 'event' && DISCHARGE_WORDS.test(d.expiryEvent) && (
        <p className="field__hint" role="status">
          If this means the client’s discharge from this clinic, choose “When the client is discharged”: only
          then does the discharge end the consent by itself.
        </p>
      )}
    </div>
  );
}

const SIGNED_BY: readonly Option<Draft['signedBy']>[] = [
  { value: 'patient', label: 'The patient' },
  { value: 'authorized-representative', label: 'An authorised representative' },
];

function SignatureFields({ d, set, err }: PartProps) {
  return (
    <>
      <div className="form-grid">
        <Choice
          legend="Signed by"
          value={d.signedBy}
          options={SIGNED_BY}
          onChange={(s) => s && set({ signedBy: s })}
          error={err('signedBy')}
          required
        />
        {d.signedBy === 'authorized-representative' && (
          <Field
            label="Authority of the representative"
            value={d.representativeAuthority}
            onChange={(e) => set({ representativeAuthority: e.target.value })}
            error={err('representativeAuthority')}
            hint="E.g. legal guardian, health-care proxy."
          />
        )}
      </div>
      <div className="form-grid">
        <Field
          label="Name of the person who signed"
          value={d.signerName}
          onChange={(e) => set({ signerName: e.target.value })}
          error={err('signerName')}
        />
        <Field
          label="Date signed"
          type="date"
          value={d.signedOn}
          onChange={(e) => set({ signedOn: e.target.value })}
          error={err('signedOn')}
        />
      </div>
    </>
  );
}
