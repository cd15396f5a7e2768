/**
 * The clinic's wording of client documents (issue 14, item 3). Everyone reads it; only a practice administrator
 * reviews or replaces a text, as with the clinic profile and settings. Each save is a new version with who reviewed
 * it and when, audited.
 */
import {
  currentWriter,
  insertWordingVersion,
  isDocumentMessageId,
  listWording,
  wordingEntry,
  wordingHistory,
} from '../db/repositories/clinicWording';
import { CATALOGUES, type MessageId } from '../../shared/i18n/catalogue';
import { REGULATION_TEXTS } from '../../shared/i18n/documents';
import type { DocumentLanguage } from '../../shared/i18n/languages';
import { shapeProblem } from '../../shared/i18n/placeholders';
import { AppError, fieldError } from '../errors';
import type { DomainHandlers } from './types';

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
  return shapeProblem(shipped, text, id);
}

/** The text, or NOT_FOUND: only the fixed texts of client documents have a wording. */
function documentText(messageId: string): MessageId {
  if (!isDocumentMessageId(messageId))
    throw new AppError('NOT_FOUND', 'There is no such text on client documents.');
  return messageId;
}

export const wordingHandlers: DomainHandlers<'wording'> = {
  'wording.list': (_input, { db }) => listWording(db),
  'wording.history': ({ language, messageId }, { db }) =>
    wordingHistory(db, language, documentText(messageId)),
  'wording.save': ({ language, messageId, text }, { db, practice, user }) => {
    practice.requireAdministrator('change the wording of client documents');
    const id = documentText(messageId);
    const shipped = CATALOGUES[language][id];
    const problem = wordingProblem(language, id, shipped, text);
    if (problem) throw fieldError('INVALID_INPUT', 'text', problem);
    db.transaction(() => {
      const own = text !== shipped;
      insertWordingVersion(db, {
        language,
        messageId: id,
        source: own ? 'clinic' : 'shipped',
        // Saving the shipped text word for word keeps it, reviewed.
        kind: own ? 'written' : 'reviewed',
        text,
        basedOn: shipped,
        writtenBy: own ? user.id : null,
        userId: user.id,
        atMs: practice.clock.now(),
      });
      practice.audit({ action: 'update', entity: 'wording', entityId: `${language}:${id}` });
    })();
    return wordingEntry(db, language, id);
  },
  'wording.review': ({ language, messageId }, { db, practice, user }) => {
    practice.requireAdministrator('review the wording of client documents');
    const id = documentText(messageId);
    const shipped = CATALOGUES[language][id];
    const current = wordingEntry(db, language, id);
    db.transaction(() => {
      // The text in force, reviewed against the shipped text of this release: the clinic's own keeps its author.
      insertWordingVersion(db, {
        language,
        messageId: id,
        source: current.source,
        kind: 'reviewed',
        text: current.text,
        basedOn: shipped,
        writtenBy: current.source === 'clinic' ? currentWriter(db, language, id) : null,
        userId: user.id,
        atMs: practice.clock.now(),
      });
      practice.audit({ action: 'review', entity: 'wording', entityId: `${language}:${id}` });
    })();
    return wordingEntry(db, language, id);
  },
  'wording.restore': ({ language, messageId }, { db, practice, user }) => {
    practice.requireAdministrator('change the wording of client documents');
    const id = documentText(messageId);
    const shipped = CATALOGUES[language][id];
    if (wordingEntry(db, language, id).source !== 'clinic')
      throw new AppError('CONFLICT', 'This text is already the shipped one.');
    db.transaction(() => {
      insertWordingVersion(db, {
        language,
        messageId: id,
        source: 'shipped',
        kind: 'restored',
        text: shipped,
        basedOn: shipped,
        writtenBy: null,
        userId: user.id,
        atMs: practice.clock.now(),
      });
      practice.audit({ action: 'restore-shipped', entity: 'wording', entityId: `${language}:${id}` });
    })();
    return wordingEntry(db, language, id);
  },
};
