/**
 * One text in one language on the wording screen: the text in force with its placeholders in words, who wrote and
 * reviewed it, a flag when the shipped text it was based on has changed (old shipped, new shipped and the clinic's
 * text side by side), the administrator's actions, and the version history. Editing keeps the raw text (plurals
 * and selects are edited as written) and lists what each placeholder holds; a text that loses or adds one is
 * refused beside the field and nothing saved is lost.
 */
import { useState } from 'react';
import type { WordingEntry, WordingVersion } from '../../../../shared/domain/wording';
import type { MessageId } from '../../../../shared/i18n/catalogue';
import { placeholderNames } from '../../../../shared/i18n/labels';
import { LOCKED_ENGLISH, wordingProblem } from '../../../../shared/i18n/wordingRules';
import { call } from '../../api/client';
import { TextAreaField } from '../../components/controls';
import { FormMessage } from '../../components/FormError';
import { useForm } from '../../components/useForm';
import { formatDateTime } from '../../format';
import { useScreenText, type ScreenText } from '../../i18n/useScreenText';
import { describePlaceholder } from './wordingLabels';
import { ReadableText } from './wordingText';

function statusLines(s: ScreenText, e: WordingEntry): string[] {
  if (!e.reviewed) return [s('screen.wording.status.unreviewed')];
  const lines = [
    e.source === 'clinic'
      ? s('screen.wording.status.own', { version: e.version })
      : s('screen.wording.status.shipped'),
  ];
  if (e.writtenByName) lines.push(s('screen.wording.status.writer', { name: e.writtenByName }));
  if (e.reviewedByName && e.reviewedAtMs !== null)
    lines.push(
      s('screen.wording.status.reviewer', { name: e.reviewedByName, date: formatDateTime(e.reviewedAtMs) }),
    );
  return lines;
}

export function WordingCell({
  entry,
  label,
  admin,
  onSaved,
}: {
  entry: WordingEntry;
  /** The text's name on the screen ("Safety plan › heading: …"). */
  label: string;
  admin: boolean;
  onSaved: () => void;
}) {
  const s = useScreenText();
  const id = entry.messageId as MessageId;
  const language = s(`screen.language.${entry.language}`);
  const named = `${label} (${language})`;
  const [editing, setEditing] = useState(false);
  const ref = { language: entry.language, messageId: entry.messageId };
  const f = useForm({
    initial: { text: entry.text },
    autoFocus: true,
    send: ({ text }) => call('wording.save', { ...ref, text }),
    onDone: () => {
      setEditing(false);
      onSaved();
    },
  });
  const review = useForm({
    initial: {},
    autoFocus: false,
    send: () => call('wording.review', ref),
    onDone: onSaved,
  });
  const restore = useForm({
    initial: {},
    autoFocus: false,
    send: () => call('wording.restore', ref),
    onDone: onSaved,
  });

  if (editing) {
    const keep = placeholderNames(entry.shipped)
      .map((name) => `{${name}} = ${describePlaceholder(s, id, name)}`)
      .join('; ');
    return (
      <form ref={f.form} onSubmit={(e) => void f.submit(e)} aria-label={named} noValidate>
        <TextAreaField
          label={s('screen.wording.field', { language })}
          rows={4}
          lang={entry.language}
          hint={keep ? `${s('screen.wording.keep')} ${keep}` : undefined}
          {...f.text('text')}
        />
        <FormMessage message={f.formError} />
        <div className="actions">
          <button type="submit" className="primary" disabled={f.busy}>
            {s('screen.wording.save')}
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            {s('screen.wording.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="wording__cell">
      <div lang={entry.language}>
        <ReadableText s={s} id={id} text={entry.text} />
      </div>
      {statusLines(s, entry).map((line) => (
        <p key={line} className={entry.reviewed ? 'muted' : 'wording__unreviewed'}>
          {line}
        </p>
      ))}
      {entry.unusable !== null && (
        <p className="wording__unreviewed" role="note">
          {entry.language === 'en' && LOCKED_ENGLISH.includes(id)
            ? s('screen.wording.unusable.locked')
            : s('screen.wording.unusable', { problem: entry.unusable })}
        </p>
      )}
      {entry.shippedChanged && <ShippedChanged s={s} id={id} entry={entry} />}
      {admin && (
        <div className="actions">
          {!(entry.language === 'en' && LOCKED_ENGLISH.includes(id)) && (
            <button
              type="button"
              onClick={() => setEditing(true)}
              aria-label={`${s('screen.wording.change')}: ${named}`}
            >
              {s('screen.wording.change')}
            </button>
          )}
          {!entry.reviewed && (
            <button
              type="button"
              onClick={() => void review.submit()}
              aria-label={`${s('screen.wording.markReviewed')}: ${named}`}
            >
              {s('screen.wording.markReviewed')}
            </button>
          )}
          {entry.source === 'clinic' &&
            entry.shippedChanged &&
            // Held notices may be kept once read; a text that no longer fits must be reworded.
            wordingProblem(entry.language, id, entry.shipped, entry.text) === null && (
              <button
                type="button"
                onClick={() => void review.submit()}
                aria-label={`${s('screen.wording.keepOwn')}: ${named}`}
              >
                {s('screen.wording.keepOwn')}
              </button>
            )}
          {entry.source === 'clinic' && (
            <button
              type="button"
              onClick={() => void restore.submit()}
              aria-label={`${s('screen.wording.restore')}: ${named}`}
            >
              {s('screen.wording.restore')}
            </button>
          )}
        </div>
      )}
      <FormMessage message={review.formError ?? restore.formError} />
      {entry.version > 0 && <History s={s} entry={entry} named={named} />}
    </div>
  );
}

/** Old shipped, new shipped and the clinic's text in use, to review side by side. */
function ShippedChanged({ s, id, entry }: { s: ScreenText; id: MessageId; entry: WordingEntry }) {
  const own = entry.source === 'clinic';
  return (
    <div className="wording__flag" role="note">
      {/* An unusable clinic text says so above: it is not the text in use. */}
      {entry.unusable === null && (
        <p className="wording__unreviewed">
          {own
            ? s(entry.basedOn === null ? 'screen.wording.flag.unknown' : 'screen.wording.flag')
            : s('screen.wording.flag.shipped')}
        </p>
      )}
      <dl lang={entry.language}>
        {entry.basedOn !== null && (
          <>
            <dt>{s(own ? 'screen.wording.basedOn' : 'screen.wording.reviewedShipped')}</dt>
            <dd>
              <ReadableText s={s} id={id} text={entry.basedOn} />
            </dd>
          </>
        )}
        <dt>{s('screen.wording.shippedNow')}</dt>
        <dd>
          <ReadableText s={s} id={id} text={entry.shipped} />
        </dd>
        {own && (
          <>
            <dt>
              {s(entry.unusable === null ? 'screen.wording.clinicText' : 'screen.wording.clinicTextUnused')}
            </dt>
            <dd>
              <ReadableText s={s} id={id} text={entry.text} />
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Every version, newest first, loaded when opened. */
function History({ s, entry, named }: { s: ScreenText; entry: WordingEntry; named: string }) {
  const [versions, setVersions] = useState<WordingVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    const r = await call('wording.history', { language: entry.language, messageId: entry.messageId });
    if (r.ok) setVersions(r.value);
    else setError(r.error.message);
  };
  return (
    <details
      className="wording__history"
      onToggle={(e) => {
        if (e.currentTarget.open && versions === null) void open();
      }}
    >
      <summary aria-label={`${s('screen.wording.history')}: ${named}`}>{s('screen.wording.history')}</summary>
      <FormMessage message={error} />
      {versions?.length === 0 && <p className="muted">{s('screen.wording.history.none')}</p>}
      <ol>
        {versions?.map((v) => (
          <li key={v.version}>
            <p>
              <strong>{s('screen.wording.history.version', { version: v.version, kind: v.kind })}</strong>
            </p>
            <div lang={entry.language}>
              <ReadableText s={s} id={entry.messageId as MessageId} text={v.text} />
            </div>
            <p className="muted">
              {v.writtenByName && `${s('screen.wording.status.writer', { name: v.writtenByName })} `}
              {v.reviewedByName &&
                s('screen.wording.status.reviewer', {
                  name: v.reviewedByName,
                  date: formatDateTime(v.reviewedAtMs),
                })}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
