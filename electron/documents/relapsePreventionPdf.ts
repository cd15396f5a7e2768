/** The sections of the relapse-prevention plan (CLINICAL.md §5), in the client's voice and language. */
import type { ClinicProfile } from '../../shared/domain/identity';
import { TRIGGER_GROUPS, type RelapsePreventionContent } from '../../shared/domain/recoveryPlans';
import type { Translator } from '../../shared/i18n/catalogue';
import { bullets, heading, numbered, paragraph, subheading } from './layout';
import { contactLines, crisisLines, textBlock } from './planText';

const filled = (s: string) => s.trim() !== '';

export function relapsePreventionSections(
  doc: PDFKit.PDFDocument,
  p: RelapsePreventionContent,
  clinic: ClinicProfile,
  tr: Translator,
): void {
  heading(doc, tr.t('relapse.reasons'));
  textBlock(doc, p.reasonsForRecovery);

  heading(doc, tr.t('relapse.triggers'));
  for (const group of TRIGGER_GROUPS) {
    subheading(doc, tr.t('relapse.group', { group }));
    bullets(
      doc,
      p.triggers[group]
        .filter((r) => filled(r.trigger) || filled(r.response))
        .map((r) => tr.t('relapse.ifThen', { trigger: r.trigger.trim(), response: r.response.trim() })),
    );
  }

  heading(doc, tr.t('relapse.signs'));
  numbered(doc, p.warningSigns);

  heading(doc, tr.t('relapse.coping'));
  textBlock(doc, p.copingStrategies);

  heading(doc, tr.t('relapse.people'));
  bullets(doc, contactLines(p.peopleToTell, tr));

  heading(doc, tr.t('relapse.lapse'));
  textBlock(doc, p.afterLapse);

  heading(doc, tr.t('relapse.appointment'));
  paragraph(doc, p.nextAppointment);

  heading(doc, tr.t('relapse.change'));
  paragraph(doc, p.oneChange);

  heading(doc, tr.t('relapse.review'));
  paragraph(doc, p.reviewDate);

  // The plan is read in a hard moment: the crisis lines are on it too (CLINICAL.md §4).
  heading(doc, tr.t('crisis.heading'));
  bullets(doc, crisisLines(clinic, tr));
}
