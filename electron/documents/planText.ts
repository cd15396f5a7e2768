/** Small helpers the plan documents share: a text field typed one item per line prints as a list; contacts; crisis lines. */
import type { ClinicProfile } from '../../shared/domain/identity';
import type { Contact } from '../../shared/domain/recoveryPlans';
import type { MessageId, Translator } from '../../shared/i18n/catalogue';
import { bullets, paragraph } from './layout';

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.replace(/^\s*[•*-]\s*/, '').trim())
    .filter((l) => l !== '');

/** One line prints as a sentence; several as a list, after a lead-in line that ends with a colon. */
export function textBlock(doc: PDFKit.PDFDocument, text: string): void {
  const items = lines(text);
  const [first, ...rest] = items;
  if (first !== undefined && first.endsWith(':') && rest.length > 0) {
    paragraph(doc, first);
    bullets(doc, rest);
  } else if (items.length > 1) bullets(doc, items);
  else paragraph(doc, first ?? '');
}

/** "Name — phone" for each named contact; a missing number says so in the document's language. */
export const contactLines = (list: readonly Contact[], tr: Translator): string[] =>
  list
    .filter((c) => c.name.trim() !== '')
    .map((c) =>
      tr.t('plan.contact', { name: c.name.trim(), phone: c.phone.trim() || tr.t('plan.noNumber') }),
    );

/** The crisis lines every plan the client takes home names (CLINICAL.md §4): 988, 911 and the clinic. */
export const crisisLines = (clinic: ClinicProfile, tr: Translator): string[] => [
  tr.t('crisis.988'),
  tr.t('crisis.911'),
  tr.t('crisis.clinic', { clinic: clinic.name, phone: clinic.phone }),
];

/** The urgent red flags (CLINICAL.md §4): when to call 911, each sign on its own line, then 988. */
export const RED_FLAG_SIGNS: readonly MessageId[] = [
  'redflags.breathing',
  'redflags.sleepy',
  'redflags.heart',
  'redflags.seizure',
  'redflags.confused',
];
