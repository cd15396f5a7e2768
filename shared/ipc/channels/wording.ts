/** Channels for the clinic's wording of the fixed texts on client documents (issue 14, item 3). */
import { z } from 'zod';
import {
  WordingEntrySchema,
  WordingRefSchema,
  WordingSaveSchema,
  WordingVersionSchema,
} from '../../domain/wording';
import type { ChannelSpec } from '../spec';

export const wordingChannels = {
  'wording.list': { input: z.object({}).strict(), output: z.array(WordingEntrySchema), access: 'user' },
  /** Every version of one text, newest first. */
  'wording.history': {
    input: WordingRefSchema.strict(),
    output: z.array(WordingVersionSchema),
    access: 'user',
  },
  /** Replace a text with the clinic's own: a new version, reviewed by whoever saves it. */
  'wording.save': { input: WordingSaveSchema.strict(), output: WordingEntrySchema, access: 'user' },
  /** Mark the text in force reviewed (shipped, or the clinic's own after the shipped text changed): a new version. */
  'wording.review': { input: WordingRefSchema.strict(), output: WordingEntrySchema, access: 'user' },
  /** Back to the shipped text: a new version, reviewed by whoever chose it. */
  'wording.restore': { input: WordingRefSchema.strict(), output: WordingEntrySchema, access: 'user' },
} as const satisfies Record<string, ChannelSpec>;
