/**
 * Part 2 consents of one client (CLINICAL.md §6): each with its status (active, expired, revoked) and every
 * element it records; a form to record one, a way to revoke one, and, for a consent that ends on an event, a way
 * to record that the event happened (which expires it; it is not a revocation). Below them, the accounting of
 * disclosures made under them.
 */
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../../../shared/domain/clients';
import { fullName } from '../../../../shared/domain/names';
import {
  CONSENT_TYPE_LABELS,
  consentStatus,
  type Consent,
  type ConsentStatus,
  type Revocation,
} from '../../../../shared/domain/consents';
import { consentUsedUp } from '../../../../shared/domain/disclosures';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { ConsentForm, blankConsent } from './ConsentForm';
import { ConsentDetails } from './ConsentDetails';
import { Disclosures } from './Disclosures';
import { EndEventForm } from './EndEventForm';
import { RevokeForm } from './RevokeForm';
import { formatDate, todayLocal } from './dates';
import './consents.css';

const ORDER: Record<ConsentStatus, number> = { active: 0, expired: 1, revoked: 2 };

export function Consents({
  clientId,
  client,
  active,
  onChanged,
}: {
  clientId: string;
  client: Client;
  /** Whether the tab is showing: the disclosures are read again each time it is. */
  active: boolean;
  onChanged: (consents: Consent[]) => void;
}) {
  const [consents, setConsents] = useState<Consent[] | null>(null);
  const [clinicName, setClinicName] = useState('');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [endingId, setEndingId] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // Where focus goes once a form closes (the form held it): the add button, or the consent just revoked or ended.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === 'add') addButton.current?.focus();
    else document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  useEffect(() => {
    let live = true;
    void Promise.all([call('consents.list', { clientId }), call('clinic.get', {})]).then(([list, clinic]) => {
      if (!live) return;
      if (!list.ok) return setLoadError(list.error.message);
      setConsents(list.value);
      if (clinic.ok) setClinicName(clinic.value.name);
    });
    return () => {
      live = false;
    };
  }, [clientId]);

  if (loadError) {
    return (
      <div className="banner banner--error" role="alert">
        {loadError}
      </div>
    );
  }
  if (!consents) return <div aria-busy="true" />;

  const replace = (c: Consent) => {
    const next = [...consents.filter((x) => x.id !== c.id), c];
    setConsents(next);
    onChanged(next);
  };
  const today = todayLocal();
  const sorted = [...consents].sort(
    (a, b) =>
      ORDER[consentStatus(a, today)] - ORDER[consentStatus(b, today)] || b.createdAtMs - a.createdAtMs,
  );

  return (
    <div className="consents">
      <div className="consents__head">
        <h2>Consents to disclose</h2>
        {!adding && (
          <button
            type="button"
            className="primary"
            ref={addButton}
            onClick={() => {
              setAdding(true);
              setStatus('');
            }}
          >
            Record a consent
          </button>
        )}
      </div>
      <p role="status" className="saved-note">
        {status}
      </p>
      {adding && (
        <ConsentForm
          clientId={clientId}
          initial={blankConsent(fullName(client), clinicName)}
          onSaved={(c) => {
            replace(c);
            setAdding(false);
            setStatus(`Consent recorded: ${CONSENT_TYPE_LABELS[c.consent.type]} to ${c.consent.recipient}.`);
            setFocusTarget('add');
          }}
          onCancel={() => {
            setAdding(false);
            setFocusTarget('add');
          }}
        />
      )}
      {sorted.length === 0 && !adding && (
        <p className="muted">
          No consents recorded. Nothing from this record may be disclosed outside the programme without one.
        </p>
      )}
      <ul className="consent-list">
        {sorted.map((c) => {
          const s = consentStatus(c, today);
          return (
            <li key={c.id} className={`consent consent--${s}`}>
              <div className="consent__head">
                <h3 id={`consent-${c.id}`} tabIndex={-1}>
                  {CONSENT_TYPE_LABELS[c.consent.type]}: {c.consent.recipient}
                </h3>
                <StatusBadge consent={c} status={s} />
              </div>
              <p className="consent__summary">
                {c.consent.purpose}{' '}
                <span className="muted">
                  · Signed {formatDate(c.consent.signedOn)} · {expiry(c)}
                </span>
              </p>
              {c.revocation && (
                <p className="consent__revoked">
                  Revoked {formatDate(c.revocation.revokedOn)} ({RECEIVED_WORDS[c.revocation.receivedHow]})
                  {c.revocation.note ? `: ${c.revocation.note}` : '.'}
                </p>
              )}
              {consentUsedUp(c) && c.firstDisclosedAtMs !== null && (
                <p className="consent__used">
                  <strong>Used</strong>: its one disclosure was made {formatDateTime(c.firstDisclosedAtMs)}.
                  It cannot carry another; record a new consent to disclose again.
                </p>
              )}
              {c.endEvent && (
                <p className="consent__ended">
                  The ending event happened on {formatDate(c.endEvent.happenedOn)}: this consent is expired.
                </p>
              )}
              <ConsentDetails consent={c} />
              {endingId === c.id && (
                <EndEventForm
                  consent={c}
                  onRecorded={(r) => {
                    replace(r);
                    setEndingId(null);
                    setStatus(`Consent to ${r.consent.recipient} has ended: it is now expired.`);
                    setFocusTarget(`consent-${r.id}`);
                  }}
                  onCancel={() => {
                    setEndingId(null);
                    setFocusTarget(`consent-${c.id}`);
                  }}
                />
              )}
              {revokingId === c.id && (
                <RevokeForm
                  consent={c}
                  onRevoked={(r) => {
                    replace(r);
                    setRevokingId(null);
                    setStatus(`Consent to ${r.consent.recipient} revoked.`);
                    setFocusTarget(`consent-${r.id}`);
                  }}
                  onCancel={() => {
                    setRevokingId(null);
                    setFocusTarget(`consent-${c.id}`);
                  }}
                />
              )}
              {!c.revocation && !c.endEvent && revokingId !== c.id && endingId !== c.id && (
                <div className="consent__actions">
                  {c.consent.expiryKind === 'event' && (
                    <button
                      type="button"
                      onClick={() => {
                        setEndingId(c.id);
                        setRevokingId(null);
                      }}
                    >
                      Record that “{c.consent.expiryEvent}” happened…
                      <span className="visually-hidden"> (consent to {c.consent.recipient})</span>
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => {
                      setRevokingId(c.id);
                      setEndingId(null);
                    }}
                  >
                    Revoke…<span className="visually-hidden"> consent to {c.consent.recipient}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <Disclosures clientId={clientId} active={active} />
    </div>
  );
}

const RECEIVED_WORDS = {
  'in-writing': 'in writing',
  verbally: 'verbally',
  other: 'other',
} satisfies Record<Revocation['receivedHow'], string>;

function expiry(c: Consent): string {
  if (c.consent.expiryKind === 'discharge') return 'Ends when the client is discharged';
  if (c.consent.expiryKind === 'event') return `Ends: ${c.consent.expiryEvent}`;
  return c.consent.expiryDate ? `Expires ${formatDate(c.consent.expiryDate)}` : 'No expiry date';
}

function StatusBadge({ consent, status }: { consent: Consent; status: ConsentStatus }) {
  const text =
    status === 'revoked' && consent.revocation
      ? `Revoked ${formatDate(consent.revocation.revokedOn)}`
      : status === 'expired' && consent.endEvent
        ? `Expired ${formatDate(consent.endEvent.happenedOn)}`
        : status === 'expired'
          ? 'Expired'
          : 'Active';
  return <span className={`badge badge--${status}`}>{text}</span>;
}
