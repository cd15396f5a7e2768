/** Channels of the frame: setup, lock and unlock, staff accounts, clinic profile, settings, audit log, backups. */
import { z } from 'zod';
import {
  AuditEntrySchema,
  BackupInfoSchema,
  ClinicProfileSchema,
  NewUserSchema,
  PassphraseSchema,
  RoleSchema,
  SettingsSchema,
  UserSchema,
} from '../../domain/identity';
import { Empty, type ChannelSpec } from '../spec';

export const AppStatusSchema = z.object({
  state: z.enum(['needs-setup', 'locked', 'unlocked', 'unavailable']),
  clinicName: z.string().nullable(),
  /** Staff accounts for the lock screen (no clinical data). */
  accounts: z.array(z.object({ username: z.string(), displayName: z.string() })),
  user: UserSchema.nullable(),
  idleLockMinutes: z.number().int().nullable(),
  /** Set when the database cannot be opened: what is wrong, in words for the clinician. */
  problem: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AppStatus = z.infer<typeof AppStatusSchema>;

const RecoveryKeyOutput = z.object({ recoveryKey: z.string() });

const Counts = z.record(z.string(), z.number().int());
export const RestorePreviewSchema = z.object({
  backup: z.object({
    fileName: z.string(),
    file: z.string(),
    createdAtMs: z.number(),
    lastChangeAtMs: z.number().nullable(),
    counts: Counts,
    auditRows: z.number().int(),
  }),
  current: z.object({ counts: Counts, auditRows: z.number().int(), lastChangeAtMs: z.number().nullable() }),
  setAside: Counts,
  since: z.object({
    changes: z.number().int(),
    firstAtMs: z.number().nullable(),
    lastAtMs: z.number().nullable(),
    byEntity: Counts,
  }),
  sameHistory: z.boolean(),
  youAreInBackup: z.boolean(),
});
export type RestorePreview = z.infer<typeof RestorePreviewSchema>;

/** A backup to restore: one listed in a backup folder, by name, or a file chosen anywhere (a drive, the CLI's). */
export const BackupSourceSchema = z.union([
  z.object({ fileName: z.string().min(1).max(200) }).strict(),
  z
    .object({
      file: z
        .string()
        .trim()
        .min(1, 'Enter the path of a backup file (….db).')
        .max(4096, 'The path must be at most 4096 characters.'),
    })
    .strict(),
]);

export const BackupFolderStatusSchema = z.object({
  kind: z.enum(['main', 'second']),
  dir: z.string(),
  newest: BackupInfoSchema.nullable(),
  lastAttempt: z
    .object({
      atMs: z.number(),
      ok: z.boolean(),
      fileName: z.string().nullable(),
      message: z.string().nullable(),
    })
    .nullable(),
});
export type BackupFolderStatus = z.infer<typeof BackupFolderStatusSchema>;

export const identityChannels = {
  'app.status': { input: Empty, output: AppStatusSchema, access: 'public' },
  'setup.create': {
    input: z.object({ clinic: ClinicProfileSchema, clinician: NewUserSchema }).strict(),
    output: z.object({ user: UserSchema, recoveryKey: z.string() }),
    access: 'public',
  },
  'session.unlock': {
    input: z
      .object({
        username: z.string().trim().min(1, 'Choose your account.').max(40),
        passphrase: z.string().min(1, 'Enter your passphrase.').max(1024),
      })
      .strict(),
    output: UserSchema,
    access: 'public',
  },
  'session.recover': {
    input: z
      .object({
        recoveryKey: z.string().min(1, 'Enter the recovery key.').max(100),
        username: z.string().trim().min(1, 'Choose the account to reset.').max(40),
        newPassphrase: PassphraseSchema,
        /** A recovery kit (….kit.json) chosen from a backup drive, when the keyring and backups folder are gone. */
        kitFile: z.string().max(4096).nullable().optional(),
      })
      .strict(),
    output: UserSchema,
    access: 'public',
  },
  'session.restoreBackup': {
    input: z
      .object({ username: z.string().trim().min(1).max(40), passphrase: z.string().min(1).max(1024) })
      .strict(),
    output: z.object({ restored: z.string(), damagedKeptAt: z.string().nullable() }),
    access: 'public',
  },
  'session.lock': {
    input: z.object({ reason: z.enum(['manual', 'idle']) }).strict(),
    output: z.object({ locked: z.literal(true) }),
    access: 'public',
  },
  'session.activity': {
    input: Empty,
    output: z.object({ idleLockMinutes: z.number().int() }),
    access: 'user',
  },
  'clinic.get': { input: Empty, output: ClinicProfileSchema, access: 'user' },
  'clinic.update': { input: ClinicProfileSchema, output: ClinicProfileSchema, access: 'user' },
  'users.list': { input: Empty, output: z.array(UserSchema), access: 'user' },
  'users.create': {
    input: z
      .object({
        user: NewUserSchema,
        currentPassphrase: z.string().min(1, 'Enter your own passphrase to confirm.').max(1024),
      })
      .strict(),
    output: UserSchema,
    access: 'user',
  },
  'users.setRole': {
    input: z
      .object({
        userId: z.string().min(1).max(100),
        role: RoleSchema,
        administrator: z.boolean(),
        currentPassphrase: z.string().min(1, 'Enter your own passphrase to confirm.').max(1024),
      })
      .strict(),
    output: UserSchema,
    access: 'user',
  },
  'users.changePassphrase': {
    input: z
      .object({
        currentPassphrase: z.string().min(1, 'Enter your current passphrase.').max(1024),
        newPassphrase: PassphraseSchema,
      })
      .strict(),
    output: z.object({ changed: z.literal(true) }),
    access: 'user',
  },
  'users.regenerateRecoveryKey': {
    input: z
      .object({ currentPassphrase: z.string().min(1, 'Enter your current passphrase.').max(1024) })
      .strict(),
    output: RecoveryKeyOutput,
    access: 'user',
  },
  'settings.get': { input: Empty, output: SettingsSchema, access: 'user' },
  'settings.update': { input: SettingsSchema, output: SettingsSchema, access: 'user' },
  'audit.list': {
    input: z
      .object({ limit: z.number().int().min(1).max(500), beforeId: z.number().int().positive().nullable() })
      .strict(),
    output: z.array(AuditEntrySchema),
    access: 'user',
  },
  'backup.create': { input: Empty, output: BackupInfoSchema, access: 'user' },
  'backup.list': { input: Empty, output: z.array(BackupInfoSchema), access: 'user' },
  /** What restoring a backup would bring back and set aside (administrator only). */
  'backup.preview': {
    input: z.object({ source: BackupSourceSchema }).strict(),
    output: RestorePreviewSchema,
    access: 'user',
  },
  /** Restores a chosen backup over the healthy database (administrator only, with their passphrase). */
  'backup.restore': {
    input: z
      .object({
        source: BackupSourceSchema,
        currentPassphrase: z.string().min(1, 'Enter your passphrase to confirm.').max(1024),
      })
      .strict(),
    output: z.object({ restored: z.string(), setAsideAt: z.string().nullable() }),
    access: 'user',
  },
  /** Each backup folder with its newest backup and how the last attempt to write there went. */
  'backup.folders': { input: Empty, output: z.array(BackupFolderStatusSchema), access: 'user' },
  /**
   * The system's own chooser for a folder or a backup file. In the browser harness there is none: `path` is null
   * and the page takes a typed path instead.
   */
  'backup.choosePath': {
    input: z.object({ kind: z.enum(['folder', 'backup']) }).strict(),
    output: z.object({ path: z.string().nullable() }),
    access: 'user',
  },
  'backup.getSecondFolder': { input: Empty, output: z.object({ dir: z.string() }), access: 'user' },
  'backup.setSecondFolder': {
    input: z
      .object({ dir: z.string().max(1000, 'The folder path must be at most 1000 characters.') })
      .strict(),
    output: z.object({ dir: z.string() }),
    access: 'user',
  },
} as const satisfies Record<string, ChannelSpec>;
