/**
 * A session note as a PDF: session details, the note's sections in its format, risk review, goals addressed, the
 * signature block with the content hash, signed addenda, and the Part 2 notice. A group note prints the shared
 * block and this client's own block only: never another member's name.
 */
import { clientDisplayName, type Client } from '../../shared/domain/clients';
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
} from './document';

const KIND_TITLES: Record<Note['kind'], string> = {
  progress: 'Progress note',
  'group-member': 'Group session note',
  'sud-counselling': 'SUD counselling note (private)',
};

/** Local time of this computer, with its zone, so a printed signature time is unambiguous. */
const when = (ms: number) =>
  new Date(ms).toLocaleString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });

export function renderNotePdf(input: {
  clinic: ClinicProfile;
  client: Client;
  note: Note;
  goalTexts: ReadonlyMap<string, string>;
  paper: Paper;
  createdAt: Date;
}): Promise<Buffer> {
  const { client, note } = input;
  const c = note.content;
  const doc = createDocument({
    clinic: input.clinic,
    title: KIND_TITLES[note.kind],
    subject: `${clientDisplayName(client)} — Chart ${client.chartNumber} — DOB ${client.dateOfBirth}`,
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
      ['Signed at', when(note.signedAtMs)],
      ['Content SHA-256', note.contentHash ?? ''],
    ]);
    if (note.cosignedAtMs !== null) {
      fields(doc, [['Co-signed by', `${note.cosignedByName ?? ''} at ${when(note.cosignedAtMs)}`]]);
    }
  } else {
    paragraph(doc, 'DRAFT — not signed. This is not a final record.');
  }
  for (const [i, a] of note.addenda.entries()) {
    heading(doc, `Addendum ${i + 1}`);
    paragraph(doc, a.text);
    fields(doc, [
      ['Signed by', a.signedByName ?? ''],
      ['Signed at', when(a.signedAtMs)],
      ['Content SHA-256', a.contentHash],
    ]);
  }
  part2Notice(doc);
  return finish(doc);
}
