/**
 * A signed MAT coordination note as it was signed: its content, the linked ratings as frozen at signing, its
 * addenda; an addendum form (re-authenticated); and the summary for the prescriber, which is only ever a disclosure
 * under an active consent that names them (CLINICAL.md §6) — the server refuses any other and records the one it
 * prints in the accounting of disclosures.
 */
import { useState } from 'react';
import { consentStatus, type Consent } from '../../../../shared/domain/consents';
import {
  ADHERENCE_LABELS,
  UDS_LABELS,
  UDS_SUBSTANCES,
  YES_NO_ASKED_LABELS,
  consentNamesPrescriber,
  type MatNote,
} from '../../../../shared/domain/matNotes';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { SelectField, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { formatDateTime } from '../../format';
import { formatDate, todayLocal } from '../chart/dates';
import { AddendumForm } from '../sessions/PassphraseForms';
import { ratingText } from './MatNoteEditor';

export function MatNoteView({
  note,
  consents,
  prescribers,
  onChanged,
}: {
  note: MatNote;
  consents: readonly Consent[];
  prescribers: readonly string[];
  onChanged: (n: MatNote) => void;
}) {
  const [adding, setAdding] = useState(false);
  const [summary, setSummary] = useState(false);
  const c = note.content;
  const tested = UDS_SUBSTANCES.filter((s) => c.uds[s] !== undefined && c.uds[s] !== 'not-tested');
  return (
    <article className="panel mat-view" aria-label={`MAT coordination note of ${formatDate(c.contactDate)}`}>
      <p className="eyebrow">
        MAT coordination note{c.induction ? ' · Induction' : ''} ·{' '}
        <span className="badge badge--signed">Signed</span>{' '}
        {note.signedAtMs !== null && `${formatDateTime(note.signedAtMs)} by ${note.signedByName ?? ''}`}
      </p>
      <h3>{formatDate(c.contactDate)}</h3>
      <dl className="mat-view__facts">
        <Fact term="Medication and dose now">{c.medicationNow}</Fact>
        <Fact term="Adherence">{ADHERENCE_LABELS[c.adherence]}</Fact>
        <Fact term="Missed doses">{c.missedDoses}</Fact>
        <Fact term="Side effects">{c.sideEffects}</Fact>
        <Fact term="Craving (0–10)">{c.craving === null ? 'Not asked' : String(c.craving)}</Fact>
        <Fact term="Use since last contact">{c.useSinceLastContact}</Fact>
        <Fact term="Naloxone on hand">{YES_NO_ASKED_LABELS[c.naloxoneOnHand]}</Fact>
        <Fact term="Safe storage">{YES_NO_ASKED_LABELS[c.safeStorage]}</Fact>
        <Fact term="Urine drug screen">
          {tested.length === 0
            ? 'Not tested'
            : `${formatDate(c.udsCollectedOn)}: ${tested
                .map((s) => `${UDS_LABELS[s]} ${c.uds[s] === 'positive' ? 'positive' : 'negative'}`)
                .join('; ')}`}
        </Fact>
        <Fact term="Plan">{c.plan}</Fact>
        <Fact term="Next appointment">{c.nextAppointment}</Fact>
      </dl>
      <h4>Withdrawal ratings (as signed)</h4>
      {note.ratings.length === 0 ? (
        <p className="muted">None linked.</p>
      ) : (
        <ol className="mat-view__ratings">
          {note.ratings.map((r) => (
            <li key={r.id}>{ratingText(r)}</li>
          ))}
        </ol>
      )}
      {note.addenda.map((a) => (
        <section key={a.id} className="addendum">
          <h4>
            Addendum, {formatDateTime(a.signedAtMs)} by {a.signedByName ?? ''}
          </h4>
          <p className="prewrap">{a.text}</p>
        </section>
      ))}
      {adding ? (
        <AddendumForm
          onCancel={() => setAdding(false)}
          onSubmit={async (text, passphrase) => {
            const r = await call('matNotes.addAddendum', { id: note.id, addendum: { text }, passphrase });
            if (!r.ok) return r.error;
            setAdding(false);
            onChanged(r.value);
            return null;
          }}
        />
      ) : summary ? (
        <SummaryForm
          note={note}
          consents={consents}
          prescribers={prescribers}
          onClose={() => setSummary(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" onClick={() => setAdding(true)}>
            Add addendum…
          </button>
          <button type="button" onClick={() => setSummary(true)}>
            Summary for the prescriber…
          </button>
        </div>
      )}
    </article>
  );
}

function Fact({ term, children }: { term: string; children: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className="prewrap">{children.trim() === '' ? '—' : children}</dd>
    </div>
  );
}

interface SummaryValues {
  prescriber: string;
  consentId: string;
  recipientAddress: string;
  purpose: string;
  paper: 'letter' | 'a4';
}

const PAPERS: readonly Option<'letter' | 'a4'>[] = [
  { value: 'letter', label: 'Letter' },
  { value: 'a4', label: 'A4' },
];

function SummaryForm({
  note,
  consents,
  prescribers,
  onClose,
}: {
  note: MatNote;
  consents: readonly Consent[];
  prescribers: readonly string[];
  onClose: () => void;
}) {
  const today = todayLocal();
  const active = consents.filter((k) => consentStatus(k, today) === 'active');
  const [written, setWritten] = useState<string | null>(null);
  const f = useForm<SummaryValues, { path: string }>({
    initial: {
      prescriber: prescribers[0] ?? '',
      consentId: '',
      recipientAddress: '',
      purpose: '',
      paper: 'letter',
    },
    fieldPrefix: 'disclosure',
    send: ({ paper, ...disclosure }) => call('matNotes.printSummary', { id: note.id, paper, disclosure }),
    onDone: (r) => setWritten(r.path),
  });
  const naming = active.filter((k) => consentNamesPrescriber(k.consent.recipient, f.values.prescriber));
  const consentAddress = naming.find((k) => k.id === f.values.consentId)?.consent.recipientAddress ?? '';
  const consentOptions: Option<string>[] = [
    {
      value: '',
      label: naming.length === 0 ? 'No active consent names this prescriber' : 'Choose a consent',
    },
    ...naming.map((k) => ({
      value: k.id,
      label: `${k.consent.recipient} — signed ${formatDate(k.consent.signedOn)}`,
    })),
  ];
  return (
    <form
      ref={f.form}
      className="sign-form mat-summary"
      aria-label="Summary for the prescriber"
      onSubmit={f.submit}
      noValidate
    >
      <h3>Summary for the prescriber</h3>
      <p className="muted">
        The summary (current medications and this contact) leaves the clinic only as a disclosure under an
        active consent that names the prescriber. It is recorded in the accounting of disclosures.
      </p>
      <FormMessage message={f.formError} />
      {prescribers.length === 0 ? (
        <p className="banner banner--error" role="alert">
          No prescriber is recorded on this client&apos;s medications. Add the prescriber to the medication
          first.
        </p>
      ) : (
        <div className="form-grid">
          <SelectField
            label="Prescriber"
            options={prescribers.map((p) => ({ value: p, label: p }))}
            {...f.value('prescriber')}
            onChange={(p) => f.setValues((v) => ({ ...v, prescriber: p, consentId: '' }))}
          />
          <SelectField
            label="Consent"
            options={consentOptions}
            {...f.value('consentId')}
            onChange={(consentId) => {
              const chosen = naming.find((k) => k.id === consentId);
              f.setValues((v) => ({
                ...v,
                consentId,
                // The consent's own address and purpose: main refuses any other (CLINICAL.md §6).
                recipientAddress: chosen?.consent.recipientAddress ?? '',
                purpose: chosen?.consent.purpose ?? '',
              }));
            }}
          />
          <Field
            label="Recipient address"
            readOnly={consentAddress !== ''}
            hint={consentAddress !== '' ? 'As the consent names it' : undefined}
            {...f.text('recipientAddress')}
          />
          <SelectField label="Paper" options={PAPERS} {...f.value('paper')} />
        </div>
      )}
      <Field label="Purpose" readOnly hint="As the consent names it" {...f.text('purpose')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={f.busy || prescribers.length === 0}>
          Print summary as a disclosure
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" className="print-pdf__status">
        {written && (
          <>
            PDF written to <code className="path">{written}</code>
          </>
        )}
      </p>
      {written && (
        <button type="button" onClick={() => void call('documents.open', { path: written })}>
          Open PDF
        </button>
      )}
    </form>
  );
}
