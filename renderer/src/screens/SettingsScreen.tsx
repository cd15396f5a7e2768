import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { AuditTable } from './AuditTable';
import type { AuditEntry, ClinicProfile, User } from '../../../shared/domain/identity';
import { call, fieldMessage, type AppErrorShape } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { BackupSection } from './BackupSection';
import { StaffSection } from './StaffSection';
import { WordingSection } from './wording/WordingSection';
import { FollowUpSettings } from './outcomes/FollowUpSettings';

export function SettingsScreen({ user, onStatusChanged }: { user: User; onStatusChanged: () => void }) {
  // After a restore every section reads the restored practice afresh (they are keyed by `generation`), and the
  // outcome is shown at the top, where the keyboard goes.
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState<string | null>(null);
  const banner = useRef<HTMLDivElement | null>(null);
  useEffect(() => banner.current?.focus(), [restored]);
  return (
    <div className="page">
      <h1>Settings</h1>
      {restored && (
        <div className="banner" role="status" tabIndex={-1} ref={banner}>
          {restored}
        </div>
      )}
      <div key={generation}>
        <ClinicSection admin={user.administrator} />
        <IdleLockSection admin={user.administrator} onStatusChanged={onStatusChanged} />
        <StaffSection user={user} />
        <FollowUpSettings user={user} />
        <WordingSection admin={user.administrator} />
        <BackupSection
          user={user}
          onRestored={(message) => {
            setRestored(message);
            setGeneration((g) => g + 1);
            onStatusChanged();
          }}
        />
        <AuditSection />
      </div>
    </div>
  );
}

function ClinicSection({ admin }: { admin: boolean }) {
  const [form, setForm] = useState<ClinicProfile | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void call('clinic.get', {}).then((r) => r.ok && setForm(r.value));
  }, []);
  if (!form) return null;

  const set = (key: keyof ClinicProfile) => (e: { target: { value: string } }) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, [key]: e.target.value } : f));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const result = await call('clinic.update', form);
    if (result.ok) {
      setError(null);
      setForm(result.value);
      setSaved(true);
    } else setError(result.error);
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="clinic-settings" noValidate>
      <h2 id="clinic-settings">Clinic profile</h2>
      <p className="muted">Printed in the header of every document.</p>
      {!admin && (
        <p className="muted admin-only" role="note">
          Only a practice administrator can change it.
        </p>
      )}
      <FormError error={error} fieldPaths={['name', 'address', 'phone']} />
      <fieldset disabled={!admin} className="plain">
        <Field
          label="Clinic name"
          value={form.name}
          onChange={set('name')}
          error={fieldMessage(error, 'name')}
        />
        <Field
          label="Address"
          value={form.address}
          onChange={set('address')}
          error={fieldMessage(error, 'address')}
        />
        <Field
          label="Phone"
          value={form.phone}
          onChange={set('phone')}
          error={fieldMessage(error, 'phone')}
        />
        <div className="actions">
          <button type="submit" className="primary">
            Save clinic profile
          </button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </fieldset>
    </form>
  );
}

function IdleLockSection({ admin, onStatusChanged }: { admin: boolean; onStatusChanged: () => void }) {
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void call('settings.get', {}).then((r) => r.ok && setMinutes(String(r.value.idleLockMinutes)));
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const n = Number(minutes);
    const result = await call('settings.update', {
      idleLockMinutes: Number.isFinite(n) && minutes.trim() !== '' ? n : -1,
    });
    if (result.ok) {
      setError(null);
      setSaved(true);
      onStatusChanged();
    } else setError(result.error);
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="idle-settings" noValidate>
      <h2 id="idle-settings">Automatic lock</h2>
      {!admin && (
        <p className="muted admin-only" role="note">
          Only a practice administrator can change it.
        </p>
      )}
      <fieldset disabled={!admin} className="plain">
        <Field
          label="Lock after this many idle minutes"
          hint="1 to 60 minutes; 10 is the default"
          inputMode="numeric"
          value={minutes}
          onChange={(e) => {
            setSaved(false);
            setMinutes(e.target.value);
          }}
          error={
            fieldMessage(error, 'idleLockMinutes') ??
            (error && error.fields.length === 0 ? error.message : null)
          }
        />
        <div className="actions">
          <button type="submit">Save</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </fieldset>
    </form>
  );
}

const AUDIT_PAGE = 50;

function AuditSection() {
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const load = useCallback(async (beforeId: number | null) => {
    const r = await call('audit.list', { limit: AUDIT_PAGE, beforeId });
    if (!r.ok) return;
    setRows((prev) => (beforeId === null ? r.value : [...prev, ...r.value]));
    setMore(r.value.length === AUDIT_PAGE);
  }, []);
  useEffect(() => void load(null), [load]);
  return (
    <section className="panel" aria-labelledby="audit-settings">
      <h2 id="audit-settings">Audit log</h2>
      <p className="muted">Every unlock, lock, change and backup, newest first. The log cannot be edited.</p>
      <AuditTable rows={rows} showIds />
      {more && (
        <button type="button" onClick={() => void load(rows.at(-1)?.id ?? null)}>
          Show older entries
        </button>
      )}
    </section>
  );
}
