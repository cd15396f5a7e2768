import type { AppErrorShape } from '../api/client';

/** The error that belongs to no single field, shown at the top of the form. */
export function FormError({ error, fieldPaths }: { error: AppErrorShape | null; fieldPaths: string[] }) {
  const onAField = error?.fields.some((f) => fieldPaths.includes(f.path)) ?? false;
  return <FormMessage message={onAField ? null : (error?.message ?? null)} />;
}

/** A form-level message already worked out (e.g. `useForm`'s `formError`), shown at the top of the form. */
export function FormMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="banner banner--error" role="alert">
      {message}
    </div>
  );
}
