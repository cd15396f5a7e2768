/**
 * The practice's outcome figures as a printable PDF for a funder or a board (issue 15 item 3). Policy: aggregate only
 * — no client is named and every count of 1 to 10 is suppressed, from the same rows the CSV uses (outcomeTable) —
 * so it is not a record of any one client and carries no disclosure notice. A bar chart of discharges by type draws
 * only the cells that are shown.
 */
import type { ClinicProfile } from '../../shared/domain/identity';
import { SUPPRESSED, type OutcomeRow } from '../../shared/domain/outcomes';
import {
  MARGIN,
  createDocument,
  ensureSpace,
  finish,
  heading,
  paragraph,
  smallPrint,
  type Paper,
} from './layout';

export const OUTCOMES_MARK = 'Aggregate figures — no client is named — counts from 1 to 10 are suppressed';

export function renderOutcomesPdf(input: {
  clinic: ClinicProfile;
  rows: readonly OutcomeRow[];
  definitions: readonly string[];
  paper: Paper;
  createdAt: Date;
}): Promise<Buffer> {
  const period = input.rows.filter((r) => r.section === 'Period');
  const doc = createDocument({
    clinic: input.clinic,
    title: 'Practice outcomes',
    subject: period.map((r) => `${r.measure} ${r.value}`).join(' · '),
    paper: input.paper,
    createdAt: input.createdAt,
    everyPageMark: OUTCOMES_MARK,
  });
  const sections = [...new Set(input.rows.map((r) => r.section))].filter((s) => s !== 'Period');
  const width = doc.page.width - 2 * MARGIN;
  for (const section of sections) {
    const rows = input.rows.filter((r) => r.section === section);
    ensureSpace(doc, 40 + rows.length * 14);
    heading(doc, section);
    for (const r of rows) {
      const y = doc.y;
      doc.font('body').text(r.measure, MARGIN, y, { width: width - 130 });
      const after = doc.y;
      doc
        .font(r.value === SUPPRESSED ? 'body' : 'bold')
        .text(r.value, MARGIN + width - 120, y, { width: 120, align: 'right' });
      doc.y = Math.max(after, doc.y);
      doc.x = MARGIN;
    }
    if (section === 'Discharges')
      dischargeBars(
        doc,
        rows.filter((r) => r.measure !== 'All discharges'),
        width,
      );
  }
  heading(doc, 'How the figures are counted');
  for (const d of input.definitions) paragraph(doc, d);
  doc.moveDown(0.5);
  smallPrint(
    doc,
    'Counts from 1 to 10 are suppressed, with a second cell (or the total) so none can be worked out.',
  );
  return finish(doc);
}

/** Horizontal bars, one per discharge type whose count is shown; a suppressed cell is labelled, not drawn. */
function dischargeBars(doc: PDFKit.PDFDocument, rows: readonly OutcomeRow[], width: number): void {
  const values = rows.map((r) => (r.value === SUPPRESSED ? null : Number(r.value)));
  const max = Math.max(1, ...values.map((v) => v ?? 0));
  const barH = 10;
  const labelW = 150;
  ensureSpace(doc, rows.length * (barH + 4) + 20);
  doc.moveDown(0.5);
  let y = doc.y;
  rows.forEach((r, i) => {
    const v = values[i] ?? null;
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#000000')
      .text(r.measure, MARGIN, y, { width: labelW - 6 });
    if (v === null) doc.fillColor('#555555').text('suppressed', MARGIN + labelW, y);
    else {
      const w = ((width - labelW - 40) * v) / max;
      if (w > 0) doc.rect(MARGIN + labelW, y, w, barH).fill('#1f6b52');
      doc.fillColor('#000000').text(String(v), MARGIN + labelW + w + 4, y);
    }
    y += barH + 4;
  });
  doc.fillColor('#000000').fontSize(10);
  doc.y = y + 4;
  doc.x = MARGIN;
}
