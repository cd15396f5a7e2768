/**
 * The clinic's wording of client documents (issue 14, item 3). Everyone reads it; only a practice administrator
 * reviews or replaces a text, as with the clinic profile and settings. Each save is a new version with who reviewed
 * it and when, audited.
 */
import { insertWordingVersion, listWording } from '../db/repositories/clinicWording';
import { CATALOGUES, MESSAGE_IDS, type MessageId } from '../../shared/i18n/catalogue';
import { REGULATION_TEXTS } from '../../shared/i18n/documents';
import type { DocumentLanguage } from '../../shared/i18n/languages';
import { shapeProblem } from '../../shared/i18n/placeholders';
import { AppError, fieldError } from '../errors';
import type { DomainHandlers } from './types';

const isMessageId = (id: string): id is MessageId => (MESSAGE_IDS as string[]).includes(id);

/**
 * What a clinic's own wording may not do. The English notice is 42 CFR 2.32's own text and is never reworded (a
 * translation may be, once the clinic has reviewed it). A crisis line or red flag keeps every number the shipped
 * text gives (988, 911, "oprima 2"), so no wording can leave a client without the number to call.
 */
function wordingProblem(
  language: DocumentLanguage,
  id: MessageId,
  shipped: string,
  text: string,
): string | null {
  if (text.trim() === '') return 'Write the text, or go back to the shipped wording.';
  if (language === 'en' && REGULATION_TEXTS.includes(id))
    return 'The notice is the regulation’s own text (42 CFR 2.32) and cannot be reworded.';
  if (id.startsWith('crisis.') || id.startsWith('redflags.')) {
    const missing = [...new Set(shipped.match(/\d+/g) ?? [])].filter(
      (n) => !new RegExp(`(^|\\D)${n}(\\D|$)`).test(text),
    );
    if (missing.length > 0)
      return `Keep the number${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: clients call them.`;
  }
  return shapeProblem(shipped, text);
}

export const wordingHandlers: DomainHandlers<'wording'> = {
  'wording.list': (_input, { db }) => listWording(db),
  'wording.save': ({ language, messageId, text }, { db, practice, user }) => {
    practice.requireAdministrator('change the wording of client documents');
    if (!isMessageId(messageId))
      throw new AppError('NOT_FOUND', 'There is no such text on client documents.');
    const shipped = CATALOGUES[language][messageId];
    if (text !== null) {
      const problem = wordingProblem(language, messageId, shipped, text);
      if (problem) throw fieldError('INVALID_INPUT', 'text', problem);
    }
    db.transaction(() => {
      insertWordingVersion(db, {
        language,
        messageId,
        source: text === null || text === shipped ? 'shipped' : 'clinic',
        text: text ?? shipped,
        userId: user.id,
        atMs: practice.clock.now(),
      });
      practice.audit({ action: 'update', entity: 'wording', entityId: `${language}:${messageId}` });
    })();
    const entry = listWording(db).find((w) => w.language === language && w.messageId === messageId);
    if (!entry) throw new AppError('NOT_FOUND', 'There is no such text on client documents.');
    return entry;
  },
};
