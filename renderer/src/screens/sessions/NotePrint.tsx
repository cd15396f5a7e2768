/**
 * Printing a note: first who it is for. "For the record or the client" is no disclosure; "To disclose under a
 * consent" uses one of this client's active consents whose type permits this note (a single-disclosure consent
 * only until it is used), to the recipient and for the purpose that consent names — shown, not typed (issue 8
 * item 6) — and is recorded for the accounting of disclosures (CLINICAL.md §6). A draft is never disclosed. A
 * private SUD counselling note may leave the clinic only under its consent, so it is never offered for the record.
 * Main checks all of it again; its refusals show beside the fields.
 */
import { useEffect, useState } from 'react';
import { CONSENT_TYPE_LABELS, consentEndText, type Consent } from '../../../../shared/domain/consents';
import { consentUsableFor, type DisclosureRequest } from '../../../../shared/domain/disclosures';
import type { Note } from '../../../../shared/domain/notes';
import { call, fieldMessage, type AppErrorShape } from '../../api/client';
import { Choice, NativeSelectField, type Option } from '../../components/controls';
import { formatDate, todayLocal } from '../chart/dates';
import { PrintPdf } from './PrintPdf';

type Audience = 'record' | 'disclose';
/** The screen's locale, so the printed dates read as they do here. */
const locale = navigator.language || null;
const RECORD: Option<Audience> = { value: 'record', label: 'For the record or the client' };
const DISCLOSE: Option<Audience> = { value: 'disclose', label: 'To disclose under a consent' };

/** This client's consents that can carry this kind of note today (active, of a fitting type, not used up). */
const usableFor = (consents: readonly Consent[], kind: Note['kind'], today: string) =>
  consents.filter((c) => consentUsableFor(c, kind, today));

const blank: DisclosureRequest = { consentId: '', recipient: '', recipientAddress: '', purpose: '' };

export function NotePrint({ note, active }: { note: Note; active: boolean }) {
  const isPrivate = note.kind === 'sud-counselling';
  const isDraft = note.signedAtMs === null;
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
  const chosen = usable.find((c) => c.id === d.consentId) ?? null;
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

  if (isDraft) {
    // Never offered as a disclosure: main refuses it too.
    return (
      <section className="note-print" aria-label="Print this note">
        <p className="muted">
          A draft is never disclosed. Printed now it is for the record only, marked as a draft; sign it to
          disclose it under a consent.
        </p>
        {!isPrivate && (
          <PrintPdf
            label="Print draft for the record"
            print={async (paper) => {
              const result = await call('notes.printPdf', { id: note.id, paper, disclosure: null, locale });
              return result.ok ? { ok: true, path: result.value.path } : { ok: false, error: result.error };
            }}
          />
        )}
      </section>
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
          {chosen && (
            <dl className="note-print__scope" aria-label="What the consent names">
              <div>
                <dt>Recipient</dt>
                <dd>{chosen.consent.recipient}</dd>
              </div>
              {chosen.consent.recipientAddress && (
                <div>
                  <dt>Address</dt>
                  <dd>{chosen.consent.recipientAddress}</dd>
                </div>
              )}
              <div>
                <dt>Purpose</dt>
                <dd>{chosen.consent.purpose}</dd>
              </div>
              <div>
                <dt>Who may disclose</dt>
                <dd>{chosen.consent.disclosingParty}</dd>
              </div>
              <div>
                <dt>Expires</dt>
                <dd>{consentEndText(chosen.consent, formatDate)}</dd>
              </div>
            </dl>
          )}
          {(field('recipient') ?? field('purpose') ?? field('recipientAddress')) && (
            <p className="field__error" role="alert">
              {field('recipient') ?? field('purpose') ?? field('recipientAddress')}
            </p>
          )}
          {chosen && chosen.consent.type === 'single-disclosure' && (
            <p className="muted">This consent allows one disclosure; printing now uses it.</p>
          )}
        </div>
      )}
      <PrintPdf
        label="Print PDF"
        print={async (paper) => {
          setError(null);
          setRecorded('');
          const disclosure = audience === 'disclose' ? d : null;
          const result = await call('notes.printPdf', { id: note.id, paper, disclosure, locale });
          if (!result.ok) {
            setError(result.error);
            return { ok: false, error: result.error };
          }
          if (disclosure) {
            setRecorded(`Recorded as a disclosure to ${disclosure.recipient.trim()}.`);
            // A single-disclosure consent is now used: read the consents again so it is no longer offered.
            setConsents(null);
            setD(blank);
          }
          return { ok: true, path: result.value.path };
        }}
      />
      <p role="status" className="saved-note">
        {recorded}
      </p>
    </section>
  );
}
