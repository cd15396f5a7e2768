/**
 * What a clinic's own wording of a client-document text may not do, checked when it is saved, when it is kept after a
 * release changed the shipped text, and at every print (a text the clinic saved under an older release is printed only
 * while it still passes against today's shipped text).
 *
 * The English notice (42 CFR 2.32's own text, and the own-copy line beside it) is never reworded; a translation may
 * be, once the clinic has reviewed it. A notice, crisis line or red flag keeps every number the shipped text gives
 * (988, 911, "oprima 2", "42 CFR parte 2", "2.31") and stays a real text: at least half the shipped text's letters,
 * so no wording can gut the notice or leave a client without the warning or the number to call.
 */
import type { MessageId } from './catalogue';
import { REGULATION_TEXTS } from './documents';
import type { DocumentLanguage } from './languages';
import { shapeProblem } from './placeholders';

/** English texts that are never reworded: the regulation's notice and the line that tells the client what it means. */
export const LOCKED_ENGLISH: readonly MessageId[] = [...REGULATION_TEXTS, 'notice.ownCopy'];

/**
 * Texts a client's safety or the law depends on: their numbers are kept and they cannot be cut down to nothing. The
 * taper's safety rules are among them (CLINICAL.md §1.5: never extracts or 7-OH, nothing to mix, what to do when
 * withdrawal is too strong), as is the heading over the aftercare plan's warning signs.
 */
const GUARDED = ['notice.', 'crisis.', 'redflags.', 'taper.safe.', 'taper.strong.', 'aftercare.redFlags'];

/**
 * The notice speaks for the law: a clinic's notice written against an older shipped notice is not printed until
 * someone reads the new one and keeps or rewords theirs (other texts go on printing, flagged).
 */
export function heldNotice(id: MessageId, basedOn: string | null, shipped: string): string | null {
  return id.startsWith('notice.') && basedOn !== shipped
    ? 'The shipped notice changed since this text was written: read the new one, then keep or reword this text.'
    : null;
}

/** Letters outside placeholders, in any script. */
const letters = (text: string): number => text.replace(/\{[^{}]*\}/g, '').match(/\p{L}/gu)?.length ?? 0;

/** Why `text` cannot stand in for the shipped text `shipped` of `id` in `language`, or null. */
export function wordingProblem(
  language: DocumentLanguage,
  id: MessageId,
  shipped: string,
  text: string,
): string | null {
  if (text.trim() === '') return 'Write the text, or go back to the shipped wording.';
  if (language === 'en' && LOCKED_ENGLISH.includes(id))
    return id === 'notice.ownCopy'
      ? 'This line says whom the notice binds, as the law does, and cannot be reworded in English.'
      : 'The notice is the regulation’s own text (42 CFR 2.32) and cannot be reworded.';
  if (GUARDED.some((prefix) => id.startsWith(prefix))) {
    const missing = [...new Set(shipped.match(/\d+/g) ?? [])].filter(
      (n) => !new RegExp(`(^|\\D)${n}(\\D|$)`).test(text),
    );
    if (missing.length > 0) {
      const many = missing.length > 1;
      return `Keep the number${many ? 's' : ''} ${missing.join(', ')}: ${
        id.startsWith('notice.') ? 'the notice cites' : 'clients need'
      } ${many ? 'them' : 'it'}.`;
    }
    const needed = Math.ceil(letters(shipped) / 2);
    if (letters(text) < needed)
      return `Say all of it: a ${
        id.startsWith('notice.')
          ? 'notice'
          : id.startsWith('crisis.')
            ? 'crisis line'
            : id.startsWith('taper.')
              ? 'safety rule'
              : 'warning sign'
      } needs at least ${needed} letters here (the shipped text has ${letters(shipped)}).`;
  }
  return shapeProblem(shipped, text, id);
}
