/**
 * How the wording screen names each fixed text for a clinic administrator rather than a developer (issue 14,
 * item 3): which document it prints on, which part it is ("Safety plan › heading: Signs that a hard time may be
 * starting"), and each placeholder in words ("{phone}" → "the clinic's phone number"). The words themselves are in
 * the catalogue (`screen.`), so the screen translates with it.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageId } from './en';

export const WORDING_GROUPS = [
  'every',
  'crisis',
  'plans',
  'taper',
  'relapse',
  'safety',
  'aftercare',
] as const;
export type WordingGroup = (typeof WORDING_GROUPS)[number];

/** The one group a text is listed under: the document it prints on, or what several documents share. */
export function groupOf(id: MessageId): WordingGroup {
  const prefix = id.split('.')[0];
  switch (prefix) {
    case 'doc':
    case 'notice':
      return 'every';
    case 'crisis':
    case 'redflags':
      return 'crisis';
    case 'plan':
      return 'plans';
    case 'taper':
    case 'relapse':
    case 'safety':
      return prefix;
    default:
      return 'aftercare';
  }
}

export type WordingPart =
  | 'title'
  | 'heading'
  | 'label'
  | 'column'
  | 'notice'
  | 'crisisLine'
  | 'warningSign'
  | 'pageFrame'
  | 'signature'
  | 'text';

/** Section headings and field labels, as the PDFs draw them (the rest is read from the id's family). */
const HEADINGS: ReadonlySet<MessageId> = new Set<MessageId>([
  'notice.heading',
  'crisis.heading',
  'redflags.heading',
  'taper.steps',
  'taper.safe.heading',
  'taper.strong.heading',
  'plan.signatures',
  'relapse.reasons',
  'relapse.triggers',
  'relapse.group',
  'relapse.signs',
  'relapse.coping',
  'relapse.people',
  'relapse.lapse',
  'relapse.appointment',
  'relapse.change',
  'relapse.review',
  'safety.signs',
  'safety.ownSteps',
  'safety.distractions',
  'safety.helpers',
  'safety.professionals',
  'safety.surroundings',
  'safety.living',
  'aftercare.status',
  'aftercare.care',
  'aftercare.appointments',
  'aftercare.obstacles',
  'aftercare.relapsePlan',
  'aftercare.reasons',
  'aftercare.signs',
  'aftercare.people',
  'aftercare.lapse',
  'aftercare.comfort',
  'aftercare.redFlags',
]);
const LABELS: ReadonlySet<MessageId> = new Set<MessageId>([
  'taper.product',
  'aftercare.counselling',
  'aftercare.medication',
  'aftercare.prescriber',
  'aftercare.pharmacy',
  'aftercare.groups',
  'aftercare.soberLiving',
  'aftercare.alumni',
  'aftercare.coaching',
  'aftercare.textPerson',
  'plan.version',
  'plan.written',
  'plan.client',
  'doc.date',
]);

export function partOf(id: MessageId): WordingPart {
  if (id.endsWith('.title')) return 'title';
  if (HEADINGS.has(id)) return 'heading';
  if (LABELS.has(id)) return 'label';
  if (id.startsWith('taper.col.')) return 'column';
  if (id.startsWith('notice.')) return 'notice';
  if (id.startsWith('crisis.')) return 'crisisLine';
  if (id.startsWith('redflags.')) return 'warningSign';
  if (id.startsWith('doc.')) return 'pageFrame';
  if (id.startsWith('plan.')) return 'signature';
  return 'text';
}

/**
 * The key of `screen.placeholder` that says what a placeholder holds in this text: most mean one thing wherever
 * they are; a few mean something else in one text (a contact's name and phone, the count of pages or of doses).
 */
const IN_TEXT: Partial<Record<MessageId, Record<string, string>>> = {
  'plan.contact': { name: 'contactName', phone: 'contactPhone' },
  'crisis.clinic': { phone: 'clinicPhone' },
  'taper.strong.call': { phone: 'clinicPhone' },
  'doc.page': { count: 'pages' },
  'taper.doses': { count: 'dosesCount' },
};
export const placeholderKey = (id: MessageId, name: string): string => IN_TEXT[id]?.[name] ?? name;

/** A message read for the screen: plain text, and placeholders (a plural or select "varies" with its value). */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'placeholder'; name: string; source: string; cases: string[] | null };

/** A plural's or select's case as a line of text; placeholders inside it stay as `{name}`, a count as `#`. */
function flat(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value;
      if (el.type === TYPE.pound) return '#';
      return 'value' in el && typeof el.value === 'string' ? `{${el.value}}` : '';
    })
    .join('');
}

/**
 * The top level of an ICU message as segments. A plural or select is one placeholder with its cases' texts (the
 * wording of each is edited in the raw text). A message that does not parse is plain text.
 */
export function segments(message: string): Segment[] {
  let elements: MessageFormatElement[];
  try {
    elements = parse(message, { ignoreTag: true, captureLocation: true });
  } catch {
    return [{ kind: 'text', text: message }];
  }
  const out: Segment[] = [];
  for (const el of elements) {
    const source = el.location ? message.slice(el.location.start.offset, el.location.end.offset) : '';
    if (el.type === TYPE.literal) {
      const last = out.at(-1);
      if (last?.kind === 'text') last.text += el.value;
      else out.push({ kind: 'text', text: el.value });
    } else if (el.type === TYPE.pound) {
      out.push({ kind: 'text', text: '#' });
    } else if ('value' in el && typeof el.value === 'string') {
      const cases =
        el.type === TYPE.plural || el.type === TYPE.select
          ? Object.values(el.options).map((o) => flat(o.value))
          : null;
      out.push({ kind: 'placeholder', name: el.value, source, cases });
    }
  }
  return out;
}

/** The distinct placeholders of a message, in order. */
export const placeholderNames = (message: string): string[] => [
  ...new Set(segments(message).flatMap((s) => (s.kind === 'placeholder' ? [s.name] : []))),
];
