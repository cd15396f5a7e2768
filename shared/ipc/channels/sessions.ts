/** Channels for therapy sessions: treatment plans, notes (drafts, signing, addenda), group sessions and search. */
import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../../domain/common';
import {
  AddendumInputSchema,
  InterventionSchema,
  ModalitySchema,
  NoteContentSchema,
  NoteKindSchema,
  NoteSchema,
} from '../../domain/notes';
import { DisclosureRequestSchema } from '../../domain/disclosures';
import { TreatmentPlanInputSchema, TreatmentPlanSchema } from '../../domain/treatmentPlans';
import { IdSchema, type ChannelSpec } from '../spec';

const Passphrase = z.string().min(1, 'Enter your passphrase to sign.').max(1024);
const Paper = z.enum(['letter', 'a4']);

export const ATTENDANCE = ['present', 'late', 'left-early', 'absent', 'excused'] as const;
export const AttendanceSchema = z.enum(ATTENDANCE);

/** Why an attendance sheet is printed: only ever for the clinic's own record. */
export const ATTENDANCE_PRINT_PURPOSES = ['group-record', 'supervision'] as const;
export const AttendancePrintPurposeSchema = z.enum(ATTENDANCE_PRINT_PURPOSES, {
  error: 'Choose why the attendance sheet is printed.',
});

export const GroupInputSchema = z.object({
  groupName: requiredText('Group name', 200),
  topic: requiredText('Topic', 300),
  covered: optionalText('What the group covered', 4000).default(''),
  sessionDate: isoDate('Session date'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Start time must be a time (HH:MM).'),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'End time must be a time (HH:MM).'),
  modality: ModalitySchema,
  interventions: z.array(InterventionSchema).max(10),
  facilitatorIds: z.array(IdSchema).min(1, 'Name at least one facilitator.').max(10),
});

export const GroupSessionSchema = z.object({
  id: z.string(),
  group: GroupInputSchema,
  facilitatorNames: z.array(z.string()),
  numberPresent: z.number().int(),
  members: z.array(
    z.object({
      noteId: z.string(),
      clientId: z.string(),
      clientName: z.string(),
      attendance: AttendanceSchema.nullable(),
      signed: z.boolean(),
    }),
  ),
  /** The group and its attendees can change until the first attendee's note is signed. */
  editable: z.boolean(),
});
export type GroupSession = z.infer<typeof GroupSessionSchema>;

export const NoteSearchResultSchema = z.object({
  noteId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  chartNumber: z.string(),
  /** 'mat': a MAT coordination note (shared/domain/matNotes.ts), opened on the chart's Medications tab. */
  kind: z.union([NoteKindSchema, z.literal('mat')]),
  source: z.enum(['note', 'addendum']),
  sessionDate: z.string(),
  /** Snippet text; highlighted words sit between \u0001 and \u0002. */
  snippet: z.string(),
});
export type NoteSearchResult = z.infer<typeof NoteSearchResultSchema>;

export const sessionChannels = {
  'plans.get': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: z.object({ current: TreatmentPlanSchema.nullable(), versions: z.array(TreatmentPlanSchema) }),
    access: 'user',
  },
  'plans.save': {
    input: z
      .object({ clientId: IdSchema, baseVersion: z.number().int().min(0), plan: TreatmentPlanInputSchema })
      .strict(),
    output: TreatmentPlanSchema,
    access: 'user',
  },
  'notes.list': {
    input: z
      .object({
        clientId: IdSchema,
        kind: z.enum(['record', 'sud-counselling']),
        /** Only the drafts in progress (the chart's reminder), not the whole record. */
        draftsOnly: z.boolean().optional(),
      })
      .strict(),
    output: z.array(NoteSchema),
    access: 'user',
  },
  'notes.get': { input: z.object({ id: IdSchema }).strict(), output: NoteSchema, access: 'user' },
  'notes.create': {
    input: z
      .object({
        clientId: IdSchema,
        kind: z.enum(['progress', 'sud-counselling']),
        content: NoteContentSchema,
      })
      .strict(),
    output: NoteSchema,
    access: 'user',
  },
  'notes.saveDraft': {
    input: z
      .object({
        id: IdSchema,
        content: NoteContentSchema,
        attendance: AttendanceSchema.nullable(),
        expectedUpdatedAtMs: z.number().int(),
      })
      .strict(),
    output: NoteSchema,
    access: 'user',
  },
  'notes.deleteDraft': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    access: 'user',
  },
  'notes.sign': {
    input: z.object({ id: IdSchema, passphrase: Passphrase }).strict(),
    output: NoteSchema,
    access: 'user',
  },
  'notes.cosign': {
    input: z.object({ id: IdSchema, passphrase: Passphrase }).strict(),
    output: NoteSchema,
    access: 'user',
  },
  'notes.addAddendum': {
    input: z.object({ id: IdSchema, addendum: AddendumInputSchema, passphrase: Passphrase }).strict(),
    output: NoteSchema,
    access: 'user',
  },
  'notes.verify': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ signed: z.boolean(), intact: z.boolean(), addendaIntact: z.boolean() }),
    access: 'user',
  },
  /** `disclosure` null: for the record or the client (never a private note); otherwise a disclosure under a consent. */
  'notes.printPdf': {
    input: z
      .object({
        id: IdSchema,
        paper: Paper,
        disclosure: DisclosureRequestSchema.nullable(),
        /** The screen's locale, so printed dates read as on screen (issue 9 item 2). */
        locale: z.string().max(35).nullable().default(null),
      })
      .strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
  'notes.search': {
    input: z
      .object({
        query: z.string().max(500, 'Search at most 500 characters.'),
        clientId: IdSchema.nullable(),
        fromDate: isoDate('From date').nullable(),
        toDate: isoDate('To date').nullable(),
        kinds: z.array(z.enum(['progress', 'group-member', 'mat'])).max(3),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: z.array(NoteSearchResultSchema),
    access: 'user',
  },
  'groups.create': {
    input: z
      .object({
        group: GroupInputSchema,
        attendees: z
          .array(z.object({ clientId: IdSchema, attendance: AttendanceSchema }))
          .min(1, 'Add at least one attendee.')
          .max(40),
      })
      .strict(),
    output: GroupSessionSchema,
    access: 'user',
  },
  /** Changes the shared block while no attendee's note is signed; the attendees' notes follow it. */
  'groups.update': {
    input: z.object({ id: IdSchema, group: GroupInputSchema }).strict(),
    output: GroupSessionSchema,
    access: 'user',
  },
  /** Adds a late attendee (a new note in their chart) while no attendee's note is signed. */
  'groups.addAttendee': {
    input: z.object({ id: IdSchema, clientId: IdSchema, attendance: AttendanceSchema }).strict(),
    output: GroupSessionSchema,
    access: 'user',
  },
  'groups.get': { input: z.object({ id: IdSchema }).strict(), output: GroupSessionSchema, access: 'user' },
  'groups.list': {
    input: z.object({ limit: z.number().int().min(1).max(200) }).strict(),
    output: z.array(GroupSessionSchema),
    access: 'user',
  },
  /**
   * The attendance sheet names every member: an internal document, printed only for the group's record, never as
   * a disclosure; its purpose is asked and audited (issue 8 item 7).
   */
  'groups.attendancePdf': {
    input: z.object({ id: IdSchema, paper: Paper, purpose: AttendancePrintPurposeSchema }).strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
