/**
 * A session note as a PDF: session details, the note's sections in its format, risk review, goals addressed, the
 * signature block (name, credentials, time, content hash), signed addenda, and the Part 2 notice. A group note
 * prints the shared block and this client's own block only: never another member's name. A note disclosed under a
 * consent carries the scope of that consent with the note, right under its title (CLINICAL.md §6): the consent's
 * own recipient, purpose, who may disclose, what it covers and its expiry, and the right to revoke it. Values print
 * in words and dates and times in one format, the locale the clinician's screen uses (issue 9 item 2).
 */
import type { Client } from '../../shared/domain/clients';
import type { ClinicProfile } from '../../shared/domain/identity';
import { FORMAT_SECTIONS, INTERVENTION_LABELS, RISK_WORDS, type Note } from '../../shared/domain/notes';
import {
  createDocument,
  fields,
  finish,
  heading,
  line,
  paragraph,
  part2Notice,
  printFormat,
  type PrintFormat,
  rule,
  type Paper,
  clientSubject,
  continuedPages,
  currentPage,
} from '../documents/layout';
import { consentScope, type DocumentDisclosure } from '../documents/consentScope';

const KIND_TITLES: Record<Note['kind'], string> = {
  progress: 'Progress note',
  'group-member': 'Group session note',
  'sud-counselling': 'SUD counselling note (private)',
};

const SESSION_TYPE_WORDS: Record<Note['content']['sessionType'], string> = {
  intake: 'Intake session',
  individual: 'Individual session',
  family: 'Family session',
  group: 'Group session',
  crisis: 'Crisis session',
};
const MODALITY_WORDS: Record<Note['content']['modality'], string> = {
  'in-person': 'in person',
  video: 'by video',
  telephone: 'by telephone',
};
const FORMAT_WORDS: Record<Note['content']['format'], string> = {
  soap: 'SOAP',
  dap: 'DAP',
  birp: 'BIRP',
  free: 'Free text',
  group: 'Group note',
};
const ATTENDANCE_WORDS: Record<NonNullable<Note['attendance']>, string> = {
  present: 'Present',
  late: 'Late',
  'left-early': 'Left early',
  absent: 'Absent',
  excused: 'Excused',
};

/** The disclosure this print is, and the consent it is made under. */
/** The disclosure a print is, and the consent it is made under. */
export type NoteDisclosure = DocumentDisclosure;

/** Credentials printed under each signature: the signer's, the co-signer's, and each addendum's by its id. */
export interface SignerCredentials {
  signer: string;
  cosigner: string;
  addenda: ReadonlyMap<string, string>;
}

const withCredentials = (name: string | null, credentials: string) =>
  `${name ?? 'Former staff member'}${credentials.trim() ? `, ${credentials.trim()}` : ''}`;

export interface NotePrint {
  note: Note;
  goalTexts: ReadonlyMap<string, string>;
  credentials?: SignerCredentials;
}

interface PrintInput {
  clinic: ClinicProfile;
  client: Client;
  paper: Paper;
  createdAt: Date;
  /** Absent or null for a print for the record or the client. */
  disclosure?: NoteDisclosure | null;
  /** The screen's locale (BCP 47), so the printed dates read as on screen; null: this computer's. */
  locale?: string | null;
}

export function renderNotePdf(input: PrintInput & NotePrint): Promise<Buffer> {
  const { note } = input;
  const doc = createDocument({
    clinic: input.clinic,
    title: input.disclosure ? `${KIND_TITLES[note.kind]} — disclosure copy` : KIND_TITLES[note.kind],
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  const f = printFormat(input.locale ?? null);
  if (input.disclosure) consentScope(doc, input.disclosure, f);
  drawNote(doc, input, f);
  part2Notice(doc);
  return finish(doc);
}

/**
 * Many signed notes of one client as one document, oldest first, each starting on a new page under its own title
 * and bookmarked, the consent's scope once at the top and the notice once at the end (the record export: one file a
 * receiving clinician reads through, instead of a file per session). Returns the page each note starts on.
 */
export async function renderNotesPdf(
  input: PrintInput & { title: string; notes: readonly NotePrint[] },
): Promise<{ bytes: Buffer; firstPages: Map<string, number> }> {
  const doc = createDocument({
    clinic: input.clinic,
    title: input.disclosure ? `${input.title} — disclosure copy` : input.title,
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  const f = printFormat(input.locale ?? null);
  if (input.disclosure) consentScope(doc, input.disclosure, f);
  const firstPages = new Map<string, number>();
  const continuing = continuedPages(doc);
  for (const [i, print] of input.notes.entries()) {
    continuing(null);
    if (i > 0 || input.disclosure) doc.addPage();
    firstPages.set(print.note.id, currentPage(doc));
    const c = print.note.content;
    // Two sessions on one day are told apart by their start time.
    const title = `${KIND_TITLES[print.note.kind]} · ${f.date(c.sessionDate)}${c.startTime ? `, ${f.clock(c.startTime)}` : ''}`;
    doc.outline.addItem(title);
    doc.font('bold').fontSize(13).fillColor('#000000');
    line(doc, title);
    doc.font('body');
    continuing(title);
    drawNote(doc, print, f);
  }
  continuing(null);
  part2Notice(doc);
  return { bytes: await finish(doc), firstPages };
}

/** One note's body: session details, its sections, risk review, goals, signatures and addenda. */
function drawNote(doc: PDFKit.PDFDocument, input: NotePrint, f: PrintFormat): void {
  const { note } = input;
  const c = note.content;
  const creds = input.credentials ?? { signer: '', cosigner: '', addenda: new Map<string, string>() };
  fields(doc, [
    [
      'Session',
      `${SESSION_TYPE_WORDS[c.sessionType]}, ${MODALITY_WORDS[c.modality]} · ${f.date(c.sessionDate)}, ` +
        `${f.clock(c.startTime)}–${f.clock(c.endTime)}`,
    ],
    ['Format', FORMAT_WORDS[c.format]],
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
      ...(note.group.covered
        ? ([['What the group covered', note.group.covered]] as Array<[string, string]>)
        : []),
      ['Facilitators', note.group.facilitatorNames.join(', ')],
      ['Number present', String(note.group.numberPresent)],
      ['Attendance', note.attendance ? ATTENDANCE_WORDS[note.attendance] : 'Not recorded'],
    ]);
  }
  for (const section of FORMAT_SECTIONS[c.format]) {
    heading(doc, section.label);
    paragraph(doc, c.sections[section.id] ?? '');
  }
  heading(doc, 'Risk review');
  fields(doc, [
    ['Suicidal ideation', RISK_WORDS.suicidal[c.risk.suicidalIdeation]],
    ['Homicidal ideation', RISK_WORDS.homicidal[c.risk.homicidalIdeation]],
    ['Red flags observed', c.risk.redFlagsObserved ? 'Yes' : 'No'],
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
      ['Signed by', withCredentials(note.signedByName, creds.signer)],
      ['Signed at', f.instant(note.signedAtMs)],
      ['Content SHA-256', note.contentHash ?? ''],
    ]);
    if (note.cosignedAtMs !== null) {
      fields(doc, [
        [
          'Co-signed by',
          `${withCredentials(note.cosignedByName, creds.cosigner)}, ${f.instant(note.cosignedAtMs)}`,
        ],
      ]);
    }
  } else {
    paragraph(doc, 'DRAFT — not signed. This is not a final record.');
  }
  for (const [i, a] of note.addenda.entries()) {
    heading(doc, `Addendum ${i + 1}`);
    paragraph(doc, a.text);
    fields(doc, [
      ['Signed by', withCredentials(a.signedByName, creds.addenda.get(a.id) ?? '')],
      ['Signed at', f.instant(a.signedAtMs)],
      ['Content SHA-256', a.contentHash],
    ]);
  }
}
