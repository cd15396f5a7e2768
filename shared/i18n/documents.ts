/**
 * Which fixed texts each client document prints: the Settings wording screen lists them by document, and the
 * readability test measures each document's texts as a whole. A text shared by several documents (the notice, the
 * crisis lines) is listed under each.
 */
import type { MessageId } from './en';

export const CLIENT_DOCUMENTS = ['taper', 'relapse', 'safety', 'aftercare'] as const;
export type ClientDocument = (typeof CLIENT_DOCUMENTS)[number];

export const CLIENT_DOCUMENT_NAMES: Record<ClientDocument, string> = {
  taper: 'Taper schedule',
  relapse: 'Relapse-prevention plan',
  safety: 'Safety plan',
  aftercare: 'Aftercare plan',
};

/** Regulation text: it keeps the regulation's meaning word for word, whatever its reading grade. */
export const REGULATION_TEXTS: readonly MessageId[] = ['notice.full', 'notice.short', 'notice.heading'];

const EVERY_DOCUMENT: readonly MessageId[] = [
  'doc.subject',
  'doc.page',
  'doc.date',
  'notice.heading',
  'notice.full',
  'notice.short',
  'notice.ownCopy',
];
const CRISIS: readonly MessageId[] = ['crisis.988', 'crisis.911', 'crisis.clinic'];
const RED_FLAGS: readonly MessageId[] = [
  'redflags.call911',
  'redflags.breathing',
  'redflags.sleepy',
  'redflags.heart',
  'redflags.seizure',
  'redflags.confused',
  'redflags.suicide',
];
const PLAN: readonly MessageId[] = [
  'plan.version',
  'plan.written',
  'plan.signatures',
  'plan.client',
  'plan.clinician',
  'plan.signedBy',
  'plan.hash',
  'plan.contact',
  'plan.noNumber',
];

const withPrefix = (ids: readonly MessageId[], prefix: string) => ids.filter((id) => id.startsWith(prefix));

export function documentMessages(all: readonly MessageId[]): Record<ClientDocument, MessageId[]> {
  return {
    taper: [...EVERY_DOCUMENT, ...withPrefix(all, 'taper.'), 'redflags.heading', ...RED_FLAGS, ...CRISIS],
    relapse: [...EVERY_DOCUMENT, ...PLAN, ...withPrefix(all, 'relapse.'), 'crisis.heading', ...CRISIS],
    safety: [...EVERY_DOCUMENT, ...PLAN, ...withPrefix(all, 'safety.'), ...CRISIS],
    aftercare: [
      ...EVERY_DOCUMENT,
      ...PLAN,
      ...withPrefix(all, 'aftercare.'),
      ...RED_FLAGS,
      'crisis.heading',
      ...CRISIS,
    ],
  };
}
