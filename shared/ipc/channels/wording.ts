/** Channels for the clinic's wording of the fixed texts on client documents (issue 14, item 3). */
import { z } from 'zod';
import { WordingEntrySchema, WordingSaveSchema } from '../../domain/wording';
import type { ChannelSpec } from '../spec';

export const wordingChannels = {
  'wording.list': { input: z.object({}).strict(), output: z.array(WordingEntrySchema), access: 'user' },
  /** Replace a text with the clinic's own, or (text null) keep the shipped text as reviewed: a new version either way. */
  'wording.save': { input: WordingSaveSchema.strict(), output: WordingEntrySchema, access: 'user' },
} as const satisfies Record<string, ChannelSpec>;
