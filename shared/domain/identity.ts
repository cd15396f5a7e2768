import { z } from 'zod';

/** Policy: a passphrase is long rather than complex (NIST SP 800-63B): at least 12 characters, at most 1024. */
export const PASSPHRASE_MIN = 12;

const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);

export const PassphraseSchema = z
  .string()
  .min(PASSPHRASE_MIN, `Use at least ${PASSPHRASE_MIN} characters; a few unrelated words work well.`)
  .max(1024, 'The passphrase must be at most 1024 characters.');

/** The rule as the form states it beside the field; a username that breaks it is refused, never rewritten. */
export const USERNAME_RULE = 'Lower-case letters and digits, may include . - _ (e.g. jrivera)';

export const UsernameSchema = z
  .string()
  .trim()
  .min(2, 'The username needs at least 2 characters.')
  .max(40, 'The username must be at most 40 characters.')
  .regex(/^[^A-Z]*$/, 'Use lower-case letters only: no capitals in a username (e.g. jrivera).')
  .regex(
    /^[a-z0-9][a-z0-9._-]*$/,
    'Use lower-case letters and digits, and only . - _ between them (no spaces or accents).',
  );

export const RoleSchema = z.enum(['clinician', 'supervisor']);
export type Role = z.infer<typeof RoleSchema>;

export const ClinicProfileSchema = z.object({
  name: text('Clinic name', 200),
  address: text('Address', 500),
  phone: z
    .string()
    .trim()
    .min(1, 'Phone is required.')
    .max(40, 'The phone number must be at most 40 characters.')
    .regex(/^[0-9+()./\s-]*\d[0-9+()./\s-]*$/, 'Use digits and + ( ) - . only.'),
});
export type ClinicProfile = z.infer<typeof ClinicProfileSchema>;

export const NewUserSchema = z.object({
  displayName: text('Full name', 120),
  credentials: z.string().trim().max(80, 'Credentials must be at most 80 characters.'),
  role: RoleSchema,
  username: UsernameSchema,
  passphrase: PassphraseSchema,
  /** Practice administrator: adds accounts, sets roles, replaces the recovery key, changes settings, restores. */
  administrator: z.boolean().optional(),
});
export type NewUser = z.infer<typeof NewUserSchema>;

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  credentials: z.string(),
  role: RoleSchema,
  administrator: z.boolean(),
  createdAtMs: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

/** Idle lock: HIPAA automatic logoff. 1 to 60 minutes; 10 by default. */
export const IDLE_LOCK_DEFAULT_MINUTES = 10;
export const IDLE_LOCK_MIN_MINUTES = 1;
export const SettingsSchema = z.object({
  idleLockMinutes: z
    .number()
    .int('Use whole minutes.')
    .min(IDLE_LOCK_MIN_MINUTES, 'The idle lock must be at least 1 minute.')
    .max(60, 'The idle lock can be at most 60 minutes.'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  atMs: z.number().int(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** "Family, Given" of the client the row is about, when it is about one (looked up, never stored in the log). */
  clientName: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const BackupInfoSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  createdAtMs: z.number().int(),
  sizeBytes: z.number().int(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;
