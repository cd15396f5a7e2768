/**
 * "Export record" (issue 11 item 6): the clinician chooses the active consent it is made under, which names who it is
 * for and why — or the client's own request, which needs no consent and goes to the client — and re-enters their
 * passphrase (CLINICAL.md §7). The encrypted archive is the default; a plain copy only after a plain-words warning.
 * Main checks the consent again, writes the export and records it in the accounting of disclosures; this dialog
 * follows its progress and then offers to show it in the file manager.
 */
import { useEffect, useState } from 'react';
import { clientDisplayName, type Client } from '../../../../shared/domain/clients';
import { consentStatus, CONSENT_TYPE_LABELS, type Consent } from '../../../../shared/domain/consents';
import { consentUsedUp, type DisclosureBasis } from '../../../../shared/domain/disclosures';
import {
  clientOwnRecipient,
  EXPORT_OUTPUT_LABELS,
  EXPORT_OUTPUTS,
  PLAIN_EXPORT_WARNING,
  type ExportPart,
  type ExportOutput,
  type ExportProgress,
  type RecordExportRequest,
} from '../../../../shared/domain/recordExport';
import type { Result } from '../../../../shared/ipc/result';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { Modal } from '../../components/Modal';
import { PassphraseRow } from '../../components/PassphraseRow';
import { CheckField, Choice, SelectField, TextArea, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { formatDate, todayLocal } from './dates';

interface ExportValues {
  basis: DisclosureBasis;
  consentId: string;
  recipient: string;
  recipientAddress: string;
  purpose: string;
  paper: 'letter' | 'a4';
  output: ExportOutput;
  exportPassphrase: string;
  plainConfirmed: boolean;
  include: string[];
  passphrase: string;
}

const BASES: readonly Option<DisclosureBasis>[] = [
  { value: 'consent', label: 'Under a consent' },
  { value: 'client-request', label: "At the client's own request (no consent needed)" },
];
const PAPERS: readonly Option<'letter' | 'a4'>[] = [
  { value: 'letter', label: 'US Letter' },
  { value: 'a4', label: 'A4' },
];
const OUTPUTS: readonly Option<ExportOutput>[] = EXPORT_OUTPUTS.map((o) => ({
  value: o,
  label: EXPORT_OUTPUT_LABELS[o],
}));

/** The server names request fields 'request.x'; the form's fields are named 'x'. */
function unprefixed<T>(r: Result<T>): Result<T> {
  if (r.ok) return r;
  return {
    ok: false,
    error: {
      ...r.error,
      fields: r.error.fields.map((f) => ({ ...f, path: f.path.replace(/^request\./, '') })),
    },
  };
}

export function ExportRecord({
  client,
  consents,
  onClose,
}: {
  client: Client;
  consents: readonly Consent[];
  onClose: () => void;
}) {
  const [job, setJob] = useState<{ jobId: string; total: number } | null>(null);
  const [parts, setParts] = useState<readonly ExportPart[] | null>(null);
  const [partsError, setPartsError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void call('recordExport.parts', {}).then((r) => {
      if (!live) return;
      if (r.ok) setParts(r.value);
      else setPartsError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);
  const today = todayLocal();
  // A whole record goes only under a consent that can carry it: active, not a used single-disclosure consent,
  // not a consent for SUD counselling notes (those notes only, 42 CFR 2.31(b)).
  const active = consents.filter(
    (c) =>
      consentStatus(c, today) === 'active' && !consentUsedUp(c) && c.consent.type !== 'sud-counselling-notes',
  );
  const ownRecipient = clientOwnRecipient(client);
  const f = useForm<ExportValues, { jobId: string; total: number }>({
    initial: {
      basis: active.length ? 'consent' : 'client-request',
      consentId: '',
      recipient: active.length ? '' : ownRecipient,
      recipientAddress: '',
      purpose: '',
      paper: 'letter',
      output: 'encrypted',
      exportPassphrase: '',
      plainConfirmed: false,
      include: [],
      passphrase: '',
    },
    send: async (v) => {
      const request: RecordExportRequest = {
        clientId: client.id,
        basis: v.basis,
        consentId: v.basis === 'consent' ? v.consentId || null : null,
        recipient: v.recipient,
        recipientAddress: v.recipientAddress,
        purpose: v.purpose,
        paper: v.paper,
        output: v.output,
        exportPassphrase: v.output === 'encrypted' ? v.exportPassphrase : null,
        plainConfirmed: v.output !== 'encrypted' && v.plainConfirmed,
        ...(v.basis === 'consent' ? { include: v.include } : {}),
      };
      return unprefixed(await call('recordExport.start', { request, passphrase: v.passphrase }));
    },
    onDone: (started) => setJob(started),
  });

  const underConsent = f.values.basis === 'consent';
  const chosenConsent = active.find((k) => k.id === f.values.consentId) ?? null;
  const togglePart = (id: string, on: boolean) =>
    f.setValues((v) => ({
      ...v,
      include: on ? [...v.include.filter((p) => p !== id), id] : v.include.filter((p) => p !== id),
    }));
  const chooseConsent = (id: string) => {
    const c = active.find((k) => k.id === id);
    f.setValues((v) => ({
      ...v,
      consentId: id,
      // The consent's own recipient, address and purpose: never typed (issue 8 item 6).
      recipient: c?.consent.recipient ?? '',
      recipientAddress: c?.consent.recipientAddress ?? '',
      purpose: c?.consent.purpose ?? '',
    }));
  };
  const chooseBasis = (basis: DisclosureBasis | null) => {
    if (!basis) return;
    f.setValues((v) => ({
      ...v,
      basis,
      // At the client's own request it goes to the client; under a consent, to whom the consent names.
      ...(basis === 'client-request'
        ? { consentId: '', recipient: ownRecipient, recipientAddress: '', purpose: '' }
        : { recipient: '', recipientAddress: '', purpose: '' }),
    }));
  };

  return (
    <Modal title={`Export the record of ${clientDisplayName(client)}`} onClose={onClose}>
      {job ? (
        <ExportRunning job={job} onClose={onClose} />
      ) : (
        <form ref={f.form} className="export-form" onSubmit={f.submit} aria-label="Export record" noValidate>
          <p className="muted">
            The export holds the signed session and MAT notes, the taper schedule and the signed plans as
            PDFs, a FHIR R4 file, CSV tables, a README, the Part 2 notice and the consent copy, with a
            manifest of file hashes. It is recorded in the accounting of disclosures. Drafts, other group
            members and private counselling notes (unless the consent is for them) are never included.
          </p>
          <FormMessage message={f.formError} />
          <Choice legend="Made" {...f.value('basis')} onChange={chooseBasis} options={BASES} required />
          {f.values.basis === 'consent' && (
            <SelectField
              label="Consent"
              value={f.values.consentId}
              onChange={chooseConsent}
              error={f.fieldError('consentId')}
              options={[
                { value: '', label: active.length ? 'Choose an active consent' : 'No active consent' },
                ...active.map((c) => ({
                  value: c.id,
                  label: `${CONSENT_TYPE_LABELS[c.consent.type]} — ${c.consent.recipient} (signed ${formatDate(c.consent.signedOn)})`,
                })),
              ]}
            />
          )}
          <div className="form-grid">
            <Field
              label="Recipient"
              readOnly
              hint={
                underConsent
                  ? 'As the consent names it'
                  : 'The client. To send the record to anyone else, use a consent that names them.'
              }
              {...f.text('recipient')}
            />
            <Field label="Recipient address" readOnly={underConsent} {...f.text('recipientAddress')} />
          </div>
          {underConsent ? (
            <Field label="Purpose" readOnly {...f.text('purpose')} hint="As the consent names it" />
          ) : (
            <TextArea label="Purpose" {...f.value('purpose')} />
          )}
          {underConsent && (
            <fieldset className="export-parts">
              <legend>What this consent permits</legend>
              {chosenConsent && (
                <p>
                  The consent covers: <q>{chosenConsent.consent.informationDescription}</q>
                </p>
              )}
              <p className="muted">
                Tick only the parts of the record it covers. The client&apos;s details and this consent&apos;s
                copy always go; the client&apos;s other consents and the accounting of disclosures (the
                client&apos;s own to ask for) never do.
              </p>
              {partsError && (
                <p className="field__error" role="alert">
                  {partsError}
                </p>
              )}
              {(parts ?? []).map((p) => (
                <CheckField
                  key={p.id}
                  label={p.label}
                  checked={f.values.include.includes(p.id)}
                  onChange={(on) => togglePart(p.id, on)}
                />
              ))}
              {f.fieldError('include') && (
                <p className="field__error" role="alert">
                  {f.fieldError('include')}
                </p>
              )}
            </fieldset>
          )}
          <div className="form-grid">
            <SelectField label="Paper for the PDFs" {...f.value('paper')} options={PAPERS} />
          </div>
          <Choice
            legend="Write it as"
            {...f.value('output')}
            onChange={(v) => v && f.set('output', v)}
            options={OUTPUTS}
            required
          />
          {f.values.output !== 'encrypted' && (
            <div className="banner banner--warning" role="note">
              <p>{PLAIN_EXPORT_WARNING}</p>
              <CheckField label="I understand: make an unencrypted copy" {...f.check('plainConfirmed')} />
            </div>
          )}
          {f.values.output === 'encrypted' && (
            <Field
              label="Passphrase for the export"
              type="password"
              autoComplete="new-password"
              hint="At least 12 characters. Give it to the recipient another way than the file, e.g. by phone."
              {...f.text('exportPassphrase')}
            />
          )}
          <PassphraseRow
            value={f.values.passphrase}
            onChange={(p) => f.set('passphrase', p)}
            error={f.fieldError('passphrase')}
            submitLabel="Export record"
            disabled={f.busy}
            onCancel={onClose}
          />
        </form>
      )}
    </Modal>
  );
}

function ExportRunning({ job, onClose }: { job: { jobId: string; total: number }; onClose: () => void }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await call('recordExport.progress', { jobId: job.jobId });
      if (!live) return;
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setProgress(r.value);
      if (r.value.state === 'running') timer = setTimeout(() => void poll(), 250);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [job.jobId]);

  const done = progress?.state === 'done' ? progress.result : null;
  const failed =
    error ?? (progress?.state === 'failed' ? (progress.error?.message ?? 'The export failed.') : null);
  return (
    <div className="export-progress">
      {!done && !failed && (
        <div aria-live="polite">
          <label htmlFor="export-progress-bar">
            Step {Math.min((progress?.done ?? 0) + 1, job.total)} of {job.total}:{' '}
            {progress?.label ?? 'Starting'}
          </label>
          <progress id="export-progress-bar" value={progress?.done ?? 0} max={job.total} />
        </div>
      )}
      {failed && (
        <div className="banner banner--error" role="alert">
          {failed}
        </div>
      )}
      {done && (
        <div className="banner" role="status">
          <p>
            <strong>Exported.</strong> {done.fileCount} files, recorded in the accounting of disclosures.
          </p>
          <p className="export-progress__path">{done.path}</p>
          {shown && <p className="muted">{shown}</p>}
        </div>
      )}
      <div className="modal__actions">
        {done && (
          <button
            type="button"
            onClick={() =>
              void call('recordExport.show', { path: done.path }).then((r) =>
                setShown(r.ok ? 'Shown in the file manager.' : r.error.message),
              )
            }
          >
            Show in folder
          </button>
        )}
        <button type="button" className={done || failed ? 'primary' : undefined} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
