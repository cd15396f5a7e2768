/**
 * The record export (issue 11 item 6): started with re-authentication, then followed by polling its progress, so a
 * long export shows where it is and the contract stays plain request/response JSON.
 */
import { z } from 'zod';
import { ExportPartSchema, ExportProgressSchema, RecordExportRequestSchema } from '../../domain/recordExport';
import { IdSchema, type ChannelSpec } from '../spec';

export const recordExportChannels = {
  /** Checks the request and the passphrase, then starts the export; progress is polled with recordExport.progress. */
  'recordExport.start': {
    input: z
      .object({
        request: RecordExportRequestSchema,
        passphrase: z.string().min(1, 'Enter your passphrase to export.').max(1024),
      })
      .strict(),
    output: z.object({ jobId: z.string(), total: z.number().int() }),
    access: 'user',
  },
  /** The parts of the record an export under a consent may hold, for the clinician to choose what it permits. */
  'recordExport.parts': {
    input: z.object({}).strict(),
    output: z.array(ExportPartSchema),
    access: 'user',
  },
  'recordExport.progress': {
    input: z.object({ jobId: IdSchema }).strict(),
    output: ExportProgressSchema,
    access: 'user',
  },
  /** Shows a finished export in the system's file manager; only paths inside the practice's exports folder. */
  'recordExport.show': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ shown: z.literal(true) }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
