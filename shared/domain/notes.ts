/**
 * Session notes (CLINICAL.md §5). Formats SOAP, DAP, BIRP or free text; a draft autosaves and is never lost; a
 * signed note is a legal record that cannot change (database triggers), carries a SHA-256 of its signed content,
 * and is corrected only by signed addenda. SUD counselling notes are a separate, private kind (§6).
 */
import { z } from 'zod';
import { isoDate, optionalText } from './common';

/** 'group' is the per-attendee block of a group note; the others are chosen for individual notes. */
export const NOTE_FORMATS = ['soap', 'dap', 'birp', 'free', 'group'] as const;
export const NoteFormatSchema = z.enum(NOTE_FORMATS);
export type NoteFormat = z.infer<typeof NoteFormatSchema>;

/** The sections of each format, in order, with our own labels. */
export const FORMAT_SECTIONS: Record<NoteFormat, ReadonlyArray<{ id: string; label: string }>> = {
  soap: [
    { id: 'subjective', label: 'Subjective' },
    { id: 'objective', label: 'Objective' },
    { id: 'assessment', label: 'Assessment' },
    { id: 'plan', label: 'Plan' },
  ],
  dap: [
    { id: 'data', label: 'Data' },
    { id: 'assessment', label: 'Assessment' },
    { id: 'plan', label: 'Plan' },
  ],
  birp: [
    { id: 'behaviour', label: 'Behaviour' },
    { id: 'intervention', label: 'Intervention' },
    { id: 'response', label: 'Response' },
    { id: 'plan', label: 'Plan' },
  ],
  free: [{ id: 'text', label: 'Note' }],
  group: [
    { id: 'participation', label: 'Participation' },
    { id: 'progress', label: 'Progress toward own goals' },
    { id: 'plan', label: 'Plan' },
  ],
};

export const SESSION_TYPES = ['intake', 'individual', 'family', 'group', 'crisis'] as const;
export const SessionTypeSchema = z.enum(SESSION_TYPES);
export const MODALITIES = ['in-person', 'video', 'telephone'] as const;
export const ModalitySchema = z.enum(MODALITIES);
export const INTERVENTIONS = [
  'mi',
  'cbt',
  'dbt-skills',
  'trauma-informed',
  'psychoeducation',
  'relapse-prevention',
  'other',
] as const;
export const InterventionSchema = z.enum(INTERVENTIONS);
export const INTERVENTION_LABELS: Record<(typeof INTERVENTIONS)[number], string> = {
  mi: 'Motivational interviewing',
  cbt: 'CBT',
  'dbt-skills': 'DBT skills',
  'trauma-informed': 'Trauma-informed',
  psychoeducation: 'Psychoeducation',
  'relapse-prevention': 'Relapse prevention',
  other: 'Other',
};

const time = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a time (HH:MM).`);

export const RiskReviewNoteSchema = z.object({
  suicidalIdeation: z.enum(['denied', 'passive', 'active', 'not-assessed']),
  homicidalIdeation: z.enum(['denied', 'present', 'not-assessed']),
  redFlagsObserved: z.boolean(),
  note: optionalText('Risk note', 2000),
});

export const NoteContentSchema = z.object({
  format: NoteFormatSchema,
  sessionType: SessionTypeSchema,
  sessionDate: isoDate('Session date'),
  startTime: time('Start time'),
  endTime: time('End time'),
  modality: ModalitySchema,
  interventions: z.array(InterventionSchema).max(INTERVENTIONS.length),
  interventionsOther: optionalText('Other intervention', 200),
  risk: RiskReviewNoteSchema,
  goalsAddressed: z.array(z.string().max(64)).max(50),
  /** Section id → text, per FORMAT_SECTIONS of the format. */
  sections: z.record(
    z.string().max(40),
    z.string().max(100_000, 'A section must be at most 100,000 characters.'),
  ),
  nextAppointment: optionalText('Next appointment', 200),
});
export type NoteContent = z.infer<typeof NoteContentSchema>;

export const NOTE_KINDS = ['progress', 'group-member', 'sud-counselling'] as const;
export const NoteKindSchema = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof NoteKindSchema>;

export const AddendumSchema = z.object({
  id: z.string(),
  text: z.string(),
  signedAtMs: z.number().int(),
  signedByName: z.string().nullable(),
  contentHash: z.string(),
});

export const GroupBlockSchema = z.object({
  groupSessionId: z.string(),
  groupName: z.string(),
  topic: z.string(),
  facilitatorNames: z.array(z.string()),
  numberPresent: z.number().int(),
});

export const NoteSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  kind: NoteKindSchema,
  content: NoteContentSchema,
  /** Group notes: the shared block (never other members' names). */
  group: GroupBlockSchema.nullable(),
  attendance: z.enum(['present', 'late', 'left-early', 'absent', 'excused']).nullable(),
  authorName: z.string().nullable(),
  createdAtMs: z.number().int(),
  updatedAtMs: z.number().int(),
  signedAtMs: z.number().int().nullable(),
  signedById: z.string().nullable(),
  signedByName: z.string().nullable(),
  contentHash: z.string().nullable(),
  cosignedAtMs: z.number().int().nullable(),
  cosignedByName: z.string().nullable(),
  addenda: z.array(AddendumSchema),
});
export type Note = z.infer<typeof NoteSchema>;

export const AddendumInputSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, 'Write the addendum.')
    .max(20_000, 'An addendum must be at most 20,000 characters.'),
});

/** An empty draft of a given format, for a new note. */
export function emptyNoteContent(format: NoteFormat, sessionDate: string): NoteContent {
  return {
    format,
    sessionType: 'individual',
    sessionDate,
    startTime: '09:00',
    endTime: '09:50',
    modality: 'in-person',
    interventions: [],
    interventionsOther: '',
    risk: {
      suicidalIdeation: 'not-assessed',
      homicidalIdeation: 'not-assessed',
      redFlagsObserved: false,
      note: '',
    },
    goalsAddressed: [],
    sections: Object.fromEntries(FORMAT_SECTIONS[format].map((s) => [s.id, ''])),
    nextAppointment: '',
  };
}
