import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Role, User } from '../../../shared/domain/identity';
import { call, fieldMessage, type AppErrorShape } from '../api/client';
import { CheckField, NativeSelectField } from '../components/controls';
import { Field } from '../components/Field';
import { FormError, FormMessage } from '../components/FormError';
import { emptyNewAccount, NewAccountFields, passphraseMismatch } from '../components/NewAccountFields';
import { useForm } from '../components/useForm';
import { formatDateTime } from '../format';

export const roleLabel = (u: Pick<User, 'role' | 'administrator'>): string =>
  `${u.role === 'supervisor' ? 'Supervisor' : 'Clinician'}${u.administrator ? ' · Practice administrator' : ''}`;

/** Why a control is not offered, in plain words, with who can do it instead. */
export function AdminOnly({ what, users }: { what: string; users: User[] }) {
  const admins = users.filter((u) => u.administrator).map((u) => u.displayName);
  return (
    <p className="muted admin-only" role="note">
      Only a practice administrator can {what}.{admins.length > 0 && ` Ask ${admins.join(' or ')}.`}
    </p>
  );
}

/**
 * Staff accounts (one per person, never shared) and their roles, your own passphrase, and the recovery key. Only a
 * practice administrator adds accounts, sets roles and replaces the recovery key (main refuses anyone else); the
 * others see the list and why the rest is not offered.
 */
export function StaffSection({ user }: { user: User }) {
  const [users, setUsers] = useState<User[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const load = useCallback(() => void call('users.list', {}).then((r) => r.ok && setUsers(r.value)), []);
  useEffect(load, [load]);
  const editingUser = users.find((u) => u.id === editing) ?? null;
  return (
    <>
      <section className="panel" aria-labelledby="staff-title">
        <h2 id="staff-title">Staff accounts and roles</h2>
        <p className="muted">
          A clinician sees and writes the records; a supervisor also co-signs; a practice administrator adds
          accounts, sets roles, changes practice settings, replaces the recovery key and restores backups.
        </p>
        <table className="table" aria-label="Staff accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Credentials</th>
              <th scope="col">Role</th>
              <th scope="col">Username</th>
              <th scope="col">Added</th>
              {user.administrator && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.displayName}
                  {u.id === user.id && <span className="muted"> (you)</span>}
                </td>
                <td>{u.credentials}</td>
                <td>{roleLabel(u)}</td>
                <td>{u.username}</td>
                <td>{formatDateTime(u.createdAtMs)}</td>
                {user.administrator && (
                  <td>
                    <button
                      type="button"
                      onClick={() => setEditing(u.id)}
                      aria-label={`Change role of ${u.displayName}`}
                    >
                      Change role
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {user.administrator ? (
          <>
            {editingUser && (
              <RoleForm
                key={editingUser.id}
                target={editingUser}
                onClose={() => setEditing(null)}
                onSaved={load}
              />
            )}
            <AddUserForm onAdded={load} />
          </>
        ) : (
          <AdminOnly what="add staff accounts or set roles" users={users} />
        )}
      </section>
      <ChangePassphraseForm />
      {user.administrator ? (
        <RecoveryKeyForm />
      ) : (
        <section className="panel" aria-labelledby="recovery-settings">
          <h2 id="recovery-settings">Recovery key</h2>
          <AdminOnly what="make a new recovery key" users={users} />
        </section>
      )}
    </>
  );
}

/** Sets one account's clinical role and whether it is a practice administrator, confirmed with your passphrase. */
function RoleForm({ target, onClose, onSaved }: { target: User; onClose: () => void; onSaved: () => void }) {
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    initial: { role: target.role as Role, administrator: target.administrator, currentPassphrase: '' },
    send: (v) => call('users.setRole', { userId: target.id, ...v }),
    onDone: (u) => {
      setSaved(`${u.displayName} is now: ${roleLabel(u)}.`);
      form.set('currentPassphrase', '');
      onSaved();
    },
  });
  return (
    <form
      ref={form.form}
      onSubmit={form.submit}
      aria-labelledby="role-form-title"
      noValidate
      className="subform"
    >
      <h3 id="role-form-title">Role of {target.displayName}</h3>
      <FormMessage message={form.formError} />
      <div className="row">
        <NativeSelectField
          label="Clinical role"
          value={form.values.role}
          onChange={(e) => form.set('role', e.target.value as Role)}
          error={form.fieldError('role')}
        >
          <option value="clinician">Clinician</option>
          <option value="supervisor">Supervisor</option>
        </NativeSelectField>
        <CheckField
          label="Practice administrator"
          hint="Adds accounts, sets roles, changes settings, restores backups. The practice keeps at least one."
          {...form.check('administrator')}
        />
      </div>
      <Field
        label="Your passphrase, to confirm"
        type="password"
        autoComplete="current-password"
        {...form.text('currentPassphrase')}
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={form.busy}>
          Save role
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        {saved && <span role="status">{saved}</span>}
      </div>
    </form>
  );
}

function AddUserForm({ onAdded }: { onAdded: () => void }) {
  const empty = { ...emptyNewAccount(), administrator: false, currentPassphrase: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setAdded(null);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.passphrase !== form.confirm) return setError(passphraseMismatch('confirm'));
    const { confirm: _c, currentPassphrase, ...newUser } = form;
    const result = await call('users.create', { user: newUser, currentPassphrase });
    if (result.ok) {
      setError(null);
      setForm(empty);
      setAdded(result.value.displayName);
      onAdded();
    } else {
      setError(result.error);
      setForm((f) => ({ ...f, currentPassphrase: '' }));
    }
  }
  const err = (p: string) => fieldMessage(error, p);
  return (
    <form onSubmit={submit} aria-labelledby="add-user-title" noValidate className="subform">
      <h3 id="add-user-title">Add a staff account</h3>
      <FormError
        error={error}
        fieldPaths={[
          'user.displayName',
          'user.credentials',
          'user.username',
          'user.passphrase',
          'confirm',
          'currentPassphrase',
        ]}
      />
      <NewAccountFields
        values={form}
        onChange={(key, value) => {
          setAdded(null);
          setForm((f) => ({ ...f, [key]: value }));
        }}
        error={error}
        pathPrefix="user"
        passphraseLabel="Their passphrase"
        layout="rows"
      />
      <CheckField
        label="Practice administrator"
        hint="Adds accounts, sets roles, changes settings, restores backups"
        checked={form.administrator}
        onChange={(administrator) => {
          setAdded(null);
          setForm((f) => ({ ...f, administrator }));
        }}
      />
      <Field
        label="Your passphrase, to confirm"
        type="password"
        value={form.currentPassphrase}
        onChange={set('currentPassphrase')}
        error={err('currentPassphrase')}
        autoComplete="current-password"
      />
      <div className="actions">
        <button type="submit">Add account</button>
        {added && <span role="status">Added {added}.</span>}
      </div>
    </form>
  );
}

function ChangePassphraseForm() {
  const empty = { currentPassphrase: '', newPassphrase: '', confirm: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => {
    setDone(false);
    setForm((f) => ({ ...f, [key]: e.target.value }));
  };
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.newPassphrase !== form.confirm) return setError(passphraseMismatch('confirm'));
    const result = await call('users.changePassphrase', {
      currentPassphrase: form.currentPassphrase,
      newPassphrase: form.newPassphrase,
    });
    setForm(empty);
    if (result.ok) {
      setError(null);
      setDone(true);
    } else setError(result.error);
  }
  const err = (p: string) => fieldMessage(error, p);
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="change-pass-title" noValidate>
      <h2 id="change-pass-title">Your passphrase</h2>
      <FormError error={error} fieldPaths={['currentPassphrase', 'newPassphrase', 'confirm']} />
      <div className="row">
        <Field
          label="Current passphrase"
          type="password"
          value={form.currentPassphrase}
          onChange={set('currentPassphrase')}
          error={err('currentPassphrase')}
          autoComplete="current-password"
        />
        <Field
          label="New passphrase"
          type="password"
          value={form.newPassphrase}
          onChange={set('newPassphrase')}
          error={err('newPassphrase')}
          autoComplete="new-password"
        />
        <Field
          label="New passphrase again"
          type="password"
          value={form.confirm}
          onChange={set('confirm')}
          error={err('confirm')}
          autoComplete="new-password"
        />
      </div>
      <div className="actions">
        <button type="submit">Change passphrase</button>
        {done && <span role="status">Passphrase changed.</span>}
      </div>
    </form>
  );
}

function RecoveryKeyForm() {
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [key, setKey] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await call('users.regenerateRecoveryKey', { currentPassphrase: current });
    setCurrent('');
    if (result.ok) {
      setError(null);
      setKey(result.value.recoveryKey);
    } else setError(result.error);
  }
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="recovery-settings" noValidate>
      <h2 id="recovery-settings">Recovery key</h2>
      <p className="muted">
        Make a new recovery key if the printed one is lost or may have been seen. The old key stops working at
        once.
      </p>
      {key && (
        <div className="banner" role="status">
          New recovery key: <strong className="recovery__key">{key}</strong> — print or write it down now; it
          will not be shown again.
        </div>
      )}
      <FormError error={error} fieldPaths={['currentPassphrase']} />
      <Field
        label="Your passphrase, to confirm"
        type="password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={fieldMessage(error, 'currentPassphrase')}
        autoComplete="current-password"
      />
      <button type="submit">Make a new recovery key</button>
    </form>
  );
}
