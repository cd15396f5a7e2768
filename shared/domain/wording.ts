/**
 * The clinic's wording of the fixed texts on client documents (issue 14, items 1–3 of its follow-up): each text in
 * each language, as shipped or as the clinic replaced it, whether the clinic has reviewed it, and every version it
 * went through. A replacement keeps exactly the shipped text's placeholders (a text that drops `{phone}` would print
 * no phone number), checked on save.
 *
 * A clinic text remembers the shipped text it was written against. When a release changes the shipped text, the
 * clinic's text keeps printing (it is the wording someone reviewed) and is flagged until someone reviews it again —
 * unless it no longer fits the new shipped text (placeholders, a notice's citations, a crisis line's numbers): then
 * the shipped text prints and the clinic's text cannot be kept until it is reworded.
 */
import { z } from 'zod';
import { DocumentLanguageSchema } from '../i18n/languages';

/** What a version was: the clinic wrote its own text, reviewed the text in force, or went back to the shipped text. */
export const WordingKindSchema = z.enum(['written', 'reviewed', 'restored']);
export type WordingKind = z.infer<typeof WordingKindSchema>;

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
  /** Who wrote the clinic's text in force; null for shipped text. */
  writtenByName: z.string().nullable(),
  /** The shipped text the clinic's text was written against; null for shipped text, or when it was not kept. */
  basedOn: z.string().nullable(),
  /**
   * The clinic's text is based on a shipped text that has since changed (or was not kept), or the shipped
   * translation the clinic reviewed has changed: review it.
   */
  shippedChanged: z.boolean(),
  /**
   * Why the clinic's text cannot be used until reworded (it no longer fits today's shipped text); documents print the
   * shipped text meanwhile. Null when it can be used, and for shipped text.
   */
  unusable: z.string().nullable(),
});
export type WordingEntry = z.infer<typeof WordingEntrySchema>;

export const WordingVersionSchema = z.object({
  version: z.number().int(),
  kind: WordingKindSchema,
  source: z.enum(['shipped', 'clinic']),
  text: z.string(),
  basedOn: z.string().nullable(),
  writtenByName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAtMs: z.number().int(),
});
export type WordingVersion = z.infer<typeof WordingVersionSchema>;

/** One text in one language. */
export const WordingRefSchema = z.object({
  language: DocumentLanguageSchema,
  messageId: z.string().min(1).max(100),
});
export type WordingRef = z.infer<typeof WordingRefSchema>;

export const WordingSaveSchema = WordingRefSchema.extend({
  /** The clinic's own text (the shipped text itself counts as a review of it). */
  text: z
    .string()
    .trim()
    .min(1, 'Write the text, or go back to the shipped text.')
    .max(4000, 'Keep the text under 4,000 characters.'),
});
export type WordingSave = z.infer<typeof WordingSaveSchema>;
