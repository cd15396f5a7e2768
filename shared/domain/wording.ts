/**
 * The clinic's wording of the fixed texts on client documents (issue 14, item 3): each text in each language, as
 * shipped or as the clinic replaced it, and whether the clinic has reviewed it. A replacement keeps the shipped
 * text's placeholders (a text that drops `{phone}` would print no phone number), checked on save.
 */
import { z } from 'zod';
import { DocumentLanguageSchema } from '../i18n/languages';

export const WordingEntrySchema = z.object({
  language: DocumentLanguageSchema,
  messageId: z.string(),
  shipped: z.string(),
  /** The text in force: the clinic's own, or the shipped one. */
  text: z.string(),
  source: z.enum(['shipped', 'clinic']),
  /** 0 while nothing has been recorded for this text. */
  version: z.number().int(),
  reviewed: z.boolean(),
  reviewedByName: z.string().nullable(),
  reviewedAtMs: z.number().int().nullable(),
});
export type WordingEntry = z.infer<typeof WordingEntrySchema>;

export const WordingSaveSchema = z.object({
  language: DocumentLanguageSchema,
  messageId: z.string().min(1).max(100),
  /** The clinic's text; null marks the shipped text as reviewed and keeps it (or returns to it). */
  text: z
    .string()
    .trim()
    .min(1, 'Write the text, or keep the shipped one.')
    .max(4000, 'Keep the text under 4,000 characters.')
    .nullable(),
});
export type WordingSave = z.infer<typeof WordingSaveSchema>;
