/**
 * The languages a client's documents print in (issue 14). English and Spanish to start; each has a catalogue of
 * the same message ids and the locale its dates and numbers are formatted in. Adding a language is a new catalogue
 * and a row here.
 */
import { z } from 'zod';

export const DOCUMENT_LANGUAGES = ['en', 'es'] as const;
export const DocumentLanguageSchema = z.enum(DOCUMENT_LANGUAGES, { error: 'Choose English or Spanish.' });
export type DocumentLanguage = z.infer<typeof DocumentLanguageSchema>;

/** The locale each language's dates, numbers and units are formatted in (the US clinic's clients). */
export const LANGUAGE_LOCALES: Record<DocumentLanguage, string> = { en: 'en-US', es: 'es-US' };

/** Each language named for the clinician (in English) and as its readers write it. */
export const LANGUAGE_LABELS: Record<DocumentLanguage, string> = { en: 'English', es: 'Spanish' };
export const LANGUAGE_ENDONYMS: Record<DocumentLanguage, string> = { en: 'English', es: 'Español' };
