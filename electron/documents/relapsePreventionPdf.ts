/** The sections of the relapse-prevention plan (CLINICAL.md §5), in the client's voice. */
import {
  TRIGGER_GROUPS,
  TRIGGER_GROUP_LABELS,
  type RelapsePreventionContent,
} from '../../shared/domain/recoveryPlans';
import { bullets, heading, numbered, paragraph, subheading } from './layout';
import { textBlock } from './planText';

const filled = (s: string) => s.trim() !== '';

export function relapsePreventionSections(doc: PDFKit.PDFDocument, p: RelapsePreventionContent): void {
  heading(doc, 'My reasons for recovery');
  textBlock(doc, p.reasonsForRecovery);

  heading(doc, 'My triggers and what I will do: if this happens, then I will…');
  for (const group of TRIGGER_GROUPS) {
    const label = TRIGGER_GROUP_LABELS[group];
    subheading(doc, `${label.title} (${label.examples})`);
    bullets(
      doc,
      p.triggers[group]
        .filter((r) => filled(r.trigger) || filled(r.response))
        .map((r) => `If ${r.trigger.trim()}, then ${r.response.trim()}`),
    );
  }

  heading(doc, 'My top 5 early warning signs');
  numbered(doc, p.warningSigns);

  heading(doc, 'Coping strategies that work for me');
  textBlock(doc, p.copingStrategies);

  heading(doc, 'The first people I will tell');
  bullets(
    doc,
    p.peopleToTell
      .filter((c) => filled(c.name))
      .map((c) => `${c.name.trim()} — ${c.phone.trim() || 'no number'}`),
  );

  heading(doc, 'If I lapse: how I get back on track');
  textBlock(doc, p.afterLapse);

  heading(doc, 'My next appointment');
  paragraph(doc, p.nextAppointment);

  heading(doc, 'One change I am making now');
  paragraph(doc, p.oneChange);

  heading(doc, 'We will review this plan on');
  paragraph(doc, p.reviewDate);
}
