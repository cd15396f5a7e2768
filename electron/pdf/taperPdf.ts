/**
 * The taper schedule the client takes home (CLINICAL.md §1.5, §4): the product named, every step with its dates,
 * the amount for the day and for each dose, the rules of a taper, what to do when withdrawal is too strong, red
 * flags with 911 and 988, and the Part 2 notice. Large, calm type: a person in withdrawal reads it at home.
 * The wording is our own. The steps printed start at the one in effect on the day of printing.
 */
import type { Client } from '../../shared/domain/clients';
import { localDate } from '../../shared/domain/common';
import type { ClinicProfile } from '../../shared/domain/identity';
import type { ProductForm } from '../../shared/domain/intake';
import { stepEnd, type TaperVersion } from '../../shared/domain/taper';
import { translator, type MessageOverrides, type Translator } from '../../shared/i18n/catalogue';
import type { DocumentLanguage } from '../../shared/i18n/languages';
import { doseSplit } from '../../shared/taper';
import { consentScope, type DocumentDisclosure } from '../documents/consentScope';
import { crisisLines, RED_FLAG_SIGNS } from '../documents/planText';
import { MARGIN, createDocument, finish, part2Notice, type Paper, clientSubject } from './document';

const BODY = 13;
const TABLE = 13;
const ENGLISH = translator('en');

/** 'YYYY-MM-DD' → "Mon, Mar 1, 2026" ("lun, 1 mar 2026"), drawn as a calendar day (no time-zone drift). */
export const scheduleDate = (date: string, tr: Translator = ENGLISH): string => tr.date(date, 'weekday');

/** Grams as the scale shows them: "2.7 g", "0.05 g", "8 g". */
export const grams = (g: number, tr: Translator = ENGLISH): string => tr.grams(g);

/** The product forms as ICU select keys (a key cannot hold a dash or start with a digit). */
const FORM_KEYS: Record<ProductForm, string> = {
  'leaf-powder': 'leafPowder',
  capsules: 'capsules',
  extract: 'extract',
  shot: 'shot',
  '7-oh-product': 'sevenOh',
  other: 'other',
};

/** How the day's amount is taken, one line per dose size: "3 doses of 2.7 g", or "2 doses of 2.4 g\n1 dose of 2.5 g". */
export function perDoseText(
  dailyGrams: number,
  dosesPerDay: number,
  precisionGrams: number,
  tr: Translator = ENGLISH,
): string {
  if (dailyGrams === 0) return tr.t('taper.none');
  const s = doseSplit(dailyGrams, dosesPerDay, precisionGrams);
  const doses = (n: number, g: number) => tr.t('taper.doses', { count: n, amount: tr.grams(g) });
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
  /** The language the schedule prints in (the client's, unless this print chose another); English if absent. */
  language?: DocumentLanguage;
  /** The clinic's own wording of fixed texts, where it has replaced the shipped ones. */
  overrides?: MessageOverrides;
}): Promise<Buffer> {
  const { taper, clinic } = input;
  const tr = translator(input.language ?? 'en', input.overrides);
  const doc = createDocument({
    clinic,
    title: tr.t('taper.title'),
    subject: clientSubject(input.client, tr),
    paper: input.paper,
    createdAt: input.createdAt,
    tr,
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

  doc
    .font('bold')
    .fontSize(BODY)
    .text(`${tr.t('taper.product')} `, { continued: true });
  say(`${taper.product} (${tr.t('taper.form', { form: FORM_KEYS[taper.form] })})`);
  say(
    tr.t('taper.intro', {
      percent: taper.reductionPercent,
      days: taper.daysPerStep,
      precision: tr.grams(taper.precisionGrams),
      doses: taper.dosesPerDay,
    }),
  );
  // The client works from today: steps already over are left off (they stay in the chart's versions).
  const today = localDate(input.createdAt.getTime());
  const from = Math.max(
    0,
    taper.steps.findLastIndex((s) => s.date <= today),
  );
  say(tr.t('taper.version', { version: taper.version, date: scheduleDate(today, tr) }), { paragraphGap: 4 });

  head(tr.t('taper.steps'));
  const cols = [
    { title: tr.t('taper.col.dates'), x: MARGIN, w: width * 0.42 },
    { title: tr.t('taper.col.day'), x: MARGIN + width * 0.42, w: width * 0.2 },
    { title: tr.t('taper.col.dose'), x: MARGIN + width * 0.62, w: width * 0.38 },
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
        ? tr.t('taper.from', { date: scheduleDate(s.date, tr) })
        : end === null || end === s.date
          ? scheduleDate(s.date, tr)
          : tr.t('taper.range', { from: scheduleDate(s.date, tr), to: scheduleDate(end, tr) });
    row(
      [
        dates,
        s.dailyGrams === 0 ? tr.t('taper.stop') : tr.grams(s.dailyGrams),
        perDoseText(s.dailyGrams, taper.dosesPerDay, taper.precisionGrams, tr),
      ],
      false,
      (i - from) % 2 === 1,
    );
  });
  doc.moveDown(0.6);
  say(tr.t('taper.addUp', { precision: tr.grams(taper.precisionGrams) }));

  head(tr.t('taper.safe.heading'));
  bullets([
    tr.t('taper.safe.product'),
    tr.t('taper.safe.extracts'),
    tr.t('taper.safe.log'),
    tr.t('taper.safe.mix'),
  ]);

  head(tr.t('taper.strong.heading'));
  bullets([
    tr.t('taper.strong.stay'),
    tr.t('taper.strong.call', { phone: clinic.phone }),
    tr.t('taper.strong.noUp'),
  ]);

  head(tr.t('redflags.heading'));
  say(tr.t('redflags.call911'));
  bullets(RED_FLAG_SIGNS.map((id) => tr.t(id)));
  say(tr.t('redflags.suicide'), { paragraphGap: 8 });
  bullets(crisisLines(clinic, tr));

  // The client's own copy says whom the notice binds; a disclosure is bound by it.
  part2Notice(doc, { ownCopy: !input.disclosure });
  if (input.disclosure) consentScope(doc, input.disclosure);
  return finish(doc);
}
