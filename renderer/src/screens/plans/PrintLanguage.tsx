/**
 * The language of one print of a client document (issue 14): it starts at the client's language for documents and
 * may be changed for this print only; the client's record is not changed.
 */
import { useEffect, useState } from 'react';
import {
  DOCUMENT_LANGUAGES,
  LANGUAGE_ENDONYMS,
  type DocumentLanguage,
} from '../../../../shared/i18n/languages';
import { call } from '../../api/client';
import { NativeSelectField } from '../../components/controls';
import { useScreenText } from '../../i18n/useScreenText';

/** The chosen language (null until the client's is known, which prints in the client's language). */
export function usePrintLanguage(clientId: string) {
  const [clientLanguage, setClientLanguage] = useState<DocumentLanguage | null>(null);
  const [chosen, setChosen] = useState<DocumentLanguage | null>(null);
  useEffect(() => {
    let live = true;
    void call('clients.get', { id: clientId }).then((r) => {
      if (live && r.ok) setClientLanguage(r.value.documentLanguage);
    });
    return () => {
      live = false;
    };
  }, [clientId]);
  const language = chosen ?? clientLanguage;
  // After a print the field goes back to the client's language: a change is for one print, as the hint says.
  const printed = () => setChosen(null);
  return { language, clientLanguage, choose: setChosen, printed };
}

export function PrintLanguageField({
  language,
  clientLanguage,
  choose,
}: Omit<ReturnType<typeof usePrintLanguage>, 'printed'>) {
  const s = useScreenText();
  return (
    <NativeSelectField
      label={s('screen.print.label')}
      hint={
        clientLanguage
          ? s('screen.print.hint', { language: s(`screen.language.${clientLanguage}`) })
          : undefined
      }
      value={language ?? ''}
      onChange={(e) => choose(e.target.value as DocumentLanguage)}
    >
      {language === null && <option value="">{s('screen.print.clientLanguage')}</option>}
      {DOCUMENT_LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {l === 'en'
            ? s(`screen.language.${l}`)
            : s('screen.language.option', {
                language: s(`screen.language.${l}`),
                endonym: LANGUAGE_ENDONYMS[l],
              })}
        </option>
      ))}
    </NativeSelectField>
  );
}
