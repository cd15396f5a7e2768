/**
 * The accounting of disclosures of one client (CLINICAL.md §6): every record that left the clinic under a consent in
 * the past 3 years, newest first, and a print of it for the record or the client (printing it is no disclosure).
 * Read again each time the tab is shown, since a note printed elsewhere may have added one.
 */
import { useEffect, useState } from 'react';
import { CONSENT_TYPE_LABELS } from '../../../../shared/domain/consents';
import {
  ACCOUNTING_YEARS,
  CLIENT_REQUEST_LABEL,
  type Disclosure,
} from '../../../../shared/domain/disclosures';
import { PART2_NOTICE_NAMES } from '../../../../shared/domain/part2';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { PrintPdf } from '../sessions/PrintPdf';
import { formatDate } from './dates';

export function Disclosures({ clientId, active }: { clientId: string; active: boolean }) {
  const [list, setList] = useState<Disclosure[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    let live = true;
    void call('disclosures.list', { clientId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setList(r.value);
        setError(null);
      } else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [clientId, active]);

  return (
    <section className="disclosures" aria-labelledby="disclosures-heading">
      <h2 id="disclosures-heading">Disclosures</h2>
      <p className="muted">
        Records from this chart that left the clinic under a consent or at the client&apos;s own request, in
        the past {ACCOUNTING_YEARS} years, newest first.
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {list === null && !error && <div aria-busy="true" />}
      {list?.length === 0 && <p className="muted">No disclosures recorded.</p>}
      {list && list.length > 0 && (
        <table className="table disclosure-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Recipient</th>
              <th scope="col">What</th>
              <th scope="col">Purpose</th>
              <th scope="col">Consent</th>
              <th scope="col">Notice</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>
                  {formatDateTime(d.disclosedAtMs)}
                  {d.disclosedByName && <div className="muted">by {d.disclosedByName}</div>}
                </td>
                <td>
                  {d.recipient}
                  {d.recipientAddress && <div className="muted">{d.recipientAddress}</div>}
                </td>
                <td>{d.what}</td>
                <td>{d.purpose}</td>
                <td>
                  {d.consentType ? CONSENT_TYPE_LABELS[d.consentType] : CLIENT_REQUEST_LABEL}
                  {d.consentSignedOn && <div className="muted">signed {formatDate(d.consentSignedOn)}</div>}
                </td>
                <td>{PART2_NOTICE_NAMES[d.noticeVersion] ?? d.noticeVersion}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PrintPdf
        label="Print accounting of disclosures"
        print={async (paper) => {
          const result = await call('disclosures.printPdf', { clientId, paper });
          return result.ok ? { ok: true, path: result.value.path } : { ok: false, error: result.error };
        }}
      />
    </section>
  );
}
