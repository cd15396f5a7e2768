/**
 * The MAT coordination summary for the prescriber (CLINICAL.md §1.6, §5): current medications with the cautions
 * that apply, and one signed coordination contact — adherence, side effects, craving, use, naloxone, storage, urine
 * drug screen, the withdrawal ratings with their times and vital signs, plan and next appointment, addenda. Printed
 * for the prescriber it is a disclosure and carries the consent's scope; in a record export at the client's own
 * request it has none. It always carries the full Part 2 notice (§6).
 */
import type { Client } from '../../shared/domain/clients';
import type { ClinicProfile } from '../../shared/domain/identity';
import {
  ADHERENCE_LABELS,
  UDS_LABELS,
  UDS_SUBSTANCES,
  YES_NO_ASKED_LABELS,
  type MatNote,
} from '../../shared/domain/matNotes';
import {
  PHASE_LABELS,
  medicationName,
  medicationWarnings,
  type Medication,
} from '../../shared/domain/medications';
import { INDUCTION_TIME_POINT_LABELS } from '../../shared/domain/assessments';
import { vitalsText } from '../../shared/domain/vitals';
import {
  clientSubject,
  continuedPages,
  currentPage,
  createDocument,
  fields,
  finish,
  heading,
  paragraph,
  part2Notice,
  printFormat,
  printedTime,
  type Paper,
} from './document';
import { consentScope, type DocumentDisclosure } from '../documents/consentScope';

interface SummaryInput {
  clinic: ClinicProfile;
  client: Client;
  medications: readonly Medication[];
  paper: Paper;
  createdAt: Date;
  /** The disclosure it is printed as; null only inside a record export made at the client's own request. */
  disclosure: DocumentDisclosure | null;
}

/** One signed coordination contact, printed for the prescriber. */
export async function renderMatSummaryPdf(input: SummaryInput & { note: MatNote }): Promise<Buffer> {
  return (
    await renderMatNotes({ ...input, title: 'MAT coordination summary', notes: [input.note], asFile: false })
  ).bytes;
}

/**
 * Every signed coordination contact of a record export in one file, oldest first: the current medications once at
 * the top, then each contact from its own page, bookmarked. Returns the page each contact starts on.
 */
export function renderMatNotesPdf(
  input: SummaryInput & { notes: readonly MatNote[]; /** 'YYYY-MM-DD' of the export. */ today: string },
): Promise<{ bytes: Buffer; firstPages: Map<string, number> }> {
  const f = printFormat(null);
  return renderMatNotes({
    ...input,
    title: 'MAT coordination notes',
    asFile: true,
    medicationsHeading: `Medications current on ${f.date(input.today)}, the day of this export`,
  });
}

async function renderMatNotes(
  input: SummaryInput & {
    title: string;
    notes: readonly MatNote[];
    /** The export's file: the consent's scope at the top, each contact from its own page, bookmarked. */
    asFile: boolean;
    medicationsHeading?: string;
  },
): Promise<{ bytes: Buffer; firstPages: Map<string, number> }> {
  const f = printFormat(null);
  const doc = createDocument({
    clinic: input.clinic,
    title: input.title,
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  paragraph(
    doc,
    `${input.disclosure ? `For ${input.disclosure.recipient}. ` : ''}Therapists document coordination; prescribing details come from the prescriber.`,
  );
  if (input.asFile && input.disclosure) consentScope(doc, input.disclosure, f);

  heading(doc, input.medicationsHeading ?? 'Current medications');
  if (input.medications.length === 0) paragraph(doc, 'No current medications recorded.');
  for (const m of input.medications) {
    const v = m.current.medication;
    doc.moveDown(0.3);
    fields(doc, [
      ['Medication', `${medicationName(v)}${v.formulation ? ` — ${v.formulation}` : ''}`],
      ['Dose', v.dose === null ? '' : `${v.dose} ${v.unit}`],
      ['Schedule', v.schedule],
      ['Phase', PHASE_LABELS[v.phase]],
      ['Prescriber', v.prescriber],
      ['Pharmacy', v.pharmacy],
      ['Started', v.startDate],
    ]);
    for (const w of medicationWarnings(v)) paragraph(doc, `Caution: ${w.text}`);
  }

  const firstPages = new Map<string, number>();
  const continuing = continuedPages(doc);
  for (const note of input.notes) {
    continuing(null);
    const title = `Coordination contact of ${f.date(note.content.contactDate)}`;
    if (input.asFile) {
      doc.addPage();
      doc.outline.addItem(title);
    }
    firstPages.set(note.id, currentPage(doc));
    continuing(title);
    drawContact(doc, note);
  }
  continuing(null);
  if (!input.asFile && input.disclosure) consentScope(doc, input.disclosure, f);
  part2Notice(doc);
  return { bytes: await finish(doc), firstPages };
}

/** One coordination contact: what was asked, the drug screen, the ratings, the plan, signature and addenda. */
function drawContact(doc: PDFKit.PDFDocument, note: MatNote): void {
  const c = note.content;
  heading(doc, `Coordination contact of ${c.contactDate}${c.induction ? ' (induction)' : ''}`);
  fields(doc, [
    ['Medication and dose now', c.medicationNow],
    ['Adherence', ADHERENCE_LABELS[c.adherence]],
    ['Missed doses', c.missedDoses],
    ['Side effects', c.sideEffects],
    ['Craving (0–10)', c.craving === null ? '' : String(c.craving)],
    ['Use since last contact', c.useSinceLastContact],
    ['Naloxone on hand', YES_NO_ASKED_LABELS[c.naloxoneOnHand]],
    ['Safe storage', YES_NO_ASKED_LABELS[c.safeStorage]],
  ]);

  heading(doc, 'Urine drug screen');
  const tested = UDS_SUBSTANCES.filter((s) => c.uds[s] !== undefined && c.uds[s] !== 'not-tested');
  if (tested.length === 0) paragraph(doc, 'No urine drug screen at this contact.');
  else {
    fields(doc, [
      ['Collected', c.udsCollectedOn],
      ...tested.map((s): [string, string] => [
        UDS_LABELS[s],
        c.uds[s] === 'positive' ? 'Positive' : 'Negative',
      ]),
    ]);
  }

  heading(doc, 'Withdrawal ratings');
  if (note.ratings.length === 0) paragraph(doc, 'No ratings linked to this contact.');
  for (const r of note.ratings) {
    const score =
      r.total === null ? 'incomplete' : `${r.total}${r.band ? ` (${r.band.replace(/-/g, ' ')})` : ''}`;
    const point = r.timePoint ? ` — ${INDUCTION_TIME_POINT_LABELS[r.timePoint]}` : '';
    const vitals = vitalsText(r.vitals);
    paragraph(
      doc,
      `${printedTime(r.administeredAtMs)}${point}: ${r.instrument.toUpperCase()} ${score}${vitals ? `; ${vitals}` : ''}`,
    );
  }

  heading(doc, 'Plan');
  paragraph(doc, c.plan);
  fields(doc, [['Next appointment', c.nextAppointment]]);
  if (note.signedAtMs !== null) {
    fields(doc, [['Signed', `${printedTime(note.signedAtMs)} by ${note.signedByName ?? ''}`]]);
  }
  for (const a of note.addenda) {
    heading(doc, `Addendum, ${printedTime(a.signedAtMs)} by ${a.signedByName ?? ''}`);
    paragraph(doc, a.text);
  }
}
