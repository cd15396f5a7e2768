/**
 * The block a disclosed document carries (CLINICAL.md §6): the consent's own scope as the consent states it — to
 * whom, why, who may disclose, what it covers, until when — the date of this disclosure, and the right to revoke.
 * One block for every printed document; the recipient and purpose are the consent's (a print under a consent goes
 * only to its own recipient, for its own purpose).
 */
import { CONSENT_TYPE_LABELS, consentEndText, type ConsentInput } from '../../shared/domain/consents';
import { PART2_NOTICE_TITLE } from '../../shared/domain/part2';
import { fields, heading, paragraph, printFormat, rule, type PrintFormat } from './layout';

/** The disclosure a print is, and the consent it is made under. */
export interface DocumentDisclosure {
  recipient: string;
  recipientAddress: string;
  purpose: string;
  /** 'YYYY-MM-DD' */
  disclosedOn: string;
  consent: ConsentInput;
}

export function consentScope(
  doc: PDFKit.PDFDocument,
  d: DocumentDisclosure,
  f: PrintFormat = printFormat(null),
): void {
  const c = d.consent;
  heading(doc, 'Disclosed under consent');
  fields(doc, [
    ['Disclosed to', c.recipient],
    ['Recipient address', c.recipientAddress || d.recipientAddress],
    ['Purpose', c.purpose],
    ['Who may disclose', c.disclosingParty],
    ['Disclosed on', f.date(d.disclosedOn)],
    ['Consent', CONSENT_TYPE_LABELS[c.type]],
    [
      'Consent signed',
      `${f.date(c.signedOn)} by ${c.signerName}${c.signedBy === 'authorized-representative' ? ` (${c.representativeAuthority})` : ''}`,
    ],
    ['Information the consent covers', c.informationDescription],
    ['Consent expires', consentEndText(c, f.date)],
    ['Notice', PART2_NOTICE_TITLE],
  ]);
  paragraph(
    doc,
    'The patient may revoke this consent at any time, except to the extent that action has already been taken in ' +
      `reliance on it. How to revoke: ${c.howToRevoke}`,
  );
  rule(doc);
}
