/**
 * Settings › Wording of client documents (issue 14, item 3), for a clinic administrator: each fixed text of the
 * documents a client takes home, named by its document and part ("Safety plan › heading: …"), in English and
 * Spanish side by side, its placeholders in words. The clinic may replace a text with its own (a new version, with
 * who wrote it, who reviewed it and when), mark the shipped text reviewed, or go back to the shipped text; each
 * text has its version history. Shipped Spanish says it is not yet reviewed by the clinic until someone does, and a
 * clinic text whose shipped text changed in a later release is flagged for review (and keeps printing until then).
 * Administrators only change them, as the clinic profile.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WordingEntry } from '../../../../shared/domain/wording';
import { CATALOGUES, DOCUMENT_MESSAGE_IDS, type MessageId } from '../../../../shared/i18n/catalogue';
import { groupOf, WORDING_GROUPS, type WordingGroup } from '../../../../shared/i18n/labels';
import { DOCUMENT_LANGUAGES, type DocumentLanguage } from '../../../../shared/i18n/languages';
import { call } from '../../api/client';
import { NativeSelectField } from '../../components/controls';
import { FormMessage } from '../../components/FormError';
import { useScreenText } from '../../i18n/useScreenText';
import { WordingCell } from './WordingCell';
import { wordingLabel } from './wordingLabels';

type Shown = WordingGroup | 'needsReview';

export const needsReview = (e: WordingEntry): boolean =>
  !e.reviewed || e.shippedChanged || e.unusable !== null;

export function WordingSection({ admin }: { admin: boolean }) {
  const s = useScreenText();
  const [entries, setEntries] = useState<WordingEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>('aftercare');
  const firstLoad = useRef(true);
  const load = useCallback(async () => {
    const r = await call('wording.list', {});
    if (!r.ok) return setLoadError(r.error.message);
    setEntries(r.value);
    // The screen opens on what needs the clinic's attention, if anything does.
    if (firstLoad.current && r.value.some(needsReview)) setShown('needsReview');
    firstLoad.current = false;
  }, []);
  useEffect(() => void load(), [load]);

  const byKey = new Map((entries ?? []).map((e) => [`${e.language}:${e.messageId}`, e]));
  const entry = (id: MessageId, language: DocumentLanguage) => byKey.get(`${language}:${id}`);
  const toReview = new Set((entries ?? []).filter(needsReview).map((e) => e.messageId));
  const ids = DOCUMENT_MESSAGE_IDS.filter((id) =>
    shown === 'needsReview' ? toReview.has(id) : groupOf(id) === shown,
  );
  const unreviewed = entries?.filter((e) => !e.reviewed).length ?? 0;
  const changed = entries?.filter((e) => e.source === 'clinic' && e.shippedChanged).length ?? 0;
  const shownName =
    shown === 'needsReview'
      ? s('screen.wording.needsReview', { count: toReview.size })
      : s('screen.wording.group', { group: shown });

  return (
    <section className="panel wording" aria-labelledby="wording-settings">
      <h2 id="wording-settings">{s('screen.wording.heading')}</h2>
      <p className="muted">
        {s('screen.wording.intro')} {entries && s('screen.wording.unreviewed', { count: unreviewed })}
      </p>
      {changed > 0 && (
        <p className="wording__changed" role="status">
          {s('screen.wording.changedCount', { count: changed })}
        </p>
      )}
      {!admin && (
        <p className="muted admin-only" role="note">
          {s('screen.wording.adminOnly')}
        </p>
      )}
      <FormMessage message={loadError} />
      <NativeSelectField
        label={s('screen.wording.show')}
        value={shown}
        onChange={(e) => setShown(e.target.value as Shown)}
      >
        {WORDING_GROUPS.map((g) => (
          <option key={g} value={g}>
            {s('screen.wording.group', { group: g })}
          </option>
        ))}
        <option value="needsReview">{s('screen.wording.needsReview', { count: toReview.size })}</option>
      </NativeSelectField>
      {entries && (
        <table className="wording__table">
          <caption className="visually-hidden">{s('screen.wording.caption', { group: shownName })}</caption>
          <thead>
            <tr>
              <th scope="col">{s('screen.wording.col.text')}</th>
              {DOCUMENT_LANGUAGES.map((l) => (
                <th key={l} scope="col">
                  {s(`screen.language.${l}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const label = wordingLabel(s, id, CATALOGUES.en[id]);
              return (
                <tr key={id}>
                  <th scope="row" className="wording__label">
                    {label}
                  </th>
                  {DOCUMENT_LANGUAGES.map((language) => {
                    const e = entry(id, language);
                    return (
                      <td key={language}>
                        {e && (
                          <WordingCell
                            key={`${e.version}`}
                            entry={e}
                            label={label}
                            admin={admin}
                            onSaved={() => void load()}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
