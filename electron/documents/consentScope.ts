/**
 * The block a disclosed document carries after the Part 2 notice (CLINICAL.md §6): to whom, why, what the consent
 * covers, until when, and the right to revoke it. (The note print has its own copy in electron/pdf/notePdf.ts, left
 * as it is while that file is being changed elsewhere.)
 */
import { CONSENT_TYPE_LABELS, consentEndText, type ConsentInput } from '../../shared/domain/consents';
import { fields, heading, paragraph } from './layout';

/** The disclosure a print is, and the consent it is made under. */
export interface DocumentDisclosure {
  recipient: string;
  recipientAddress: string;
  purpose: string;
  /** 'YYYY-MM-DD' */
  disclosedOn: string;
  consent: ConsentInput;
}

export function consentScope(doc: PDFKit.PDFDocument, d: DocumentDisclosure): void {
  const c = d.consent;
  heading(doc, 'Disclosed under consent');
  fields(doc, [
    ['Disclosed to', d.recipient],
    ['Recipient address', d.recipientAddress],
    ['Purpose', d.purpose],
    ['Disclosed on', d.disclosedOn],
    ['Consent', CONSENT_TYPE_LABELS[c.type]],
    [
      'Consent signed',
      `${c.signedOn} by ${c.signerName}${c.signedBy === 'authorized-representative' ? ` (${c.representativeAuthority})` : ''}`,
    ],
    ['Information the consent covers', c.informationDescription],
    ['Consent expires', consentEndText(c)],
  ]);
  paragraph(
    doc,
    'The patient may revoke this consent at any time, except to the extent that action has already been taken in ' +
      `reliance on it. How to revoke: ${c.howToRevoke}`,
  );
}
