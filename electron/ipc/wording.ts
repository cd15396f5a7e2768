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
import { wordingProblem } from '../../shared/i18n/wordingRules';
import { AppError, fieldError } from '../errors';
import type { DomainHandlers } from './types';

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
    const current = wordingEntry(db, language, id);
    // The same text, already reviewed against today's shipped text: a version would record nothing.
    if (current.version > 0 && current.reviewed && !current.shippedChanged && current.text === text)
      throw fieldError('INVALID_INPUT', 'text', 'This is already the text in use: change it, or cancel.');
    const own = text !== shipped;
    // Saving the shipped text word for word keeps it, reviewed; after a clinic text, it goes back to the shipped one.
    const restoring = !own && current.source === 'clinic';
    db.transaction(() => {
      insertWordingVersion(db, {
        language,
        messageId: id,
        source: own ? 'clinic' : 'shipped',
        kind: own ? 'written' : restoring ? 'restored' : 'reviewed',
        text,
        basedOn: shipped,
        writtenBy: own ? user.id : null,
        userId: user.id,
        atMs: practice.clock.now(),
      });
      practice.audit({
        action: restoring ? 'restore-shipped' : 'update',
        entity: 'wording',
        entityId: `${language}:${id}`,
      });
    })();
    return wordingEntry(db, language, id);
  },
  'wording.review': ({ language, messageId }, { db, practice, user }) => {
    practice.requireAdministrator('review the wording of client documents');
    const id = documentText(messageId);
    const shipped = CATALOGUES[language][id];
    const current = wordingEntry(db, language, id);
    // A clinic text kept after a release must still fit today's shipped text (its placeholders, numbers and length),
    // or the document could not print it.
    const problem = current.source === 'clinic' ? wordingProblem(language, id, shipped, current.text) : null;
    if (problem)
      throw fieldError('INVALID_INPUT', 'text', `Reword the clinic’s text before keeping it. ${problem}`);
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
