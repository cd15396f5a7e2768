/**
 * Printing a note: first who it is for. "For the record or the client" is no disclosure; "To disclose under a
 * consent" uses one of this client's active consents whose type permits this note, with the recipient and purpose
 * (prefilled from the consent, editable) and is recorded for the accounting of disclosures (CLINICAL.md §6). A
 * private SUD counselling note may leave the clinic only under its consent, so it is never offered for the record.
 * Main checks all of it again; its refusals show beside the fields.
 */
import { useEffect, useState } from 'react';
import { CONSENT_TYPE_LABELS, consentStatus, type Consent } from '../../../../shared/domain/consents';
import { consentPermitsNote, type DisclosureRequest } from '../../../../shared/domain/disclosures';
import type { Note } from '../../../../shared/domain/notes';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Field } from '../../components/Field';
import { Choice, NativeSelectField, TextArea, type Option } from '../../components/controls';
import { formatDate, todayLocal } from '../chart/dates';
import { PrintPdf } from './PrintPdf';

type Audience = 'record' | 'disclose';
const RECORD: Option<Audience> = { value: 'record', label: 'For the record or the client' };
const DISCLOSE: Option<Audience> = { value: 'disclose', label: 'To disclose under a consent' };

/** This client's consents that are active today and whose type permits disclosing this kind of note. */
const usableFor = (consents: readonly Consent[], kind: Note['kind'], today: string) =>
  consents.filter((c) => consentStatus(c, today) === 'active' && consentPermitsNote(c.consent.type, kind));

const blank: DisclosureRequest = { consentId: '', recipient: '', recipientAddress: '', purpose: '' };

export function NotePrint({ note, active }: { note: Note; active: boolean }) {
  const isPrivate = note.kind === 'sud-counselling';
  const [audience, setAudience] = useState<Audience>(isPrivate ? 'disclose' : 'record');
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [d, setD] = useState<DisclosureRequest>(blank);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [recorded, setRecorded] = useState('');

  // Read again when the tab is next shown: a consent may have been recorded or revoked on the Consents tab.
  useEffect(() => {
    if (!active) setConsents(null);
  }, [active]);

  // The consents are read only once a disclosure is chosen: opening a note is not a look at its consents.
  useEffect(() => {
    if (!active || audience !== 'disclose' || consents) return;
    let live = true;
    void call('consents.list', { clientId: note.clientId }).then((r) => {
      if (!live) return;
      if (!r.ok) return setLoadError(r.error.message);
      setConsents(r.value);
      // A consent chosen before that has since ended, or gone, is no longer offered: the choice is cleared.
      const ids = new Set(usableFor(r.value, note.kind, todayLocal()).map((c) => c.id));
      setD((prev) => (ids.has(prev.consentId) ? prev : { ...prev, consentId: '' }));
    });
    return () => {
      live = false;
    };
  }, [active, audience, consents, note.clientId, note.kind]);

  const usable = usableFor(consents ?? [], note.kind, todayLocal());
  const field = (path: keyof DisclosureRequest) => fieldMessage(error, `disclosure.${path}`);

  function choose(consentId: string) {
    const c = usable.find((x) => x.id === consentId);
    setD(
      c
        ? {
            consentId,
            recipient: c.consent.recipient,
            recipientAddress: c.consent.recipientAddress,
            purpose: c.consent.purpose,
          }
        : { ...blank },
    );
  }

  return (
    <section className="note-print" aria-label="Print this note">
      <Choice<Audience>
        legend="Who is this print for?"
        value={audience}
        options={isPrivate ? [DISCLOSE] : [RECORD, DISCLOSE]}
        onChange={(v) => {
          if (v) setAudience(v);
          setError(null);
        }}
        hint={
          isPrivate
            ? 'A private SUD counselling note leaves the clinic only under a consent for SUD counselling notes.'
            : 'A copy for someone outside the clinic is a disclosure: it needs a consent and is recorded.'
        }
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
            value={d.consentId}
            onChange={(e) => choose(e.target.value)}
            error={field('consentId')}
            hint={
              consents && usable.length === 0
                ? isPrivate
                  ? 'No active consent for SUD counselling notes. Record one on the Consents tab of the chart first.'
                  : 'No active consent. Record one on the Consents tab of the chart first.'
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
          <Field
            label="Recipient"
            value={d.recipient}
            onChange={(e) => setD({ ...d, recipient: e.target.value })}
            error={field('recipient')}
          />
          <Field
            label="Recipient address (if known)"
            value={d.recipientAddress}
            onChange={(e) => setD({ ...d, recipientAddress: e.target.value })}
            error={field('recipientAddress')}
          />
          <TextArea
            label="Purpose"
            value={d.purpose}
            onChange={(purpose) => setD({ ...d, purpose })}
            error={field('purpose')}
          />
        </div>
      )}
      <PrintPdf
        label="Print PDF"
        print={async (paper) => {
          setError(null);
          setRecorded('');
          const disclosure = audience === 'disclose' ? d : null;
          const result = await call('notes.printPdf', { id: note.id, paper, disclosure });
          if (!result.ok) {
            setError(result.error);
            return { ok: false, error: result.error };
          }
          if (disclosure) setRecorded(`Recorded as a disclosure to ${disclosure.recipient.trim()}.`);
          return { ok: true, path: result.value.path };
        }}
      />
      <p role="status" className="saved-note">
        {recorded}
      </p>
    </section>
  );
}
