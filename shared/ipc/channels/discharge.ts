/** Channels for the discharge summary: drafts pre-filled from the record, signing (which discharges), printing. */
import { z } from 'zod';
import { DisclosureRequestSchema } from '../../domain/disclosures';
import { DischargeSummarySchema, DischargeWrittenSchema } from '../../domain/dischargeSummary';
import { IdSchema, type ChannelSpec } from '../spec';

const Passphrase = z.string().min(1, 'Enter your passphrase to sign.').max(1024);

export const dischargeChannels = {
  /** A client's summaries, the draft (if any) first, then the signed ones newest first. */
  'discharge.summaries': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: z.array(DischargeSummarySchema),
    access: 'user',
  },
  /** Starts a draft pre-filled from the record, or returns the open one with its facts read again. */
  'discharge.startSummary': {
    input: z.object({ clientId: IdSchema }).strict(),
    output: DischargeSummarySchema,
    access: 'user',
  },
  /** Saves the clinician's part; the facts are read again from the record (medications as of the discharge date). */
  'discharge.saveSummary': {
    input: z
      .object({ id: IdSchema, written: DischargeWrittenSchema, expectedUpdatedAtMs: z.number().int() })
      .strict(),
    output: DischargeSummarySchema,
    access: 'user',
  },
  'discharge.deleteSummaryDraft': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    access: 'user',
  },
  /** Signs the summary and, with it, discharges the client on its date (see electron/ipc/discharge.ts). */
  'discharge.signSummary': {
    input: z.object({ id: IdSchema, passphrase: Passphrase }).strict(),
    output: DischargeSummarySchema,
    access: 'user',
  },
  /** `disclosure` null: for the record or the client; otherwise a disclosure under one of the client's consents. */
  'discharge.printSummary': {
    input: z
      .object({
        id: IdSchema,
        paper: z.enum(['letter', 'a4']),
        disclosure: DisclosureRequestSchema.nullable(),
        /** The screen's locale, so printed dates read as on screen (as 'notes.printPdf'). */
        locale: z.string().max(35).nullable().default(null),
      })
      .strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
