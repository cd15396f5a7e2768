/**
 * Settings → Backups: each backup folder with its last backup and result, "Back up now", the optional second
 * folder (an external drive), and restore with a preview. Everyone may back up and see the folders; choosing the
 * second folder and restoring are for a practice administrator (main refuses anyone else), and the page says so.
 */
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, User } from '../../../shared/domain/identity';
import type { BackupFolderStatus } from '../../../shared/ipc/channels/identity';
import { call, hasSystemChooser } from '../api/client';
import { Field } from '../components/Field';
import { FormMessage } from '../components/FormError';
import { useForm } from '../components/useForm';
import { formatBytes, formatDateTime } from '../format';
import { RestorePanel } from './RestorePanel';
import { AdminOnly } from './StaffSection';
import './settings.css';

export function BackupSection({ user, onRestored }: { user: User; onRestored: (message: string) => void }) {
  const [folders, setFolders] = useState<BackupFolderStatus[]>([]);
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('backup.folders', {}).then((r) => r.ok && setFolders(r.value));
    void call('backup.list', {}).then((r) => r.ok && setBackups(r.value));
  }, []);
  useEffect(load, [load]);
  useEffect(() => void call('users.list', {}).then((r) => r.ok && setUsers(r.value)), []);

  async function backUp() {
    setBusy(true);
    setDone(null);
    const result = await call('backup.create', {});
    setBusy(false);
    load();
    if (result.ok) {
      setError(null);
      setDone(`Backed up at ${formatDateTime(result.value.createdAtMs)}.`);
    } else setError(result.error.message);
  }

  const second = folders.find((f) => f.kind === 'second') ?? null;
  return (
    <section className="panel" aria-labelledby="backup-settings">
      <h2 id="backup-settings">Backups</h2>
      <p className="muted">
        Each backup is an encrypted, verified copy of the whole practice with its recovery kit: this practice
        opens it as it is, and if this computer's keys are lost, the recovery key opens it with its kit.
        Clearleaf backs up every day, when you quit and before every update of the database; it keeps 7 daily,
        4 weekly and 12 monthly backups in each folder.
      </p>
      <FormMessage message={error} />
      <table className="table" aria-label="Backup folders">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Where</th>
            <th scope="col">Newest backup</th>
            <th scope="col">Last attempt</th>
          </tr>
        </thead>
        <tbody>
          {folders.map((f) => (
            <tr key={f.kind}>
              <th scope="row">{f.kind === 'main' ? 'Backups folder' : 'Second folder'}</th>
              <td className="path">{f.dir}</td>
              <td>{f.newest ? formatDateTime(f.newest.createdAtMs) : 'None yet'}</td>
              <td>
                {f.lastAttempt === null ? (
                  f.kind === 'main' ? (
                    'None yet'
                  ) : (
                    'None since this folder was chosen'
                  )
                ) : f.lastAttempt.ok ? (
                  <span className="result result--ok">Succeeded {formatDateTime(f.lastAttempt.atMs)}</span>
                ) : (
                  <span className="result result--failed">
                    Failed {formatDateTime(f.lastAttempt.atMs)}: {f.lastAttempt.message}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={backUp} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
        {done && <span role="status">{done}</span>}
      </div>

      <h3 id="second-folder-title">Second backup folder</h3>
      {user.administrator ? (
        <SecondFolderForm current={second?.dir ?? ''} onSaved={load} />
      ) : (
        <>
          <p>{second ? `Backups are also copied to ${second.dir}.` : 'No second folder is set.'}</p>
          <AdminOnly what="choose the second backup folder" users={users} />
        </>
      )}

      <h3 id="restore-title">Restore a backup</h3>
      {!user.administrator ? (
        <AdminOnly what="restore a backup over the practice" users={users} />
      ) : (
        <>
          <p className="muted">
            Restoring replaces everything in Clearleaf with what the backup holds. First you see what the
            backup holds and what would be set aside; nothing is deleted (the current database is kept beside
            the restored one, and backed up first).
          </p>
          {backups.length > 0 && (
            <table className="table" aria-label="Backups in the backups folder">
              <thead>
                <tr>
                  <th scope="col">Taken</th>
                  <th scope="col">File</th>
                  <th scope="col">Size</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.fileName}>
                    <td>{formatDateTime(b.createdAtMs)}</td>
                    <td>{b.fileName}</td>
                    <td>{formatBytes(b.sizeBytes)}</td>
                    <td>
                      <button
                        type="button"
                        onClick={() => setRestoring(b.fileName)}
                        aria-label={`Preview restore of the backup taken ${formatDateTime(b.createdAtMs)}`}
                      >
                        Preview restore
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <RestorePanel
            key={restoring ?? 'file'}
            listed={restoring}
            hasListed={backups.length > 0}
            onClose={() => setRestoring(null)}
            onRestored={onRestored}
          />
        </>
      )}
    </section>
  );
}

/** The optional second folder (an external drive): typed, or chosen with the system chooser in the app. */
function SecondFolderForm({ current, onSaved }: { current: string; onSaved: () => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    initial: { dir: current },
    autoFocus: false,
    send: (v) => call('backup.setSecondFolder', v),
    onDone: (r) => {
      form.set('dir', r.dir);
      setSaved(
        r.dir ? `Backups will also be copied to ${r.dir}.` : 'No second folder: backups stay in one place.',
      );
      onSaved();
    },
  });
  useEffect(() => form.set('dir', current), [current]); // follow the saved folder only
  async function choose() {
    const r = await call('backup.choosePath', { kind: 'folder' });
    if (r.ok && r.value.path) form.set('dir', r.value.path);
  }
  return (
    <form ref={form.form} onSubmit={form.submit} aria-labelledby="second-folder-title" noValidate>
      <p className="muted">
        A folder on an external drive or another disk: every backup is copied there too and checked, so a lost
        or broken laptop does not take the backups with it. While the drive is unplugged, backups go on in the
        practice folder and the copy is marked failed here; plug it in from time to time (a backup is copied
        at the next daily backup or with Back up now), and keep it somewhere other than the laptop between
        times.
      </p>
      <FormMessage message={form.formError} />
      <div className="row row--end">
        <Field
          label="Folder path"
          hint="The full path of the folder, e.g. /Volumes/Backup/Clearleaf or E:\Clearleaf"
          spellCheck={false}
          {...form.text('dir')}
        />
        {hasSystemChooser() && (
          <button type="button" onClick={() => void choose()}>
            Choose…
          </button>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={form.busy}>
          Save second folder
        </button>
        {current !== '' && (
          <button
            type="button"
            disabled={form.busy}
            onClick={() => {
              form.set('dir', '');
              void call('backup.setSecondFolder', { dir: '' }).then((r) => {
                if (r.ok) {
                  setSaved('No second folder: backups stay in one place.');
                  onSaved();
                }
              });
            }}
          >
            Clear second folder
          </button>
        )}
        {saved && <span role="status">{saved}</span>}
      </div>
    </form>
  );
}
