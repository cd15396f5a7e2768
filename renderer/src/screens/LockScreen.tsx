import { useEffect, useState, type FormEvent } from 'react';
import type { AppStatus } from '../../../shared/ipc/contract';
import { call, fieldMessage, type AppErrorShape } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { passphraseMismatch } from '../components/NewAccountFields';

/** The database cannot be opened but a backup can replace it: the lock screen offers restore (never over a healthy one). */
const DAMAGED = new Set(['DB_MISSING', 'DB_EMPTY', 'DB_TRUNCATED', 'DB_UNREADABLE', 'DB_CORRUPT']);

/**
 * Seconds left of a wait, ticking. `start` sets "now" together with the end, so the first figure shown is the wait
 * the server asked for (4 s shows as 4, not as 5 from a clock last read a tick ago).
 */
function useCountdown(): [seconds: number, start: (waitMs: number | null) => void] {
  const [clock, setClock] = useState<{ now: number; until: number | null }>({ now: 0, until: null });
  useEffect(() => {
    if (clock.until === null) return;
    const timer = setInterval(() => setClock((c) => ({ ...c, now: Date.now() })), 250);
    return () => clearInterval(timer);
  }, [clock.until]);
  const start = (waitMs: number | null) => {
    const now = Date.now();
    setClock({ now, until: waitMs ? now + waitMs : null });
  };
  const seconds = clock.until === null ? 0 : Math.max(0, Math.ceil((clock.until - clock.now) / 1000));
  return [seconds, start];
}

/** How long to wait after wrong passphrases, in words: the wait doubles with each wrong try (practice.ts). */
function waitMessage(seconds: number): string {
  const span =
    seconds >= 60 ? `${Math.ceil(seconds / 60)} min` : `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  return `After a wrong passphrase, Clearleaf waits before the next try: wait ${span}. Each further wrong passphrase doubles the wait.`;
}

export function LockScreen({ status, onUnlocked }: { status: AppStatus; onUnlocked: () => void }) {
  const [mode, setMode] = useState<'unlock' | 'recover'>('unlock');
  const [username, setUsername] = useState(status.accounts[0]?.username ?? '');
  const [passphrase, setPassphrase] = useState('');
  // A missing database is known before any unlock: offer the restore from the start.
  const [error, setError] = useState<AppErrorShape | null>(
    status.problem?.code === 'DB_MISSING'
      ? { code: 'DB_MISSING', message: status.problem.message, fields: [], retryAfterMs: null }
      : null,
  );
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<string | null>(null);
  const [wait, startWait] = useCountdown();

  async function unlock(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await call('session.unlock', { username, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      onUnlocked();
      return;
    }
    setError(result.error);
    startWait(result.error.retryAfterMs);
    if (!DAMAGED.has(result.error.code)) setPassphrase('');
  }

  async function restore() {
    setBusy(true);
    const result = await call('session.restoreBackup', { username, passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      setRestored(result.value.restored);
      onUnlocked();
    } else {
      setError(result.error);
    }
  }

  if (mode === 'recover') {
    return <RecoverForm status={status} onCancel={() => setMode('unlock')} onDone={onUnlocked} />;
  }

  const damaged = error !== null && DAMAGED.has(error.code);
  return (
    <main className="centered">
      <form className="card" onSubmit={unlock} aria-labelledby="lock-title" noValidate>
        <p className="eyebrow">{status.clinicName}</p>
        <h1 id="lock-title">Clearleaf is locked</h1>
        {restored && <div className="banner">Restored from backup {restored}.</div>}
        <FormError error={error} fieldPaths={['passphrase', 'username']} />
        {damaged && (
          <div className="actions">
            <button type="button" onClick={restore} disabled={busy || passphrase === ''}>
              Restore the newest backup
            </button>
            <p className="muted">The damaged file is kept beside the restored one for your IT support.</p>
          </div>
        )}
        <div className="field">
          <label htmlFor="lock-account">Account</label>
          <select id="lock-account" value={username} onChange={(e) => setUsername(e.target.value)}>
            {status.accounts.map((a) => (
              <option key={a.username} value={a.username}>
                {a.displayName} ({a.username})
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Passphrase"
          type="password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          error={fieldMessage(error, 'passphrase')}
          autoComplete="current-password"
          autoFocus
        />
        <button type="submit" className="primary" disabled={busy || wait > 0}>
          {wait > 0 ? `Try again in ${wait} s` : busy ? 'Unlocking…' : 'Unlock'}
        </button>
        <p className="lock__wait" role="status" aria-live="polite">
          {wait > 0 ? waitMessage(wait) : ''}
        </p>
        <button type="button" className="link" onClick={() => setMode('recover')}>
          Forgot the passphrase? Use the recovery key
        </button>
      </form>
    </main>
  );
}

/**
 * Reset a passphrase with the recovery key. Also the way out when keyring.json is lost or damaged (`intro` says
 * so): main then takes the keyring from the newest backup's recovery kit, and the account is typed, not chosen.
 */
export function RecoverForm({
  status,
  onCancel,
  onDone,
  intro,
}: {
  status: AppStatus;
  onCancel: (() => void) | null;
  onDone: () => void;
  intro?: string;
}) {
  const [form, setForm] = useState({
    recoveryKey: '',
    username: status.accounts[0]?.username ?? '',
    newPassphrase: '',
    confirm: '',
    kitFile: '',
  });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.newPassphrase !== form.confirm) {
      setError(passphraseMismatch('confirm'));
      return;
    }
    setBusy(true);
    const { confirm: _confirm, kitFile, ...input } = form;
    const result = await call('session.recover', {
      ...input,
      kitFile: kitFile.trim() === '' ? null : kitFile,
    });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={submit} aria-labelledby="recover-title" noValidate>
        <h1 id="recover-title">Reset a passphrase with the recovery key</h1>
        {intro && (
          <p className="banner" role="status">
            {intro}
          </p>
        )}
        <FormError
          error={error}
          fieldPaths={['recoveryKey', 'username', 'newPassphrase', 'confirm', 'kitFile']}
        />
        <Field
          label="Recovery key"
          hint="24 letters and digits, as printed at setup"
          value={form.recoveryKey}
          onChange={set('recoveryKey')}
          error={fieldMessage(error, 'recoveryKey')}
          autoFocus
          spellCheck={false}
        />
        {status.accounts.length > 0 ? (
          <div className="field">
            <label htmlFor="recover-account">Account to reset</label>
            <select id="recover-account" value={form.username} onChange={set('username')}>
              {status.accounts.map((a) => (
                <option key={a.username} value={a.username}>
                  {a.displayName} ({a.username})
                </option>
              ))}
            </select>
          </div>
        ) : (
          <Field
            label="Username of the account to reset"
            value={form.username}
            onChange={set('username')}
            error={fieldMessage(error, 'username')}
            maxLength={40}
            autoComplete="username"
          />
        )}
        {intro && (
          // Only when keyring.json is missing or damaged: then a kit is the keyring's replacement (recovery.ts).
          <Field
            label="Recovery kit (only if the backups folder is gone too)"
            hint="The full path of a ….kit.json on your backup drive; leave empty to use the newest backup’s kit"
            value={form.kitFile}
            onChange={set('kitFile')}
            error={fieldMessage(error, 'kitFile')}
            spellCheck={false}
          />
        )}
        <Field
          label="New passphrase"
          type="password"
          value={form.newPassphrase}
          onChange={set('newPassphrase')}
          error={fieldMessage(error, 'newPassphrase')}
          autoComplete="new-password"
        />
        <Field
          label="New passphrase again"
          type="password"
          value={form.confirm}
          onChange={set('confirm')}
          error={fieldMessage(error, 'confirm')}
          autoComplete="new-password"
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Reset passphrase and unlock
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel}>
              Back
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
