/**
 * The sections of the aftercare plan (CLINICAL.md §5), with the signed relapse-prevention plan it hands on.
 *
 * The withdrawal-comfort basics and red flags start as shipped text the clinician may edit. Left as shipped, they
 * are the catalogue's fixed text and print in the document's language; once edited, they are the clinician's words
 * and print as typed. The crisis lines always print from the catalogue, with any number the clinician added.
 */
import type { ClinicProfile } from '../../shared/domain/identity';
import {
  RED_FLAGS_TEXT,
  WITHDRAWAL_COMFORT_BASICS,
  type AftercareContent,
  type RecoveryPlan,
} from '../../shared/domain/recoveryPlans';
import type { Translator } from '../../shared/i18n/catalogue';
import { bullets, fields, heading, paragraph, subheading } from './layout';
import { contactLines, crisisLines, lines, RED_FLAG_SIGNS, textBlock } from './planText';

export function aftercareSections(
  doc: PDFKit.PDFDocument,
  p: AftercareContent,
  relapsePlan: RecoveryPlan | null,
  clinic: ClinicProfile,
  tr: Translator,
): void {
  heading(doc, tr.t('aftercare.status'));
  textBlock(doc, p.statusAtDischarge);

  heading(doc, tr.t('aftercare.care'));
  fields(doc, [
    [tr.t('aftercare.counselling'), p.counselling],
    [tr.t('aftercare.medication'), p.medication],
    [tr.t('aftercare.prescriber'), p.prescriber],
    [tr.t('aftercare.pharmacy'), p.pharmacy],
    [tr.t('aftercare.groups'), p.supportGroups],
    [tr.t('aftercare.soberLiving'), p.soberLiving],
    [tr.t('aftercare.alumni'), p.alumni],
    [tr.t('aftercare.coaching'), p.coaching],
  ]);
  subheading(doc, tr.t('aftercare.appointments'));
  textBlock(doc, p.nextAppointments);

  heading(doc, tr.t('aftercare.obstacles'));
  bullets(
    doc,
    p.obstacles
      .filter((o) => o.obstacle.trim() !== '')
      .map((o) =>
        tr.t('aftercare.obstacle', { obstacle: o.obstacle.trim(), response: o.response.trim() || '—' }),
      ),
  );

  heading(doc, tr.t('aftercare.relapsePlan'));
  const rp = relapsePlan?.content.kind === 'relapse-prevention' ? relapsePlan.content.plan : null;
  if (relapsePlan && rp) {
    paragraph(
      doc,
      tr.t('aftercare.relapseVersion', {
        version: relapsePlan.version,
        signed: relapsePlan.signedAtMs !== null ? 'yes' : 'no',
        date: relapsePlan.signedAtMs !== null ? tr.instant(relapsePlan.signedAtMs) : '',
      }),
    );
    subheading(doc, tr.t('aftercare.reasons'));
    textBlock(doc, rp.reasonsForRecovery);
    subheading(doc, tr.t('aftercare.signs'));
    bullets(
      doc,
      rp.warningSigns.filter((s) => s.trim() !== ''),
    );
    subheading(doc, tr.t('aftercare.people'));
    bullets(doc, contactLines(rp.peopleToTell, tr));
    subheading(doc, tr.t('aftercare.lapse'));
    textBlock(doc, rp.afterLapse);
  } else {
    paragraph(doc, tr.t('aftercare.noRelapsePlan'));
  }

  heading(doc, tr.t('aftercare.comfort'));
  bullets(
    doc,
    p.withdrawalComfort === WITHDRAWAL_COMFORT_BASICS
      ? [
          tr.t('aftercare.comfort.fluids'),
          tr.t('aftercare.comfort.food'),
          tr.t('aftercare.comfort.sleep'),
          tr.t('aftercare.comfort.move'),
          tr.t('aftercare.comfort.text'),
        ]
      : lines(p.withdrawalComfort),
  );
  if (p.comfortPerson.trim() !== '') fields(doc, [[tr.t('aftercare.textPerson'), p.comfortPerson]]);

  heading(doc, tr.t('aftercare.redFlags'));
  if (p.redFlags === RED_FLAGS_TEXT) {
    paragraph(doc, tr.t('redflags.call911'));
    bullets(
      doc,
      RED_FLAG_SIGNS.map((id) => tr.t(id)),
    );
    paragraph(doc, tr.t('redflags.suicide'));
  } else textBlock(doc, p.redFlags);

  heading(doc, tr.t('crisis.heading'));
  // 988, 911 and the clinic always print, in the document's language (CLINICAL.md §4); a number the clinician
  // added (a local crisis team, a warm line) prints as typed after them.
  const fixed = crisisLines(clinic, tr);
  // A line is one of the fixed three when 988 or 911 stands alone in it: "(541) 988-2200" is a local number.
  const withoutPhones = (l: string) =>
    l.replace(/\+?\d[\d\s().-]{5,}\d/g, (m) => (m.replace(/\D/g, '').length >= 7 ? ' ' : m));
  const added = lines(p.crisisNumbers).filter(
    (l) =>
      !/\b(988|911)\b/.test(withoutPhones(l)) &&
      !(clinic.phone.trim() !== '' && l.includes(clinic.phone.trim())),
  );
  bullets(doc, [...fixed, ...added]);
}
