/**
 * The text of clinicians' screens through the message catalogue (issue 14, item 2): new screen text is a `screen.`
 * message in shared/i18n/en.ts (es.ts carries the same ids), so offering the screens in another language is a file
 * and a provider here, not a rewrite. Screens are in English for now; older screens keep their inline text.
 */
import { createContext, useContext, useMemo } from 'react';
import { t, type MessageId, type MessageValues } from '../../../shared/i18n/catalogue';
import type { DocumentLanguage } from '../../../shared/i18n/languages';

export type ScreenMessageId = Extract<MessageId, `screen.${string}`>;
export type ScreenText = (id: ScreenMessageId, values?: MessageValues) => string;

/** The clinicians' screen language: English until the screens are offered in another. */
export const ScreenLanguage = createContext<DocumentLanguage>('en');

export function useScreenText(): ScreenText {
  const language = useContext(ScreenLanguage);
  return useMemo(() => (id, values) => t(language, id, values), [language]);
}
