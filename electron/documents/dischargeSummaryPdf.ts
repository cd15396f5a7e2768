/**
 * The signed discharge summary (CLINICAL.md §5) as it goes to the record or to the next provider: every element in
 * the order §5 lists them, the record's type scale, the client and document named on every page with page numbers
 * (layout.finish), the clinician's dated electronic signature with credentials, and the Part 2 notice (a summary is
 * written to leave the clinic). A print for a third party also carries the consent's scope.
 */
import { DISCHARGE_TYPE_LABELS, type Client } from '../../shared/domain/clients';
import {
  DISCHARGE_SUMMARY_TITLE,
  goalProgressRows,
  type DischargeSummary,
} from '../../shared/domain/dischargeSummary';
import type { ClinicProfile } from '../../shared/domain/identity';
import { consentScope, type DocumentDisclosure } from './consentScope';
import {
  bullets,
  clientSubject,
  createDocument,
  ensureSpace,
  fields,
  finish,
  heading,
  paragraph,
  part2Notice,
  printFormat,
  signatureLines,
  smallPrint,
  subheading,
  type Paper,
  type PrintFormat,
} from './layout';
import { textBlock } from './planText';

const dash = (s: string | null) => (s === null || s.trim() === '' ? '—' : s);
const score = (p: { on: string; total: number | null; band: string }, fmt: PrintFormat) =>
  `${p.total ?? 'incomplete'}${p.band ? ` (${p.band})` : ''} on ${fmt.date(p.on)}`;

function sections(doc: PDFKit.PDFDocument, s: DischargeSummary, fmt: PrintFormat): void {
  const { facts: f, written: w } = s.content;
  const day = (d: string | null) => (d === null || d.trim() === '' ? '—' : fmt.date(d));
  heading(doc, 'Dates and discharge');
  fields(doc, [
    ['Admission', day(f.admissionDate)],
    ['Last service', day(f.lastServiceOn)],
    ['Discharge', day(w.dischargedOn)],
    ['Discharge type', w.dischargeType ? DISCHARGE_TYPE_LABELS[w.dischargeType] : '—'],
  ]);

  heading(doc, 'Presenting problem');
  textBlock(doc, w.presentingProblem);

  heading(doc, 'Services provided');
  fields(doc, [
    ['Individual sessions', String(f.services.individual)],
    ['Group sessions attended', String(f.services.group)],
    ['Family sessions', String(f.services.family)],
    ['Intake and crisis sessions', String(f.services.other)],
    ['MAT coordination contacts', String(f.services.matContacts)],
    ['Referrals', String(w.referrals.length)],
  ]);

  heading(doc, 'Progress on the treatment-plan goals');
  const goals = goalProgressRows(s.content);
  if (goals.length === 0) paragraph(doc, 'No treatment plan was recorded.');
  else {
    paragraph(doc, `From treatment plan version ${f.treatmentPlanVersion ?? ''}.`);
    for (const g of goals) {
      subheading(doc, `${g.text} (${g.status.toLowerCase()})`);
      paragraph(doc, g.progress);
    }
  }

  heading(doc, 'Condition at discharge');
  textBlock(doc, w.conditionAtDischarge);
  subheading(doc, 'Instrument trends (first and latest signed score)');
  bullets(
    doc,
    f.instruments.length === 0
      ? ['No signed scored assessment.']
      : f.instruments.map((i) =>
          i.administrations === 1
            ? `${i.title}: ${score(i.first, fmt)} (one score)`
            : `${i.title}: first ${score(i.first, fmt)}; latest ${score(i.latest, fmt)} (${i.administrations} scores)`,
        ),
  );

  heading(doc, 'Diagnoses');
  bullets(
    doc,
    f.diagnoses.length === 0
      ? ['No diagnosis from a signed SUD checklist.']
      : f.diagnoses.map(
          (d) =>
            `${d.code} ${d.text}. Severity: ${dash(d.severity)}. ${d.remission}. (Checklist of ${fmt.date(d.on)}` +
            (d.notMetOn
              ? `; the checklist of ${fmt.date(d.notMetOn)} found criteria not met, with no remission recorded)`
              : ')'),
        ),
  );

  heading(doc, 'Level of care at discharge');
  fields(doc, [['Recommended at discharge', dash(w.levelOfCareAtDischarge)]]);
  if (f.levelOfCare === null) paragraph(doc, 'No level-of-care decision was recorded.');
  else {
    subheading(doc, 'Latest level-of-care decision');
    fields(doc, [
      ['Level', f.levelOfCare.level],
      ['Decided', fmt.date(f.levelOfCare.decidedOn)],
      ['Reason', f.levelOfCare.reason],
    ]);
    subheading(doc, 'Dimension ratings used');
    bullets(
      doc,
      f.levelOfCare.dimensions.map(
        (d) => `${d.label}: ${d.rating}${d.note.trim() ? ` — ${d.note.trim()}` : ''}`,
      ),
    );
  }

  heading(doc, 'Medications at discharge');
  bullets(
    doc,
    f.medications.length === 0
      ? ['None recorded as current on the discharge date.']
      : f.medications.map(
          (m) =>
            `${m.summary}${m.prescriber ? `; prescriber ${m.prescriber}` : ''}${m.pharmacy ? `; pharmacy ${m.pharmacy}` : ''}`,
        ),
  );

  heading(doc, 'Recommendations, referrals and aftercare');
  textBlock(doc, w.recommendations);
  subheading(doc, 'Referrals');
  bullets(
    doc,
    w.referrals.length === 0
      ? ['None.']
      : w.referrals.map((r) => `${r.to.trim()}${r.reason.trim() ? `: ${r.reason.trim()}` : ''}`),
  );
  subheading(doc, 'Aftercare plan');
  paragraph(
    doc,
    f.aftercarePlan
      ? `Aftercare plan version ${f.aftercarePlan.version}, signed ${fmt.date(f.aftercarePlan.signedOn)} (printed separately).`
      : 'No signed aftercare plan.',
  );

  if (w.incompleteReason.trim() !== '') {
    heading(doc, 'Elements that could not be completed');
    textBlock(doc, w.incompleteReason);
  }
}

export function renderDischargeSummaryPdf(input: {
  clinic: ClinicProfile;
  client: Client;
  summary: DischargeSummary;
  paper: Paper;
  createdAt: Date;
  disclosure: DocumentDisclosure | null;
  /** The screen's locale, so printed dates read as on screen (as notes print). */
  locale?: string | null;
}): Promise<Buffer> {
  const { summary } = input;
  const fmt = printFormat(input.locale ?? null);
  const doc = createDocument({
    clinic: input.clinic,
    title: DISCHARGE_SUMMARY_TITLE,
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  sections(doc, summary, fmt);
  // The heading, the signature line and the hash stay together.
  ensureSpace(doc, 140);
  heading(doc, 'Signature');
  const signer = [summary.signedByName, summary.signerCredentials]
    .filter((s) => s && s.trim() !== '')
    .join(', ');
  signatureLines(doc, [
    {
      role: `Clinician${signer ? `: ${signer}` : ''}`,
      signed:
        summary.signedAtMs !== null
          ? { by: `Signed electronically by ${signer}`, on: fmt.instant(summary.signedAtMs) }
          : null,
    },
  ]);
  if (summary.contentHash) smallPrint(doc, `Content SHA-256: ${summary.contentHash}`);
  part2Notice(doc);
  if (input.disclosure) consentScope(doc, input.disclosure, fmt);
  return finish(doc);
}
