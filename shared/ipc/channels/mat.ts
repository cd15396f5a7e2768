/**
 * Channels for medication coordination (CLINICAL.md §1.6, §5): the medication list with its history, MAT
 * coordination notes (drafts, signing, addenda, the prescriber's summary as a disclosure) and post-acute check-ins.
 */
import { z } from 'zod';
import { MatNoteContentSchema, MatNoteSchema, MatSummaryRequestSchema } from '../../domain/matNotes';
import { MedicationInputSchema, MedicationSchema } from '../../domain/medications';
import { AddendumInputSchema } from '../../domain/notes';
import { PawsCheckinInputSchema, PawsCheckinSchema } from '../../domain/withdrawalCourse';
import { IdSchema, type ChannelSpec } from '../spec';

const ByClient = z.object({ clientId: IdSchema }).strict();
const ById = z.object({ id: IdSchema }).strict();
const Passphrase = z.string().min(1, 'Enter your passphrase to sign.').max(1024);

export const matChannels = {
  'medications.list': { input: ByClient, output: z.array(MedicationSchema), access: 'user' },
  /** A new medication (id null, baseVersion 0) or a new version of one: the versions before it are kept. */
  'medications.save': {
    input: z
      .object({
        clientId: IdSchema,
        id: IdSchema.nullable(),
        baseVersion: z.number().int().min(0),
        medication: MedicationInputSchema,
      })
      .strict(),
    output: MedicationSchema,
    access: 'user',
  },
  'matNotes.list': { input: ByClient, output: z.array(MatNoteSchema), access: 'user' },
  'matNotes.get': { input: ById, output: MatNoteSchema, access: 'user' },
  'matNotes.create': {
    input: z.object({ clientId: IdSchema, content: MatNoteContentSchema }).strict(),
    output: MatNoteSchema,
    access: 'user',
  },
  'matNotes.saveDraft': {
    input: z
      .object({ id: IdSchema, content: MatNoteContentSchema, expectedUpdatedAtMs: z.number().int() })
      .strict(),
    output: MatNoteSchema,
    access: 'user',
  },
  'matNotes.deleteDraft': { input: ById, output: z.object({ deleted: z.literal(true) }), access: 'user' },
  'matNotes.sign': {
    input: z.object({ id: IdSchema, passphrase: Passphrase }).strict(),
    output: MatNoteSchema,
    access: 'user',
  },
  'matNotes.addAddendum': {
    input: z.object({ id: IdSchema, addendum: AddendumInputSchema, passphrase: Passphrase }).strict(),
    output: MatNoteSchema,
    access: 'user',
  },
  'matNotes.verify': {
    input: ById,
    output: z.object({ signed: z.boolean(), intact: z.boolean(), addendaIntact: z.boolean() }),
    access: 'user',
  },
  /** The coordination summary for the prescriber: only ever a disclosure under a consent that names them. */
  'matNotes.printSummary': {
    input: z
      .object({ id: IdSchema, paper: z.enum(['letter', 'a4']), disclosure: MatSummaryRequestSchema })
      .strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
  'paws.list': { input: ByClient, output: z.array(PawsCheckinSchema), access: 'user' },
  'paws.add': {
    input: z.object({ clientId: IdSchema, checkin: PawsCheckinInputSchema }).strict(),
    output: PawsCheckinSchema,
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
