/**
 * One form's state: its values, one submit at a time, and the server's refusal shown beside the field it names (or
 * above the form when it names none). Fields are bound by key, so a form reads as a list of labelled controls:
 *
 *   <Field label="Dose" {...form.text('dose')} />          // native inputs and text areas (change events)
 *   <Choice legend="Phase" {...form.value('phase')} />      // our controls that hand back a value (null = unknown)
 *
 * Why our own hook and not a form library: the contract's zod schemas already validate on the server and come back
 * as errors with field paths, which is all a form here shows; clinical answers are controlled values where `null`
 * means "unknown" (never "no"), which uncontrolled-input libraries model awkwardly; and drafts autosave the whole
 * value object as it changes. The field components in this folder carry the labels, hints and aria wiring.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape, Result } from '../../../shared/ipc/result';
import { fieldMessage } from '../api/client';

type Key<V> = Extract<keyof V, string>;

/** Keys whose value a native text input holds: a string (`null` shows as empty). Numbers stay strings in a form's
 * values and are converted when sent, so a half-typed "0." is never lost to parsing. */
type TextKey<V> = { [K in Key<V>]: V[K] extends string | null ? K : never }[Key<V>];

export interface UseFormOptions<V, R> {
  initial: V | (() => V);
  /** The path the server puts before each field's name, e.g. 'medication' for 'medication.dose'. */
  fieldPrefix?: string;
  /** Sends the values; errors come back as values, never thrown. */
  send: (values: V) => Promise<Result<R>>;
  onDone?: (value: R, values: V) => void;
  /** Focus the first control when the form opens (default true). */
  autoFocus?: boolean;
}

export interface Form<V, R> {
  values: V;
  setValues: (update: V | ((v: V) => V)) => void;
  set: <K extends Key<V>>(key: K, value: V[K]) => void;
  /** Props for a native input or text area bound to a string (or number) field: value, onChange, error. */
  text: <K extends TextKey<V>>(
    key: K,
  ) => {
    value: string;
    onChange: (e: { target: { value: string } }) => void;
    error: string | null;
  };
  /** Props for a control that hands back the value itself (Choice, TriState, TextArea, SelectField). */
  value: <K extends Key<V>>(key: K) => { value: V[K]; onChange: (value: V[K]) => void; error: string | null };
  /** Props for a checkbox bound to a boolean field. */
  check: <K extends Key<V>>(
    key: K,
  ) => { checked: boolean; onChange: (checked: boolean) => void; error: string | null };
  fieldError: (path: string) => string | null;
  /** An error about no one field, for the banner above the form. */
  formError: string | null;
  error: AppErrorShape | null;
  busy: boolean;
  submit: (e?: FormEvent) => Promise<R | null>;
  form: React.RefObject<HTMLFormElement | null>;
}

export function useForm<V extends object, R>(options: UseFormOptions<V, R>): Form<V, R> {
  const { fieldPrefix, send, onDone, autoFocus = true } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const form = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (autoFocus) form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [autoFocus]);

  // After a refusal, take the keyboard to the first field the server named (or the banner above the form).
  useEffect(() => {
    if (!error) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .banner--error');
    if (target && !target.matches('input, select, textarea')) target.tabIndex = -1;
    target?.focus();
  }, [error]);

  const path = (key: string) => (fieldPrefix ? `${fieldPrefix}.${key}` : key);
  const fieldError = (p: string) => fieldMessage(error, p);
  const set = <K extends Key<V>>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  async function submit(e?: FormEvent): Promise<R | null> {
    e?.preventDefault();
    if (busyRef.current) return null;
    busyRef.current = true;
    setBusy(true);
    const result = await send(values);
    busyRef.current = false;
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    onDone?.(result.value, values);
    return result.value;
  }

  const named =
    error?.fields.some((f) => (fieldPrefix ? f.path.startsWith(`${fieldPrefix}.`) : true)) ?? false;
  return {
    values,
    setValues,
    set,
    text: (key) => {
      const v = values[key] as string | null;
      return {
        value: v ?? '',
        onChange: (e) => set(key, e.target.value as V[typeof key]),
        error: fieldError(path(key)),
      };
    },
    value: (key) => ({ value: values[key], onChange: (v) => set(key, v), error: fieldError(path(key)) }),
    check: (key) => ({
      checked: Boolean(values[key]),
      onChange: (checked) => set(key, checked as V[typeof key]),
      error: fieldError(path(key)),
    }),
    fieldError,
    formError: error && !named ? error.message : null,
    error,
    busy,
    submit,
    form,
  };
}
