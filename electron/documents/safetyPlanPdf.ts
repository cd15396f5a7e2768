/**
 * The sections of the safety plan, in the project's own words (not a reproduction of a published form). The crisis
 * lines are always printed (CLINICAL.md §4), with the clinic's own number, in the client's language.
 */
import type { ClinicProfile } from '../../shared/domain/identity';
import type { SafetyContent } from '../../shared/domain/recoveryPlans';
import type { Translator } from '../../shared/i18n/catalogue';
import { bullets, heading } from './layout';
import { contactLines, crisisLines, textBlock } from './planText';

export function safetyPlanSections(
  doc: PDFKit.PDFDocument,
  p: SafetyContent,
  clinic: ClinicProfile,
  tr: Translator,
): void {
  heading(doc, tr.t('safety.signs'));
  textBlock(doc, p.warningSigns);
  heading(doc, tr.t('safety.ownSteps'));
  textBlock(doc, p.ownCopingSteps);
  heading(doc, tr.t('safety.distractions'));
  textBlock(doc, p.distractions);
  heading(doc, tr.t('safety.helpers'));
  bullets(doc, contactLines(p.helpers, tr));
  heading(doc, tr.t('safety.professionals'));
  bullets(doc, [...contactLines(p.professionals, tr), ...crisisLines(clinic, tr)]);
  heading(doc, tr.t('safety.surroundings'));
  textBlock(doc, p.saferSurroundings);
  heading(doc, tr.t('safety.living'));
  textBlock(doc, p.reasonsForLiving);
}
