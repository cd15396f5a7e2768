/** Every element a consent records, as the clinician entered it (for checking before a disclosure). */
import { CONSENT_TYPE_LABELS, consentEndText, type Consent } from '../../../../shared/domain/consents';
import { formatDateTime } from '../../format';
import { formatDate } from './dates';

const yes = (b: boolean) => (b ? 'Yes' : 'No');

export function ConsentDetails({ consent }: { consent: Consent }) {
  const c = consent.consent;
  const rows: Array<[string, string]> = [
    ['Type', CONSENT_TYPE_LABELS[c.type]],
    ['Patient name', c.patientName],
    ['Who may disclose', c.disclosingParty],
    ['Information to be disclosed', c.informationDescription],
    ['Recipient', c.recipient],
    ['Recipient address', c.recipientAddress || 'Not recorded'],
    ['Purpose', c.purpose],
    ['Right to revoke in writing stated', yes(c.revocationRightExplained)],
    ['How to revoke', c.howToRevoke],
    ['Expires', consentEndText(c, formatDate) || '—'],
    [
      'Signed by',
      c.signedBy === 'patient'
        ? `${c.signerName} (the patient)`
        : `${c.signerName} (authorised representative: ${c.representativeAuthority})`,
    ],
    ['Date signed', formatDate(c.signedOn)],
  ];
  if (c.type === 'tpo') {
    rows.push(['Redisclosure statement included', yes(c.redisclosureStatementIncluded)]);
    rows.push(['Consequences of refusing explained', yes(c.refusalConsequencesExplained)]);
  }
  rows.push(['Recorded', formatDateTime(consent.createdAtMs)]);
  if (consent.endEvent) {
    rows.push(['Ending event happened', formatDate(consent.endEvent.happenedOn)]);
    rows.push(['Ending event recorded', formatDateTime(consent.endEvent.recordedAtMs)]);
  }
  return (
    <details className="consent__details">
      <summary>All elements</summary>
      <dl>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
