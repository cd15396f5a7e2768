/**
 * The taper schedule the client takes home (CLINICAL.md §1.5, §4): the product named, every step with its dates,
 * the amount for the day and for each dose, the rules of a taper, what to do when withdrawal is too strong, red
 * flags with 911 and 988, and the Part 2 notice. Large, calm type: a person in withdrawal reads it at home.
 * The wording is our own. The steps printed start at the one in effect on the day of printing.
 */
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import type { ClinicProfile } from '../../shared/domain/identity';
import { PRODUCT_FORM_LABELS } from '../../shared/domain/intake';
import { stepEnd, type TaperVersion } from '../../shared/domain/taper';
import { doseSplit } from '../../shared/taper';
import { consentScope, type DocumentDisclosure } from '../documents/consentScope';
import { MARGIN, createDocument, finish, part2Notice, type Paper, clientSubject } from './document';

const BODY = 13;
const TABLE = 13;

const dateFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
/** 'YYYY-MM-DD' → "Mon, Mar 1, 2026", drawn as a calendar day (no time-zone drift). */
export const scheduleDate = (date: string): string => dateFormat.format(Date.parse(`${date}T00:00:00Z`));

/** Grams as the scale shows them: "2.7 g", "0.05 g", "8 g". */
export const grams = (g: number): string => `${Number(g.toFixed(2))} g`;

/** How the day's amount is taken, one line per dose size: "3 doses of 2.7 g", or "2 doses of 2.4 g\n1 dose of 2.5 g". */
export function perDoseText(dailyGrams: number, dosesPerDay: number, precisionGrams: number): string {
  if (dailyGrams === 0) return 'None: stop';
  const s = doseSplit(dailyGrams, dosesPerDay, precisionGrams);
  const doses = (n: number, g: number) => `${n} ${n === 1 ? 'dose' : 'doses'} of ${grams(g)}`;
  return [
    s.smallerCount > 0 && s.grams > 0 ? doses(s.smallerCount, s.grams) : null,
    s.largerCount > 0 ? doses(s.largerCount, s.largerGrams) : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function renderTaperPdf(input: {
  clinic: ClinicProfile;
  client: Client;
  taper: TaperVersion;
  paper: Paper;
  createdAt: Date;
  /** A copy in a record export made under a consent carries the consent's scope (CLINICAL.md §6). */
  disclosure?: DocumentDisclosure | null;
}): Promise<Buffer> {
  const { taper, clinic } = input;
  const doc = createDocument({
    clinic,
    title: 'Your taper schedule',
    subject: clientSubject(input.client),
    paper: input.paper,
    createdAt: input.createdAt,
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const say = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc
      .font('body')
      .fontSize(BODY)
      .fillColor('#000000')
      .text(text, { lineGap: 3, ...options });
  const head = (text: string) => {
    if (doc.y + 60 > bottom()) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(16).fillColor('#000000').text(text).moveDown(0.3);
  };
  /** Bullets with a hanging indent: wrapped lines line up under the text, not under the bullet. */
  const bullets = (items: readonly string[]) => {
    const indent = 18;
    for (const item of items) {
      doc.font('body').fontSize(BODY).fillColor('#000000');
      const options = { width: width - indent, lineGap: 3 };
      if (doc.y + doc.heightOfString(item, options) > bottom()) doc.addPage();
      const y = doc.y;
      doc.text('•', MARGIN, y, { lineBreak: false });
      doc.text(item, MARGIN + indent, y, options);
      doc.x = MARGIN;
      doc.moveDown(0.4);
    }
  };

  doc.font('bold').fontSize(BODY).text('Product: ', { continued: true });
  say(`${taper.product} (${PRODUCT_FORM_LABELS[taper.form].toLowerCase()})`);
  say(
    `Your daily amount goes down by about ${taper.reductionPercent} % every ${taper.daysPerStep} days, ` +
      `weighed on a scale to ${grams(taper.precisionGrams)}, in ${taper.dosesPerDay} ` +
      `${taper.dosesPerDay === 1 ? 'dose' : 'doses'} a day. Each row is one step: take that amount every day ` +
      'from the first date to the last.',
  );
  // The client works from today: steps already over are left off (they stay in the chart's versions).
  const today = localDate(input.createdAt.getTime());
  const from = Math.max(
    0,
    taper.steps.findLastIndex((s) => s.date <= today),
  );
  say(`Schedule version ${taper.version}, printed ${scheduleDate(today)}.`, { paragraphGap: 4 });

  head('Your steps');
  const cols = [
    { title: 'Dates', x: MARGIN, w: width * 0.42 },
    { title: 'Each day', x: MARGIN + width * 0.42, w: width * 0.2 },
    { title: 'Each dose', x: MARGIN + width * 0.62, w: width * 0.38 },
  ] as const;
  const row = (cells: readonly string[], bold: boolean, shade: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(TABLE);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (cols[i]?.w ?? 0) - 10 }))) + 10;
    if (doc.y + h > bottom()) {
      doc.addPage();
      if (!bold)
        row(
          cols.map((c) => c.title),
          true,
          false,
        );
      doc.font(bold ? 'bold' : 'body').fontSize(TABLE);
    }
    const y = doc.y;
    if (shade) doc.rect(MARGIN, y, width, h).fill('#eef3f1');
    doc.fillColor('#000000');
    cells.forEach((c, i) => {
      const col = cols[i];
      if (col) doc.text(c, col.x + 5, y + 5, { width: col.w - 10 });
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .lineWidth(bold ? 1 : 0.5)
      .strokeColor('#8a9a94')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  row(
    cols.map((c) => c.title),
    true,
    false,
  );
  taper.steps.forEach((s, i) => {
    if (i < from) return;
    const end = stepEnd(taper.steps, i);
    const dates =
      s.dailyGrams === 0
        ? `From ${scheduleDate(s.date)}`
        : end === null || end === s.date
          ? scheduleDate(s.date)
          : `${scheduleDate(s.date)}\nto ${scheduleDate(end)}`;
    row(
      [
        dates,
        s.dailyGrams === 0 ? 'Stop' : grams(s.dailyGrams),
        perDoseText(s.dailyGrams, taper.dosesPerDay, taper.precisionGrams),
      ],
      false,
      (i - from) % 2 === 1,
    );
  });
  doc.moveDown(0.6);
  say(
    `Your doses add up to the amount for the day. When the day does not share out evenly, some doses are one ` +
      `scale step (${grams(taper.precisionGrams)}) bigger than the others. Never take more than the amount for the day.`,
  );

  head('How to taper safely');
  bullets([
    'Use one product, the same one every day, and weigh every dose on your scale. Do not guess with spoons or capsules.',
    'Never switch to extracts, shots or 7-OH products to make a dose look smaller. They are much stronger than leaf: ' +
      'a small-looking dose is not a small dose, and switching is not tapering.',
    'Write down each dose: the time and the amount. Bring your log to every visit.',
    'Do not mix with alcohol, sleeping pills, sedatives or opioids, and do not take large amounts of ' +
      'over-the-counter medicines (high doses of loperamide can harm the heart).',
  ]);

  head('If withdrawal feels too strong');
  bullets([
    'Stay on the amount you are taking now. Do not cut further until you have talked with us.',
    `Call the clinic at ${clinic.phone}. Your clinician can hold this step for longer or change the pace.`,
    'Do not go back up on your own or switch to another product. A held step is a normal part of a taper.',
  ]);

  head('Get help right away');
  say(
    'Call 911 for trouble breathing, being very sleepy or unable to stay awake, chest pain, fainting, a very fast ' +
      'heartbeat, a seizure, or severe confusion, hallucinations or agitation.',
    { paragraphGap: 8 },
  );
  say(
    'Call or text 988 (Suicide & Crisis Lifeline) if you have thoughts of suicide or of hurting yourself, or ' +
      'sudden deep sadness.',
  );

  part2Notice(doc);
  if (input.disclosure) consentScope(doc, input.disclosure);
  return finish(doc);
}
