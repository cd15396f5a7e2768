/**
 * The sections of the safety plan, in the project's own words (not a reproduction of a published form). The crisis
 * lines are always printed (CLINICAL.md §4), with the clinic's own number.
 */
import type { ClinicProfile } from '../../shared/domain/identity';
import { CRISIS_LINES, type Contact, type SafetyContent } from '../../shared/domain/recoveryPlans';
import { bullets, heading } from './layout';
import { textBlock } from './planText';

const contacts = (list: readonly Contact[]) =>
  list.filter((c) => c.name.trim() !== '').map((c) => `${c.name.trim()} — ${c.phone.trim() || 'no number'}`);

export function safetyPlanSections(doc: PDFKit.PDFDocument, p: SafetyContent, clinic: ClinicProfile): void {
  heading(doc, 'Signs that a hard time may be starting');
  textBlock(doc, p.warningSigns);
  heading(doc, 'Things I can do on my own to get through it');
  textBlock(doc, p.ownCopingSteps);
  heading(doc, 'People and places that take my mind off things');
  textBlock(doc, p.distractions);
  heading(doc, 'People I can ask for help');
  bullets(doc, contacts(p.helpers));
  heading(doc, 'Professionals and crisis lines I can call');
  bullets(doc, [
    ...contacts(p.professionals),
    `${clinic.name} — ${clinic.phone}`,
    ...CRISIS_LINES.map((c) => `${c.name} — ${c.how}`),
  ]);
  heading(doc, 'Making my surroundings safer');
  textBlock(doc, p.saferSurroundings);
  heading(doc, 'My reasons for living');
  textBlock(doc, p.reasonsForLiving);
}
