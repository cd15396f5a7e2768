/** Channels for the relapse-prevention, safety and aftercare plans: versions, drafts, signing and printing. */
import { z } from 'zod';
import { DisclosureRequestSchema } from '../../domain/disclosures';
import {
  RecoveryPlanContentSchema,
  RecoveryPlanKindSchema,
  RecoveryPlanSchema,
} from '../../domain/recoveryPlans';
import { DocumentLanguageSchema } from '../../i18n/languages';
import { IdSchema, type ChannelSpec } from '../spec';

const Passphrase = z.string().min(1, 'Enter your passphrase to sign.').max(1024);

export const recoveryPlanChannels = {
  /** Every version of one kind of plan, newest first (the draft, if any, is the first). */
  'recoveryPlans.list': {
    input: z.object({ clientId: IdSchema, kind: RecoveryPlanKindSchema }).strict(),
    output: z.array(RecoveryPlanSchema),
    access: 'user',
  },
  /**
   * Starts the next version as a draft: from the latest signed version if there is one, otherwise empty (an
   * aftercare plan: pre-filled from the record). The open draft is returned if there already is one.
   */
  'recoveryPlans.startDraft': {
    input: z.object({ clientId: IdSchema, kind: RecoveryPlanKindSchema }).strict(),
    output: RecoveryPlanSchema,
    access: 'user',
  },
  'recoveryPlans.saveDraft': {
    input: z
      .object({ id: IdSchema, content: RecoveryPlanContentSchema, expectedUpdatedAtMs: z.number().int() })
      .strict(),
    output: RecoveryPlanSchema,
    access: 'user',
  },
  'recoveryPlans.deleteDraft': {
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    access: 'user',
  },
  'recoveryPlans.sign': {
    input: z.object({ id: IdSchema, passphrase: Passphrase }).strict(),
    output: RecoveryPlanSchema,
    access: 'user',
  },
  /** `disclosure` null: for the client or the record; otherwise a disclosure under one of the client's consents. */
  'recoveryPlans.printPdf': {
    input: z
      .object({
        id: IdSchema,
        paper: z.enum(['letter', 'a4']),
        disclosure: DisclosureRequestSchema.nullable(),
        /** The language of this print; null prints in the client's language for documents. */
        language: DocumentLanguageSchema.nullable().default(null),
      })
      .strict(),
    output: z.object({ path: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
