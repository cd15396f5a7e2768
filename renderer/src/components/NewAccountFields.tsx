/**
 * The fields of a new staff account — name, credentials, role, username and the passphrase typed twice — shared by
 * first-run setup and Settings → Staff accounts, with errors beside each field at the server's paths.
 */
import { USERNAME_RULE } from '../../../shared/domain/identity';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { fieldMessage } from '../api/client';
import { NativeSelectField } from './controls';
import { Field } from './Field';

export interface NewAccountValues {
  displayName: string;
  credentials: string;
  role: 'clinician' | 'supervisor';
  username: string;
  passphrase: string;
  confirm: string;
}

export const emptyNewAccount = (): NewAccountValues => ({
  displayName: '',
  credentials: '',
  role: 'clinician',
  username: '',
  passphrase: '',
  confirm: '',
});

/** The error shown beside "…again" when the two passphrases differ; checked before anything is sent. */
export function passphraseMismatch(path: string): AppErrorShape {
  const message = 'The two passphrases differ. Type the same passphrase twice.';
  return { code: 'INVALID_INPUT', message, fields: [{ path, message }], retryAfterMs: null };
}

export function NewAccountFields({
  values,
  onChange,
  error,
  pathPrefix,
  passphraseLabel,
  layout,
}: {
  values: NewAccountValues;
  onChange: (key: keyof NewAccountValues, value: string) => void;
  error: AppErrorShape | null;
  /** Where the server reports this account's fields: 'clinician' at setup, 'user' when adding an account. */
  pathPrefix: 'clinician' | 'user';
  passphraseLabel: 'Passphrase' | 'Their passphrase';
  /** One field under another (setup) or three to a row (settings). */
  layout: 'stacked' | 'rows';
}) {
  const err = (key: string) => fieldMessage(error, `${pathPrefix}.${key}`);
  const set = (key: keyof NewAccountValues) => (e: { target: { value: string } }) =>
    onChange(key, e.target.value);
  const who = (
    <>
      <Field
        label="Full name"
        value={values.displayName}
        onChange={set('displayName')}
        error={err('displayName')}
      />
      <Field
        label="Credentials"
        hint="As printed under the signature, e.g. LCSW, CADC"
        value={values.credentials}
        onChange={set('credentials')}
        error={err('credentials')}
      />
      <NativeSelectField label="Role" value={values.role} onChange={set('role')}>
        <option value="clinician">Clinician</option>
        <option value="supervisor">Supervisor</option>
      </NativeSelectField>
    </>
  );
  const login = (
    <>
      <Field
        label="Username"
        hint={USERNAME_RULE}
        value={values.username}
        onChange={set('username')}
        error={err('username')}
        autoComplete={pathPrefix === 'clinician' ? 'username' : 'off'}
      />
      <Field
        label={passphraseLabel}
        type="password"
        hint="At least 12 characters; a few unrelated words work well"
        value={values.passphrase}
        onChange={set('passphrase')}
        error={err('passphrase')}
        autoComplete="new-password"
      />
      <Field
        label={`${passphraseLabel} again`}
        type="password"
        value={values.confirm}
        onChange={set('confirm')}
        error={fieldMessage(error, 'confirm')}
        autoComplete="new-password"
      />
    </>
  );
  return layout === 'stacked' ? (
    <>
      {who}
      {login}
    </>
  ) : (
    <>
      <div className="row">{who}</div>
      <div className="row">{login}</div>
    </>
  );
}
