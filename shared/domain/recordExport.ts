/**
 * The record export (issue 11 item 6; CLINICAL.md §6, §7): what the clinician asks for. It is made under one of the
 * client's active consents or at the client's own request (which needs no consent); either way it is a disclosure
 * recorded in the accounting. An encrypted export needs its own passphrase, under the same length rule as account
 * passphrases, to give the recipient by another way than the file.
 */
import { z } from 'zod';
import { optionalText, requiredText } from './common';
import { DisclosureBasisSchema } from './disclosures';
import { PASSPHRASE_MIN, PassphraseSchema } from './identity';
import { fullName, type PersonName } from './names';

/** The encrypted archive first: it is the default, and the plain kinds need the clinician's explicit choice. */
export const EXPORT_OUTPUTS = ['encrypted', 'archive', 'folder'] as const;
export const ExportOutputSchema = z.enum(EXPORT_OUTPUTS);
export type ExportOutput = z.infer<typeof ExportOutputSchema>;
export const EXPORT_OUTPUT_LABELS: Record<ExportOutput, string> = {
  folder: 'A folder',
  archive: 'One archive file (.tar)',
  encrypted: 'One encrypted archive (.tar.age), opened with a passphrase',
};

/**
 * Policy (CLINICAL.md §6): at the client's own request the record goes to the client, and to no one else; anyone else
 * needs a consent. This is the recipient such an export names.
 */
export const clientOwnRecipient = (c: PersonName): string => `${fullName(c)} (the client)`;

export const PLAIN_EXPORT_WARNING =
  'Not encrypted: anyone who gets hold of these files — a lost laptop or USB stick, a shared folder, an email ' +
  'attachment — can read the whole record. A plain copy left in the practice folder is deleted when Clearleaf locks.';

export const RecordExportRequestSchema = z
  .object({
    clientId: z.string().min(1).max(64),
    basis: DisclosureBasisSchema,
    consentId: z.string().max(64).nullable(),
    recipient: requiredText('Recipient', 300),
    recipientAddress: optionalText('Recipient address', 500),
    purpose: requiredText('Purpose', 1000),
    paper: z.enum(['letter', 'a4']),
    output: ExportOutputSchema,
    exportPassphrase: z.string().max(1024).nullable(),
    /**
     * Under a consent: the parts of the record (export section ids) the clinician has found the consent permits. At
     * the client's own request the whole record goes and this is not read.
     */
    include: z.array(z.string().min(1).max(64)).max(50).optional(),
    /** An unencrypted export is made only when the clinician has confirmed PLAIN_EXPORT_WARNING. */
    plainConfirmed: z.boolean().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.output !== 'encrypted' && r.plainConfirmed !== true) {
      ctx.addIssue({
        code: 'custom',
        path: ['plainConfirmed'],
        message:
          'Confirm that you want an unencrypted export (anyone with the files can read them), or choose the encrypted archive.',
      });
    }
    if (r.basis === 'consent' && (r.include ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['include'],
        message: 'Choose the parts of the record this consent permits to be disclosed.',
      });
    }
    if (r.basis === 'consent' && !r.consentId) {
      ctx.addIssue({
        code: 'custom',
        path: ['consentId'],
        message: "Choose the consent this export is made under, or choose the client's own request.",
      });
    }
    if (r.output === 'encrypted') {
      const checked = PassphraseSchema.safeParse(r.exportPassphrase ?? '');
      if (!checked.success) {
        ctx.addIssue({
          code: 'custom',
          path: ['exportPassphrase'],
          message: `An encrypted export needs a passphrase of at least ${PASSPHRASE_MIN} characters.`,
        });
      }
    }
  });
export type RecordExportRequest = z.infer<typeof RecordExportRequestSchema>;

/** A part of the record an export under a consent may hold, as the clinician chooses it. */
export const ExportPartSchema = z.object({ id: z.string(), label: z.string() });
export type ExportPart = z.infer<typeof ExportPartSchema>;

export const RecordExportResultSchema = z.object({
  /** The export folder, or the one archive file. */
  path: z.string(),
  fileCount: z.number().int(),
  what: z.string(),
  disclosureId: z.string(),
});
export type RecordExportResult = z.infer<typeof RecordExportResultSchema>;

/** Where a running export is, for the progress display. */
export const ExportProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  label: z.string(),
  result: RecordExportResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ExportProgress = z.infer<typeof ExportProgressSchema>;
