/**
 * The wording screen names texts for an administrator: each fixed text has a document, a part and a summary in
 * words; every placeholder of every text is described in both catalogues (never the fallback); plurals and selects
 * are read as their cases; and a replacement that loses a placeholder is refused in words.
 */
import { describe, expect, it } from 'vitest';
import {
  CATALOGUES,
  DOCUMENT_MESSAGE_IDS,
  MESSAGE_IDS,
  t,
  type MessageId,
} from '../../../../shared/i18n/catalogue';
import { groupOf, partOf, placeholderKey, placeholderNames, segments } from '../../../../shared/i18n/labels';
import { shapeProblem } from '../../../../shared/i18n/placeholders';
import { wordingLabel } from '../../../../renderer/src/screens/wording/wordingLabels';

const en = (id: Parameters<typeof t>[1], values?: Record<string, string | number>) => t('en', id, values);

describe('names of the fixed texts on the wording screen', () => {
  it('gives every text a document and a part, and keeps screen text off the list', () => {
    expect(DOCUMENT_MESSAGE_IDS.length).toBeGreaterThan(100);
    expect(DOCUMENT_MESSAGE_IDS.some((id) => id.startsWith('screen.'))).toBe(false);
    expect(MESSAGE_IDS.filter((id) => id.startsWith('screen.')).length).toBeGreaterThan(30);
    expect(groupOf('safety.signs')).toBe('safety');
    expect(groupOf('notice.full')).toBe('every');
    expect(groupOf('redflags.seizure')).toBe('crisis');
    expect(partOf('safety.signs')).toBe('heading');
    expect(partOf('safety.title')).toBe('title');
    expect(partOf('aftercare.pharmacy')).toBe('label');
    expect(partOf('crisis.988')).toBe('crisisLine');
    expect(wordingLabel(en, 'safety.signs', CATALOGUES.en['safety.signs'])).toBe(
      'Safety plan › heading: Signs that a hard time may be starting',
    );
    expect(wordingLabel(en, 'crisis.clinic', CATALOGUES.en['crisis.clinic'])).toBe(
      'Crisis lines and warning signs › crisis line: [the clinic’s name] — [the clinic’s phone number]',
    );
    expect(wordingLabel(en, 'taper.form', CATALOGUES.en['taper.form'])).toBe(
      'Taper schedule › text: [changes with the product form]',
    );
  });

  it('describes every placeholder of every text in words, in both catalogues', () => {
    for (const language of ['en', 'es'] as const) {
      const fallback = t(language, 'screen.placeholder', { name: 'nothing-like-this' });
      for (const id of DOCUMENT_MESSAGE_IDS)
        for (const name of placeholderNames(CATALOGUES.en[id])) {
          const words = t(language, 'screen.placeholder', { name: placeholderKey(id, name) });
          expect(words, `${language} ${id} {${name}}`).not.toBe(fallback);
        }
    }
    expect(en('screen.placeholder', { name: placeholderKey('plan.contact', 'phone') })).toBe(
      'the person’s phone number',
    );
  });

  it('reads a select as its cases and a placeholder as a chip', () => {
    expect(segments(CATALOGUES.en['taper.strong.call'])).toEqual([
      { kind: 'text', text: 'Call the clinic at ' },
      { kind: 'placeholder', name: 'phone', source: '{phone}', cases: null },
      { kind: 'text', text: '. We can hold this step for longer or change the pace.' },
    ]);
    const [group] = segments(CATALOGUES.es['relapse.group']);
    expect(group).toMatchObject({ kind: 'placeholder', name: 'group' });
    expect(group?.kind === 'placeholder' && group.cases).toHaveLength(3);
    expect(segments('Stop {')).toEqual([{ kind: 'text', text: 'Stop {' }]);
  });

  it('refuses a replacement that loses or adds a placeholder, in words', () => {
    const id: MessageId = 'plan.contact';
    expect(shapeProblem(CATALOGUES.es[id], '{name}', id)).toBe(
      'Keep {phone} (the person’s phone number): the document fills it in.',
    );
    expect(shapeProblem(CATALOGUES.es[id], '{name} {phone} {chart}', id)).toBe(
      'Remove {chart} (the chart number): nothing fills it in.',
    );
    expect(shapeProblem(CATALOGUES.es[id], '{phone}: {name}', id)).toBeNull();
  });
});
