/**
 * Restore with a preview, for a practice administrator: a backup from the list (`listed`) or a file chosen
 * anywhere (a drive, a backup the command-line tool wrote). The preview says when the backup was taken, what it
 * holds, what in the current database is newer and would be set aside, and who could unlock afterwards; the
 * restore itself is confirmed with the administrator's passphrase.
 */
import { useEffect, useState } from 'react';
import type { RestorePreview } from '../../../shared/ipc/channels/identity';
import { call, hasSystemChooser } from '../api/client';
import { ENTITY_WORDS } from '../auditWords';
import { Field } from '../components/Field';
import { FormMessage } from '../components/FormError';
import { useForm } from '../components/useForm';
import { formatDateTime } from '../format';

/** The records a clinician counts, in the order they would look for them; tables not named here are summed. */
const RECORDS: Array<[table: string, label: string]> = [
  ['clients', 'Clients'],
  ['notes', 'Session notes'],
  ['note_addenda', 'Note addenda'],
  ['mat_notes', 'MAT notes'],
  ['assessments', 'Assessments'],
  ['treatment_plan_versions', 'Treatment plan versions'],
  ['recovery_plans', 'Recovery plans'],
  ['taper_versions', 'Taper schedule versions'],
  ['medications', 'Medications'],
  ['use_log', 'Use-log entries'],
  ['consents', 'Consents'],
  ['disclosures', 'Disclosures'],
  ['group_sessions', 'Group sessions'],
  ['users', 'Staff accounts'],
  ['audit_log', 'Audit log entries'],
];

type Source = { fileName: string } | { file: string };

export function RestorePanel({
  listed,
  hasListed,
  onClose,
  onRestored,
}: {
  listed: string | null;
  /** Whether any backup is listed above, so the file field is an alternative ("Or …"), not the only way. */
  hasListed: boolean;
  onClose: () => void;
  onRestored: (message: string) => void;
}) {
  const [preview, setPreview] = useState<{ source: Source; value: RestorePreview } | null>(null);
  const chosen = useForm({
    initial: { file: '' },
    autoFocus: false,
    fieldPrefix: 'source',
    send: (v) => call('backup.preview', { source: { file: v.file } }),
    onDone: (value, v) => setPreview({ source: { file: v.file }, value }),
  });
  const fromList = useForm({
    initial: {},
    autoFocus: false,
    send: () => call('backup.preview', { source: { fileName: listed ?? '' } }),
    onDone: (value) => setPreview({ source: { fileName: listed ?? '' }, value }),
  });
  // A backup picked in the list is previewed at once (the panel is keyed by it, so this runs once per pick).
  useEffect(() => {
    if (listed) void fromList.submit();
  }, [listed]); // once per picked backup

  async function choose() {
    const r = await call('backup.choosePath', { kind: 'backup' });
    if (r.ok && r.value.path) chosen.set('file', r.value.path);
  }

  return (
    <div className="restore">
      {!listed && (
        <form ref={chosen.form} onSubmit={chosen.submit} aria-label="Restore from a backup file" noValidate>
          <FormMessage message={chosen.formError} />
          <div className="row row--end">
            <Field
              label={hasListed ? 'Or a backup file' : 'A backup file'}
              hint="The full path of a Clearleaf backup (….db), e.g. on a backup drive"
              spellCheck={false}
              {...chosen.text('file')}
            />
            {hasSystemChooser() && (
              <button type="button" onClick={() => void choose()}>
                Choose…
              </button>
            )}
          </div>
          <div className="actions">
            <button type="submit" disabled={chosen.busy}>
              Preview this file
            </button>
          </div>
        </form>
      )}
      <FormMessage message={fromList.formError} />
      {preview && (
        <PreviewAndConfirm
          source={preview.source}
          preview={preview.value}
          onCancel={() => {
            setPreview(null);
            onClose();
          }}
          onRestored={onRestored}
        />
      )}
    </div>
  );
}

function PreviewAndConfirm({
  source,
  preview,
  onCancel,
  onRestored,
}: {
  source: Source;
  preview: RestorePreview;
  onCancel: () => void;
  onRestored: (message: string) => void;
}) {
  const form = useForm({
    initial: { currentPassphrase: '' },
    send: (v) => call('backup.restore', { source, currentPassphrase: v.currentPassphrase }),
    onDone: (r) =>
      onRestored(
        `Restored ${r.restored}.` +
          (r.setAsideAt ? ` The database it replaced is kept at ${r.setAsideAt}.` : '') +
          (preview.youAreInBackup ? '' : ' Your account is not in this backup: unlock with one that is.'),
      ),
  });
  const { backup, current, setAside, since } = preview;
  const named = new Set(RECORDS.map(([t]) => t));
  const others = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([t]) => !named.has(t))
      .reduce((n, [, c]) => n + c, 0);
  type Row = [label: string, inBackup: number, now: number, setAside: number];
  const rows: Row[] = [
    ...RECORDS.map(([t, label]): Row => [
      label,
      backup.counts[t] ?? 0,
      current.counts[t] ?? 0,
      setAside[t] ?? 0,
    ]),
    ['Other records', others(backup.counts), others(current.counts), others(setAside)] satisfies Row,
  ].filter(([, b, c]) => b > 0 || c > 0);
  return (
    <form
      ref={form.form}
      onSubmit={form.submit}
      aria-labelledby="restore-preview-title"
      noValidate
      className="subform restore-preview"
    >
      <h4 id="restore-preview-title">Restore {backup.fileName}?</h4>
      <p>
        Backup taken <strong>{formatDateTime(backup.createdAtMs)}</strong>
        {backup.lastChangeAtMs !== null && (
          <>; its last recorded change {formatDateTime(backup.lastChangeAtMs)}</>
        )}
        .
      </p>
      {since.changes > 0 ? (
        <p className="banner banner--warn" role="note">
          Would be set aside: {since.changes} change{since.changes === 1 ? '' : 's'} to records made after
          this backup
          {since.firstAtMs !== null && since.lastAtMs !== null && (
            <>
              , from <strong>{formatDateTime(since.firstAtMs)}</strong> to{' '}
              <strong>{formatDateTime(since.lastAtMs)}</strong>
            </>
          )}{' '}
          (
          {Object.entries(since.byEntity)
            .map(([entity, n]) => `${ENTITY_WORDS[entity] ?? entity.replace(/-/g, ' ')}: ${n}`)
            .join(', ')}
          ). They are not deleted: the database the backup replaces is kept, set aside, in the practice folder
          (its name is shown after the restore).
        </p>
      ) : (
        <p>Nothing has been recorded since this backup.</p>
      )}
      {!preview.sameHistory && (
        <p className="banner banner--error" role="note">
          This backup is not an earlier copy of the practice as it is now (its audit log differs, e.g. it
          comes from before an earlier restore). Restoring replaces everything now in Clearleaf with it.
        </p>
      )}
      {!preview.youAreInBackup && (
        <p className="banner banner--warn" role="note">
          Your account is not in this backup. After the restore Clearleaf locks, and someone whose account is
          in the backup unlocks it.
        </p>
      )}
      <table className="table" aria-label="What the backup holds and what would be set aside">
        <thead>
          <tr>
            <th scope="col">Records</th>
            <th scope="col">In the backup</th>
            <th scope="col">Now</th>
            <th scope="col">Newer than the backup (set aside)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, b, c, aside]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{b}</td>
              <td>{c}</td>
              <td>{aside > 0 ? <strong>{aside}</strong> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormMessage message={form.formError} />
      <Field
        label="Your passphrase, to restore"
        type="password"
        autoComplete="current-password"
        {...form.text('currentPassphrase')}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={form.busy}>
          {form.busy ? 'Restoring…' : 'Restore this backup'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
