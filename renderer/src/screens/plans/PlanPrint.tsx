/**
 * Printing a signed plan or discharge summary, as a note is printed: first who it is for. For the client (who takes it home) or the
 * record, it is no disclosure; for anyone else it is a disclosure under one of this client's active consents, with
 * the recipient, address and purpose taken from the consent and shown read-only (main refuses any other), recorded
 * for the accounting (CLINICAL.md §6).
 * Main checks it all again; its refusals show beside the fields.
 */
import { useEffect, useRef, useState } from 'react';
import { CONSENT_TYPE_LABELS, consentStatus, type Consent } from '../../../../shared/domain/consents';
import type { DisclosureRequest } from '../../../../shared/domain/disclosures';
import type { Result } from '../../../../shared/ipc/result';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormError';
import { Choice, NativeSelectField, type Option } from '../../components/controls';
import { useForm } from '../../components/useForm';
import { formatDate, todayLocal } from '../chart/dates';
import { PrintPdf, type Paper } from '../sessions/PrintPdf';
import type { DocumentLanguage } from '../../../../shared/i18n/languages';
import { PrintLanguageField, usePrintLanguage } from './PrintLanguage';

type Audience = 'client' | 'disclose';
const AUDIENCES: readonly Option<Audience>[] = [
  { value: 'client', label: 'For the client or the record' },
  { value: 'disclose', label: 'To disclose under a consent' },
];

interface PrintValues {
  audience: Audience;
  consentId: string;
  recipient: string;
  recipientAddress: string;
  purpose: string;
}

/** Prints one signed document through `printPdf` (the document's own channel); `what` names it, "this plan". */
export function PlanPrint({
  clientId,
  what,
  printPdf,
  active,
  clientDocument = false,
}: {
  clientId: string;
  what: string;
  printPdf: (
    paper: Paper,
    disclosure: DisclosureRequest | null,
    language: DocumentLanguage | null,
  ) => Promise<Result<{ path: string }>>;
  active: boolean;
  /** A document the client takes home: the print asks its language, starting at the client's. */
  clientDocument?: boolean;
}) {
  const printLanguage = usePrintLanguage(clientId);
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [recorded, setRecorded] = useState('');
  const paper = useRef<Paper>('letter');
  const last = useRef<Result<{ path: string }> | null>(null);

  const f = useForm<PrintValues, { path: string }>({
    initial: { audience: 'client', consentId: '', recipient: '', recipientAddress: '', purpose: '' },
    fieldPrefix: 'disclosure',
    autoFocus: false,
    send: async ({ audience, ...d }) => {
      const result = await printPdf(
        paper.current,
        audience === 'disclose' ? d : null,
        // A copy disclosed under a consent carries the regulation's notice in its own words (English).
        clientDocument && audience !== 'disclose' ? printLanguage.language : null,
      );
      last.current = result;
      if (result.ok) printLanguage.printed();
      return result;
    },
    onDone: (_, values) =>
      setRecorded(
        values.audience === 'disclose' ? `Recorded as a disclosure to ${values.recipient.trim()}.` : '',
      ),
  });
  const audience = f.values.audience;

  useEffect(() => {
    if (!active) setConsents(null);
  }, [active]);

  // Consents are read only once a disclosure is chosen.
  useEffect(() => {
    if (!active || audience !== 'disclose' || consents) return;
    let live = true;
    void call('consents.list', { clientId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error.message);
      setConsents(r.value);
    });
    return () => {
      live = false;
    };
  }, [active, audience, consents, clientId]);

  const usable = (consents ?? []).filter((c) => consentStatus(c, todayLocal()) === 'active');

  function choose(consentId: string) {
    const c = usable.find((x) => x.id === consentId);
    f.setValues((v) => ({
      ...v,
      consentId,
      recipient: c?.consent.recipient ?? '',
      recipientAddress: c?.consent.recipientAddress ?? '',
      purpose: c?.consent.purpose ?? '',
    }));
  }

  return (
    <form
      ref={f.form}
      className="note-print"
      aria-label={`Print ${what}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <Choice<Audience>
        legend="Who is this print for?"
        {...f.value('audience')}
        onChange={(v) => v && f.set('audience', v)}
        options={AUDIENCES}
        hint="A copy for someone outside the clinic is a disclosure: it needs a consent and is recorded."
        required
      />
      {audience === 'disclose' && (
        <div className="note-print__disclosure">
          {loadError && (
            <p className="field__error" role="alert">
              {loadError}
            </p>
          )}
          <NativeSelectField
            label="Consent"
            value={f.values.consentId}
            onChange={(e) => choose(e.target.value)}
            error={f.fieldError('disclosure.consentId')}
            hint={
              consents && usable.length === 0
                ? 'No active consent. Record one on the Consents tab first.'
                : undefined
            }
          >
            <option value="">Choose a consent…</option>
            {usable.map((c) => (
              <option key={c.id} value={c.id}>
                {CONSENT_TYPE_LABELS[c.consent.type]}: {c.consent.recipient} (signed{' '}
                {formatDate(c.consent.signedOn)})
              </option>
            ))}
          </NativeSelectField>
          <Field label="Recipient" readOnly hint="As the consent names it" {...f.text('recipient')} />
          <Field label="Recipient address (if known)" readOnly {...f.text('recipientAddress')} />
          <Field label="Purpose" readOnly {...f.text('purpose')} />
        </div>
      )}
      {clientDocument && audience !== 'disclose' && <PrintLanguageField {...printLanguage} />}
      {clientDocument && audience === 'disclose' && (
        <p className="field__hint">
          A disclosed copy prints in English, with the notice in the regulation’s own words.
        </p>
      )}
      <FormMessage message={f.formError} />
      <PrintPdf
        label="Print PDF"
        print={async (p) => {
          paper.current = p;
          setRecorded('');
          last.current = null;
          await f.submit();
          const r = last.current as Result<{ path: string }> | null;
          if (!r)
            return {
              ok: false,
              error: { code: 'CONFLICT', message: 'Already printing.', fields: [], retryAfterMs: null },
            };
          return r.ok ? { ok: true, path: r.value.path } : { ok: false, error: r.error };
        }}
      />
      <p role="status" className="saved-note">
        {recorded}
      </p>
    </form>
  );
}
