/**
 * What the consent's small forms (revoke, record the ending event) share: focus on the first field, one submit at a
 * time, and the server's refusal shown beside its field, or above the form when it is about no one field.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Consent } from '../../../../shared/domain/consents';
import type { Result } from '../../../../shared/ipc/result';
import { fieldMessage, type AppErrorShape } from '../../api/client';

export function useConsentAction(
  fieldPrefix: string,
  send: () => Promise<Result<Consent>>,
  onDone: (consent: Consent) => void,
) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await send();
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return {
    form,
    busy,
    submit,
    fieldError: (key: string) => fieldMessage(error, `${fieldPrefix}.${key}`),
    /** An error about no one field, for the banner above the form. */
    formError: error?.fields.some((f) => f.path.startsWith(`${fieldPrefix}.`))
      ? null
      : (error?.message ?? null),
  };
}
