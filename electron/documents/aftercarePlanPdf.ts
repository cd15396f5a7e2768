/** The sections of the aftercare plan (CLINICAL.md §5), with the signed relapse-prevention plan it hands on. */
import type { AftercareContent, RecoveryPlan } from '../../shared/domain/recoveryPlans';
import { bullets, fields, heading, paragraph, printedTime, subheading } from './layout';
import { lines, textBlock } from './planText';

export function aftercareSections(
  doc: PDFKit.PDFDocument,
  p: AftercareContent,
  relapsePlan: RecoveryPlan | null,
): void {
  heading(doc, 'Where I am now: status and progress at discharge');
  textBlock(doc, p.statusAtDischarge);

  heading(doc, 'My continuing care');
  fields(doc, [
    ['Outpatient counselling', p.counselling],
    ['Medication (MAT) continuation', p.medication],
    ['Prescriber', p.prescriber],
    ['Pharmacy', p.pharmacy],
    ['Support groups', p.supportGroups],
    ['Sober living', p.soberLiving],
    ['Alumni programme', p.alumni],
    ['Weekly recovery-coaching check-ins', p.coaching],
  ]);
  subheading(doc, 'Next appointments');
  textBlock(doc, p.nextAppointments);

  heading(doc, 'Obstacles and how I will meet them');
  bullets(
    doc,
    p.obstacles
      .filter((o) => o.obstacle.trim() !== '')
      .map((o) => `${o.obstacle.trim()}: ${o.response.trim() || '—'}`),
  );

  heading(doc, 'My relapse-prevention plan');
  const rp = relapsePlan?.content.kind === 'relapse-prevention' ? relapsePlan.content.plan : null;
  if (relapsePlan && rp) {
    paragraph(
      doc,
      `Version ${relapsePlan.version}${relapsePlan.signedAtMs !== null ? `, signed ${printedTime(relapsePlan.signedAtMs)}` : ''}. The full plan is printed separately; in short:`,
    );
    subheading(doc, 'My reasons for recovery');
    textBlock(doc, rp.reasonsForRecovery);
    subheading(doc, 'My early warning signs');
    bullets(
      doc,
      rp.warningSigns.filter((s) => s.trim() !== ''),
    );
    subheading(doc, 'The first people I will tell');
    bullets(
      doc,
      rp.peopleToTell.filter((c) => c.name.trim() !== '').map((c) => `${c.name.trim()} — ${c.phone.trim()}`),
    );
    subheading(doc, 'If I lapse');
    textBlock(doc, rp.afterLapse);
  } else {
    paragraph(doc, 'No signed relapse-prevention plan yet: ask your counsellor to write one with you.');
  }

  heading(doc, 'Withdrawal comfort basics');
  bullets(doc, lines(p.withdrawalComfort));
  if (p.comfortPerson.trim() !== '') fields(doc, [['A person to text', p.comfortPerson]]);

  heading(doc, 'Urgent red flags: get help now');
  textBlock(doc, p.redFlags);

  heading(doc, 'Crisis numbers');
  bullets(doc, lines(p.crisisNumbers));
}
