import type { AppErrorShape } from '../api/client';

/** The error that belongs to no single field, shown at the top of the form. */
export function FormError({ error, fieldPaths }: { error: AppErrorShape | null; fieldPaths: string[] }) {
  if (!error) return null;
  const onAField = error.fields.some((f) => fieldPaths.includes(f.path));
  if (onAField) return null;
  return (
    <div className="banner banner--error" role="alert">
      {error.message}
    </div>
  );
}
