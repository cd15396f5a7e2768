/** First-run setup: every problem with the form at once (issue 9, item 9). */
import { ClinicProfileSchema, NewUserSchema } from '../../../shared/domain/identity';
import type { AppErrorShape } from '../api/client';
import { passphraseMismatch } from '../components/NewAccountFields';

/**
 * Every problem with the setup form at once, checked with the same schemas the server uses, plus the passphrase
 * typed twice: a clinician fixes them in one pass instead of meeting them one submit at a time. Null when fine.
 */
export function setupProblems(
  input: { clinic: unknown; clinician: unknown },
  passphrasesMatch: boolean,
): AppErrorShape | null {
  const fields: AppErrorShape['fields'] = [];
  const clinic = ClinicProfileSchema.safeParse(input.clinic);
  const clinician = NewUserSchema.safeParse(input.clinician);
  for (const [prefix, result] of [
    ['clinic', clinic],
    ['clinician', clinician],
  ] as const) {
    if (result.success) continue;
    for (const issue of result.error.issues) {
      const path = [prefix, ...issue.path.map(String)].join('.');
      // One message per field: the first, as the server reports it.
      if (!fields.some((f) => f.path === path)) fields.push({ path, message: issue.message });
    }
  }
  if (!passphrasesMatch) fields.push(...passphraseMismatch('confirm').fields);
  if (fields.length === 0) return null;
  const first = fields[0]?.message ?? '';
  return {
    code: 'INVALID_INPUT',
    message: fields.length === 1 ? first : `${fields.length} fields need attention.`,
    fields,
    retryAfterMs: null,
  };
}
