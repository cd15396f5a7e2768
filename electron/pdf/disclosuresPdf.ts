/**
 * The accounting of disclosures of one client (CLINICAL.md §6), for the record or for the client: each disclosure
 * with its date, recipient and address, what left the clinic, why, under which consent and with which notice.
 */
import type { Client } from '../../shared/domain/clients';
import { CONSENT_TYPE_LABELS } from '../../shared/domain/consents';
import { ACCOUNTING_YEARS, CLIENT_REQUEST_LABEL, type Disclosure } from '../../shared/domain/disclosures';
import type { ClinicProfile } from '../../shared/domain/identity';
import { PART2_NOTICE_NAMES } from '../../shared/domain/part2';
import {
  createDocument,
  fields,
  finish,
  heading,
  paragraph,
  part2Notice,
  type Paper,
  printedTime,
  clientSubject,
} from '../documents/layout';

export function renderDisclosuresPdf(input: {
  clinic: ClinicProfile;
  client: Client;
  disclosures: readonly Disclosure[];
  paper: Paper;
  createdAt: Date;
}): Promise<Buffer> {
  const { client } = input;
  const doc = createDocument({
    clinic: input.clinic,
    title: 'Accounting of disclosures',
    subject: clientSubject(client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  paragraph(
    doc,
    `Records from this chart disclosed under the client's consent in the past ${ACCOUNTING_YEARS} years, newest ` +
      `first, as of ${printedTime(input.createdAt.getTime())}.`,
  );
  if (input.disclosures.length === 0) {
    paragraph(doc, `No disclosures under consent in the past ${ACCOUNTING_YEARS} years.`);
  }
  for (const d of input.disclosures) {
    heading(doc, `${printedTime(d.disclosedAtMs)} — ${d.recipient}`);
    fields(doc, [
      ['Recipient', d.recipient],
      ['Recipient address', d.recipientAddress],
      ['What was disclosed', d.what],
      ['Purpose', d.purpose],
      [
        'Consent',
        d.consentType
          ? `${CONSENT_TYPE_LABELS[d.consentType]}, signed ${d.consentSignedOn}`
          : CLIENT_REQUEST_LABEL,
      ],
      ['Notice', PART2_NOTICE_NAMES[d.noticeVersion] ?? d.noticeVersion],
      ['Disclosed by', d.disclosedByName ?? ''],
    ]);
  }
  part2Notice(doc);
  return finish(doc);
}
