/**
 * A session note as a PDF: session details, the note's sections in its format, risk review, goals addressed, the
 * signature block with the content hash, signed addenda, and the Part 2 notice. A group note prints the shared
 * block and this client's own block only: never another member's name. A note disclosed under a consent also
 * carries, after the notice, the scope of that consent (CLINICAL.md §6): to whom, why, what it covers, until when,
 * and the right to revoke it.
 */
import type { Client } from '../../shared/domain/clients';
import { CONSENT_TYPE_LABELS, type ConsentInput } from '../../shared/domain/consents';
import type { ClinicProfile } from '../../shared/domain/identity';
import { FORMAT_SECTIONS, INTERVENTION_LABELS, type Note } from '../../shared/domain/notes';
import {
  createDocument,
  fields,
  finish,
  heading,
  paragraph,
  part2Notice,
  rule,
  type Paper,
  printedTime,
  clientSubject,
} from '../documents/layout';

const KIND_TITLES: Record<Note['kind'], string> = {
  progress: 'Progress note',
  'group-member': 'Group session note',
  'sud-counselling': 'SUD counselling note (private)',
};

/** The disclosure this print is, and the consent it is made under. */
export interface NoteDisclosure {
  recipient: string;
  recipientAddress: string;
  purpose: string;
  /** 'YYYY-MM-DD' */
  disclosedOn: string;
  consent: ConsentInput;
}

export function renderNotePdf(input: {
  clinic: ClinicProfile;
  client: Client;
  note: Note;
  goalTexts: ReadonlyMap<string, string>;
  paper: Paper;
  createdAt: Date;
  /** Absent or null for a print for the record or the client. */
  disclosure?: NoteDisclosure | null;
}): Promise<Buffer> {
  const { client, note } = input;
  const c = note.content;
  const doc = createDocument({
    clinic: input.clinic,
    title: KIND_TITLES[note.kind],
    subject: clientSubject(client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  fields(doc, [
    ['Session', `${c.sessionType} · ${c.sessionDate} ${c.startTime}–${c.endTime} · ${c.modality}`],
    ['Format', c.format.toUpperCase()],
    [
      'Interventions',
      [...c.interventions.map((i) => INTERVENTION_LABELS[i]), c.interventionsOther]
        .filter(Boolean)
        .join(', '),
    ],
    ['Clinician', note.authorName ?? ''],
  ]);
  if (note.group) {
    heading(doc, 'Group');
    fields(doc, [
      ['Group', note.group.groupName],
      ['Topic', note.group.topic],
      ['Facilitators', note.group.facilitatorNames.join(', ')],
      ['Number present', String(note.group.numberPresent)],
      ['Attendance', note.attendance ?? ''],
    ]);
  }
  for (const section of FORMAT_SECTIONS[c.format]) {
    heading(doc, section.label);
    paragraph(doc, c.sections[section.id] ?? '');
  }
  heading(doc, 'Risk review');
  fields(doc, [
    ['Suicidal ideation', c.risk.suicidalIdeation],
    ['Homicidal ideation', c.risk.homicidalIdeation],
    ['Red flags observed', c.risk.redFlagsObserved ? 'yes' : 'no'],
    ['Risk note', c.risk.note],
  ]);
  heading(doc, 'Treatment-plan goals addressed');
  paragraph(
    doc,
    c.goalsAddressed
      .map((id) => `• ${input.goalTexts.get(id) ?? 'Goal from an earlier plan version'}`)
      .join('\n'),
  );
  fields(doc, [['Next appointment', c.nextAppointment]]);

  rule(doc);
  heading(doc, 'Signature');
  if (note.signedAtMs !== null) {
    fields(doc, [
      ['Signed by', note.signedByName ?? ''],
      ['Signed at', printedTime(note.signedAtMs)],
      ['Content SHA-256', note.contentHash ?? ''],
    ]);
    if (note.cosignedAtMs !== null) {
      fields(doc, [['Co-signed by', `${note.cosignedByName ?? ''} at ${printedTime(note.cosignedAtMs)}`]]);
    }
  } else {
    paragraph(doc, 'DRAFT — not signed. This is not a final record.');
  }
  for (const [i, a] of note.addenda.entries()) {
    heading(doc, `Addendum ${i + 1}`);
    paragraph(doc, a.text);
    fields(doc, [
      ['Signed by', a.signedByName ?? ''],
      ['Signed at', printedTime(a.signedAtMs)],
      ['Content SHA-256', a.contentHash],
    ]);
  }
  part2Notice(doc);
  if (input.disclosure) consentScope(doc, input.disclosure);
  return finish(doc);
}

function consentScope(doc: PDFKit.PDFDocument, d: NoteDisclosure): void {
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
    ['Consent expires', c.expiryKind === 'date' ? (c.expiryDate ?? '') : `When: ${c.expiryEvent}`],
  ]);
  paragraph(
    doc,
    'The patient may revoke this consent at any time, except to the extent that action has already been taken in ' +
      `reliance on it. How to revoke: ${c.howToRevoke}`,
  );
}
