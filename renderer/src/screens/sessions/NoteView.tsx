/**
 * A signed note, read-only: who signed it and when, the SHA-256 of what was signed, a check that it still matches,
 * co-signature, print, and signed addenda (the only way to correct a signed note).
 */
import { useRef, useState } from 'react';
import type { User } from '../../../../shared/domain/identity';
import type { Note } from '../../../../shared/domain/notes';
import { call } from '../../api/client';
import { formatDateTime } from '../../format';
import { NoteBody } from './NoteReadOnly';
import { AddendumForm, PassphraseForm } from './PassphraseForms';
import { NotePrint } from './NotePrint';

type Verification = { signed: boolean; intact: boolean; addendaIntact: boolean };

export function NoteView({
  note,
  user,
  goalTexts,
  active,
  onChanged,
}: {
  note: Note;
  user: User | null;
  goalTexts: ReadonlyMap<string, string>;
  /** Whether the tab is showing: the consents offered for a disclosure are read again each time it is. */
  active: boolean;
  onChanged: (note: Note) => void;
}) {
  const [form, setForm] = useState<'cosign' | 'addendum' | null>(null);
  const [verification, setVerification] = useState<Verification | { error: string } | null>(null);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const canCosign = user?.role === 'supervisor' && note.cosignedAtMs === null && note.signedById !== user.id;

  async function verify() {
    setVerification(null);
    const result = await call('notes.verify', { id: note.id });
    setVerification(result.ok ? result.value : { error: result.error.message });
  }

  const close = () => {
    setForm(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <article className="note-view" aria-label="Signed note">
      <div className="signature">
        <p>
          <strong>Signed</strong> by {note.signedByName ?? 'a former staff member'},{' '}
          {note.signedAtMs !== null && formatDateTime(note.signedAtMs)}
        </p>
        {note.cosignedAtMs !== null && (
          <p>
            <strong>Co-signed</strong> by {note.cosignedByName ?? 'a former staff member'},{' '}
            {formatDateTime(note.cosignedAtMs)}
          </p>
        )}
        <p className="hash">
          SHA-256 <code data-testid="note-hash">{note.contentHash}</code>
        </p>
        <div className="actions">
          <button type="button" onClick={() => void verify()}>
            Verify
          </button>
          <VerifyResult verification={verification} />
        </div>
      </div>
      <NoteBody note={note} goalTexts={goalTexts} />
      <section className="addenda" aria-labelledby={`addenda-${note.id}`}>
        <h3 id={`addenda-${note.id}`}>Addenda</h3>
        {note.addenda.length === 0 ? (
          <p className="muted">No addenda.</p>
        ) : (
          <ol className="addendum-list">
            {note.addenda.map((a) => (
              <li key={a.id} className="addendum">
                <p className="note-text">{a.text}</p>
                <p className="muted">
                  Signed by {a.signedByName ?? 'a former staff member'}, {formatDateTime(a.signedAtMs)}
                </p>
                <p className="hash">
                  SHA-256 <code>{a.contentHash}</code>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p role="status" className="saved-note">
        {status}
      </p>
      {form === 'addendum' && (
        <AddendumForm
          onSubmit={async (text, passphrase) => {
            const result = await call('notes.addAddendum', { id: note.id, addendum: { text }, passphrase });
            if (!result.ok) return result.error;
            onChanged(result.value);
            setStatus('Addendum signed and added.');
            close();
            return null;
          }}
          onCancel={close}
        />
      )}
      {form === 'cosign' && (
        <PassphraseForm
          title="Co-sign this note"
          explanation="As supervisor you confirm you have reviewed this signed note."
          submitLabel="Co-sign note"
          onSubmit={async (passphrase) => {
            const result = await call('notes.cosign', { id: note.id, passphrase });
            if (!result.ok) return result.error;
            onChanged(result.value);
            setStatus('Note co-signed.');
            close();
            return null;
          }}
          onCancel={close}
        />
      )}
      {form === null && (
        <div className="actions note-view__actions">
          <button type="button" ref={addButton} onClick={() => setForm('addendum')}>
            Add addendum…
          </button>
          {canCosign && (
            <button type="button" onClick={() => setForm('cosign')}>
              Co-sign…
            </button>
          )}
        </div>
      )}
      <NotePrint note={note} active={active} />
    </article>
  );
}

function VerifyResult({ verification }: { verification: Verification | { error: string } | null }) {
  let text = '';
  let bad = false;
  if (verification && 'error' in verification) {
    text = verification.error;
    bad = true;
  } else if (verification) {
    bad = !verification.intact || !verification.addendaIntact;
    text = bad
      ? `Not intact: ${verification.intact ? 'an addendum' : 'the note'} no longer matches its signature.`
      : 'Intact: the note and its addenda match their signatures.';
  }
  return (
    <span role="status" className={bad ? 'verify verify--bad' : 'verify verify--ok'}>
      {text}
    </span>
  );
}
