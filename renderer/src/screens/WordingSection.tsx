/**
 * Settings › Wording of client documents (issue 14, item 3): each fixed text of the documents a client takes home,
 * in English and Spanish side by side, one document at a time. The clinic may replace a text with its own (a new
 * version, with who reviewed it and when) or mark the shipped text reviewed; shipped Spanish says it is not yet
 * reviewed by the clinic until someone does. Administrators only, as the clinic profile.
 */
import { useCallback, useEffect, useState } from 'react';
import type { WordingEntry } from '../../../shared/domain/wording';
import {
  CLIENT_DOCUMENTS,
  CLIENT_DOCUMENT_NAMES,
  documentMessages,
  type ClientDocument,
} from '../../../shared/i18n/documents';
import { MESSAGE_IDS, type MessageId } from '../../../shared/i18n/catalogue';
import { LANGUAGE_LABELS, type DocumentLanguage } from '../../../shared/i18n/languages';
import { call } from '../api/client';
import { NativeSelectField, TextAreaField } from '../components/controls';
import { FormMessage } from '../components/FormError';
import { useForm } from '../components/useForm';
import { formatDateTime } from '../format';

const BY_DOCUMENT = documentMessages(MESSAGE_IDS);

export function WordingSection({ admin }: { admin: boolean }) {
  const [entries, setEntries] = useState<WordingEntry[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [document, setDocument] = useState<ClientDocument>('aftercare');
  const load = useCallback(async () => {
    const r = await call('wording.list', {});
    if (r.ok) setEntries(r.value);
    else setLoadError(r.error.message);
  }, []);
  useEffect(() => void load(), [load]);

  const entry = (id: MessageId, language: DocumentLanguage) =>
    entries?.find((e) => e.messageId === id && e.language === language);
  const ids = [...new Set(BY_DOCUMENT[document])];
  const unreviewed = entries?.filter((e) => !e.reviewed).length ?? 0;

  return (
    <section className="panel wording" aria-labelledby="wording-settings">
      <h2 id="wording-settings">Wording of client documents</h2>
      <p className="muted">
        The fixed words on what a client takes home, in each language. What a clinician types on a plan prints
        as typed. A text you replace is used on every print from then on.
        {entries &&
          ` ${unreviewed} ${unreviewed === 1 ? 'text is' : 'texts are'} not yet reviewed by the clinic.`}
      </p>
      {!admin && (
        <p className="muted admin-only" role="note">
          Only a practice administrator can review or change them.
        </p>
      )}
      <FormMessage message={loadError} />
      <NativeSelectField
        label="Document"
        value={document}
        onChange={(e) => setDocument(e.target.value as ClientDocument)}
      >
        {CLIENT_DOCUMENTS.map((d) => (
          <option key={d} value={d}>
            {CLIENT_DOCUMENT_NAMES[d]}
          </option>
        ))}
      </NativeSelectField>
      {entries && (
        <table className="wording__table">
          <caption className="visually-hidden">{CLIENT_DOCUMENT_NAMES[document]}: fixed texts</caption>
          <thead>
            <tr>
              <th scope="col">Text</th>
              <th scope="col">{LANGUAGE_LABELS.en}</th>
              <th scope="col">{LANGUAGE_LABELS.es}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => (
              <tr key={id}>
                <th scope="row">
                  <code>{id}</code>
                </th>
                {(['en', 'es'] as const).map((language) => {
                  const e = entry(id, language);
                  return (
                    <td key={language}>
                      {e && <WordingCell entry={e} admin={admin} onSaved={() => void load()} />}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function status(e: WordingEntry): string {
  if (!e.reviewed) return 'Not yet reviewed by the clinic';
  const who =
    e.reviewedByName && e.reviewedAtMs !== null
      ? `, reviewed by ${e.reviewedByName} ${formatDateTime(e.reviewedAtMs)}`
      : '';
  if (e.source === 'clinic') return `The clinic’s own wording, version ${e.version}${who}`;
  return e.version === 0 ? 'As shipped' : `As shipped${who}`;
}

function WordingCell({
  entry,
  admin,
  onSaved,
}: {
  entry: WordingEntry;
  admin: boolean;
  onSaved: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const f = useForm({
    initial: { text: entry.text },
    autoFocus: true,
    send: ({ text }) => call('wording.save', { language: entry.language, messageId: entry.messageId, text }),
    onDone: () => {
      setEditing(false);
      onSaved();
    },
  });
  const review = useForm({
    initial: {},
    autoFocus: false,
    send: () => call('wording.save', { language: entry.language, messageId: entry.messageId, text: null }),
    onDone: onSaved,
  });
  const label = `${LANGUAGE_LABELS[entry.language]} text ${entry.messageId}`;
  if (editing)
    return (
      <form ref={f.form} onSubmit={(e) => void f.submit(e)} aria-label={`Edit ${label}`} noValidate>
        <TextAreaField label={label} rows={3} {...f.text('text')} />
        <FormMessage message={f.formError} />
        <div className="actions">
          <button type="submit" className="primary" disabled={f.busy}>
            Save as the clinic’s wording
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      </form>
    );
  return (
    <div className="wording__cell" lang={entry.language}>
      <p>{entry.text}</p>
      <p className={entry.reviewed ? 'muted' : 'wording__unreviewed'}>{status(entry)}</p>
      {admin && (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)} aria-label={`Change: ${label}`}>
            Change
          </button>
          {!entry.reviewed && (
            <button type="button" onClick={() => void review.submit()} aria-label={`Mark reviewed: ${label}`}>
              Mark reviewed
            </button>
          )}
          <FormMessage message={review.formError} />
        </div>
      )}
    </div>
  );
}
