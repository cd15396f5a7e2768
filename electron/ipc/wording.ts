/**
 * The clinic's wording of client documents (issue 14, item 3). Everyone reads it; only a practice administrator
 * reviews or replaces a text, as with the clinic profile and settings. Each save is a new version with who reviewed
 * it and when, audited.
 */
import { insertWordingVersion, listWording } from '../db/repositories/clinicWording';
import { CATALOGUES, MESSAGE_IDS, type MessageId } from '../../shared/i18n/catalogue';
import { shapeProblem } from '../../shared/i18n/placeholders';
import { AppError, fieldError } from '../errors';
import type { DomainHandlers } from './types';

const isMessageId = (id: string): id is MessageId => (MESSAGE_IDS as string[]).includes(id);

export const wordingHandlers: DomainHandlers<'wording'> = {
  'wording.list': (_input, { db }) => listWording(db),
  'wording.save': ({ language, messageId, text }, { db, practice, user }) => {
    practice.requireAdministrator('change the wording of client documents');
    if (!isMessageId(messageId))
      throw new AppError('NOT_FOUND', 'There is no such text on client documents.');
    const shipped = CATALOGUES[language][messageId];
    if (text !== null) {
      const problem = shapeProblem(shipped, text);
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
