/**
 * The accounting of disclosures so far (CLINICAL.md §6): the record of who has received this client's record. It is
 * the client's own right, so it goes only in an export at the client's own request, never to a third party.
 */
import { listDisclosures } from '../../db/repositories/disclosures';
import { instant } from '../fhir';
import { counted, type ExportSection } from '../types';

export const disclosuresSection: ExportSection = {
  id: 'disclosures',
  label: 'Accounting of disclosures',
  clientOnly: true,
  collect({ db, client }) {
    const list = listDisclosures(db, client.id, 0);
    return {
      resources: [],
      tables: [
        {
          file: 'csv/disclosures.csv',
          description:
            'The accounting of disclosures before this export: date, recipient, what, purpose, basis (consent or the client’s own request), consent and notice version.',
          columns: [
            'disclosed_at_utc',
            'disclosed_by',
            'recipient',
            'recipient_address',
            'what',
            'purpose',
            'basis',
            'consent_id',
            'consent_type',
            'notice_version',
          ],
          rows: list.map((d) => [
            instant(d.disclosedAtMs),
            d.disclosedByName,
            d.recipient,
            d.recipientAddress,
            d.what,
            d.purpose,
            d.basis,
            d.consentId,
            d.consentType,
            d.noticeVersion,
          ]),
        },
      ],
      pdfs: [],
      summary: counted(list.length, 'earlier disclosure'),
    };
  },
};
