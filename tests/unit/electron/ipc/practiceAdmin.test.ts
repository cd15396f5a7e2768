/**
 * What only a practice administrator may do, through the dispatcher the page uses: a clinician and a supervisor
 * are refused on every such channel and nothing changes; an administrator sets roles (never leaving the practice
 * without one), previews a restore with its counts and dates, and sees each backup folder's last result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { BackupFolderStatus, RestorePreview } from '../../../../shared/ipc/channels/identity';
import type { BackupInfo, User } from '../../../../shared/domain/identity';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { aClinic, aClinician, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';

const ADMIN_PASS = aClinician().passphrase;
const CLINICIAN = aClinician({
  displayName: 'Siobhán O’Brien',
  username: 'sobrien',
  passphrase: 'amber trellis wren four',
});
const SUPERVISOR = aClinician({
  displayName: 'Łukasz Đặng',
  username: 'ldang',
  role: 'supervisor',
  passphrase: 'harbor violet quill ten',
});

async function practiceWithStaff() {
  const clock = new FakeClock(Date.UTC(2026, 10, 23, 18, 0));
  const set = await setUpPractice({ clock });
  const platform = createNodePlatform();
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice: set.practice,
    platform,
    log: silentLogger,
  });
  const clinician = value<User>(
    await dispatch('users.create', { user: CLINICIAN, currentPassphrase: ADMIN_PASS }),
  );
  const supervisor = value<User>(
    await dispatch('users.create', { user: SUPERVISOR, currentPassphrase: ADMIN_PASS }),
  );
  return { ...set, clock, platform, dispatch, clinician, supervisor };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

function codeOf(r: Result<unknown>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.error.code;
}

describe('every administrator channel refuses a clinician and a supervisor', () => {
  for (const who of [CLINICIAN, SUPERVISOR]) {
    it(`${who.role}: refused, and nothing changes`, async () => {
      const { practice, dispatch, platform, user, clinician } = await practiceWithStaff();
      const backup = value<BackupInfo>(await dispatch('backup.create', {}));
      practice.lock('manual');
      const me = await practice.unlock(who.username, who.passphrase);
      expect(me).toMatchObject({ role: who.role, administrator: false });
      const ringBefore = fs.readFileSync(practice.keyringFile, 'utf8');
      const drive = tempDir('clearleaf-usb-');
      platform.chosen.push(drive);
      const p = who.passphrase;
      const attempts: Array<[string, () => Promise<Result<unknown>>]> = [
        [
          'users.create',
          () =>
            dispatch('users.create', {
              user: aClinician({ username: 'intruder', displayName: 'Nguyễn Thị Ánh' }),
              currentPassphrase: p,
            }),
        ],
        [
          'users.setRole (self)',
          () =>
            dispatch('users.setRole', {
              userId: me.id,
              role: 'supervisor',
              administrator: true,
              currentPassphrase: p,
            }),
        ],
        [
          'users.setRole (other)',
          () =>
            dispatch('users.setRole', {
              userId: clinician.id === me.id ? user.id : clinician.id,
              role: 'clinician',
              administrator: false,
              currentPassphrase: p,
            }),
        ],
        [
          'users.regenerateRecoveryKey',
          () => dispatch('users.regenerateRecoveryKey', { currentPassphrase: p }),
        ],
        ['clinic.update', () => dispatch('clinic.update', aClinic({ name: 'Taken Over' }))],
        ['settings.update', () => dispatch('settings.update', { idleLockMinutes: 60 })],
        ['backup.preview', () => dispatch('backup.preview', { source: { fileName: backup.fileName } })],
        ['backup.preview (file)', () => dispatch('backup.preview', { source: { file: backup.path } })],
        [
          'backup.restore',
          () => dispatch('backup.restore', { source: { fileName: backup.fileName }, currentPassphrase: p }),
        ],
        [
          'backup.restore (file)',
          () => dispatch('backup.restore', { source: { file: backup.path }, currentPassphrase: p }),
        ],
        ['backup.setSecondFolder', () => dispatch('backup.setSecondFolder', { dir: drive })],
        ['backup.setSecondFolder (clear)', () => dispatch('backup.setSecondFolder', { dir: '' })],
        ['backup.choosePath (folder)', () => dispatch('backup.choosePath', { kind: 'folder' })],
        ['backup.choosePath (backup)', () => dispatch('backup.choosePath', { kind: 'backup' })],
        [
          'wording.save',
          () => dispatch('wording.save', { language: 'es', messageId: 'crisis.911', text: 'Llame al 911.' }),
        ],
        ['wording.review', () => dispatch('wording.review', { language: 'es', messageId: 'crisis.911' })],
        ['wording.restore', () => dispatch('wording.restore', { language: 'es', messageId: 'crisis.911' })],
      ];
      for (const [name, attempt] of attempts) {
        expect([name, codeOf(await attempt())]).toEqual([name, 'FORBIDDEN']);
      }
      // Nothing changed: the same accounts and roles, keyring, clinic, settings, folder; the chooser never opened.
      const users = value<User[]>(await dispatch('users.list', {}));
      expect(users.map((u) => [u.username, u.role, u.administrator]).sort()).toEqual([
        ['ldang', 'supervisor', false],
        ['mquintero', 'clinician', true],
        ['sobrien', 'clinician', false],
      ]);
      expect(fs.readFileSync(practice.keyringFile, 'utf8')).toBe(ringBefore);
      expect(practice.clinic().name).toBe(aClinic().name);
      expect(practice.settings().idleLockMinutes).toBe(10);
      expect(value<{ dir: string }>(await dispatch('backup.getSecondFolder', {})).dir).toBe('');
      expect(platform.chosen).toEqual([drive]);
      // What every account may do: back up, and see the folders.
      value(await dispatch('backup.create', {}));
      expect(value<BackupFolderStatus[]>(await dispatch('backup.folders', {}))).toHaveLength(1);
    });
  }
});

describe('roles, set by an administrator', () => {
  it('promotes and demotes; the last administrator cannot be demoted; the change is audited', async () => {
    const { dispatch, user, supervisor } = await practiceWithStaff();
    const lastAdmin = await dispatch('users.setRole', {
      userId: user.id,
      role: 'clinician',
      administrator: false,
      currentPassphrase: ADMIN_PASS,
    });
    expect(lastAdmin.ok ? null : lastAdmin.error.fields.map((f) => f.path)).toEqual(['administrator']);
    const promoted = value<User>(
      await dispatch('users.setRole', {
        userId: supervisor.id,
        role: 'supervisor',
        administrator: true,
        currentPassphrase: ADMIN_PASS,
      }),
    );
    expect(promoted).toMatchObject({ role: 'supervisor', administrator: true });
    // With a second administrator the first may step down.
    const me = value<User>(
      await dispatch('users.setRole', {
        userId: user.id,
        role: 'clinician',
        administrator: false,
        currentPassphrase: ADMIN_PASS,
      }),
    );
    expect(me.administrator).toBe(false);
    expect(codeOf(await dispatch('settings.update', { idleLockMinutes: 30 }))).toBe('FORBIDDEN');
  });

  it('a wrong passphrase changes no role', async () => {
    const { dispatch, clinician } = await practiceWithStaff();
    const r = await dispatch('users.setRole', {
      userId: clinician.id,
      role: 'supervisor',
      administrator: true,
      currentPassphrase: 'not my passphrase at all',
    });
    expect(codeOf(r)).toBe('WRONG_PASSPHRASE');
    const users = value<User[]>(await dispatch('users.list', {}));
    expect(users.find((u) => u.id === clinician.id)).toMatchObject({
      role: 'clinician',
      administrator: false,
    });
  });
});

describe('restore preview', () => {
  it('counts what the backup holds and what would be set aside, with the dates of the later changes', async () => {
    const { dispatch, clock } = await practiceWithStaff();
    value(await dispatch('clients.create', { client: aClient() }));
    const backup = value<BackupInfo>(await dispatch('backup.create', {}));
    clock.advance(5 * 60_000); // within the idle lock
    const laterFrom = clock.now();
    value(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Ánh', legalLastName: 'Nguyễn' }),
      }),
    );
    clock.advance(5 * 60_000); // within the idle lock
    value(
      await dispatch('clients.create', {
        client: aClient({ legalFirstName: 'Siobhán', legalLastName: 'O’Brien' }),
      }),
    );
    const laterTo = clock.now();

    const preview = value<RestorePreview>(
      await dispatch('backup.preview', { source: { fileName: backup.fileName } }),
    );
    expect(preview.backup).toMatchObject({ fileName: backup.fileName, createdAtMs: backup.createdAtMs });
    expect(preview.backup.counts.clients).toBe(1);
    expect(preview.current.counts.clients).toBe(3);
    expect(preview.setAside.clients).toBe(2);
    expect(preview.setAside.users).toBeUndefined();
    // Only changes to records count: the backup's own row, views and unlocks lose nothing.
    expect(preview.since.byEntity).toEqual({ client: 2 });
    expect(preview.since.changes).toBe(2);
    expect(preview.current.auditRows - preview.backup.auditRows).toBeGreaterThan(2);
    expect(preview.since.firstAtMs).toBeGreaterThanOrEqual(backup.createdAtMs);
    expect(preview.since.firstAtMs).toBeLessThanOrEqual(laterFrom);
    expect(preview.since.lastAtMs).toBe(laterTo);
    expect(preview.backup.lastChangeAtMs).toBeLessThanOrEqual(backup.createdAtMs);
    expect(preview.sameHistory).toBe(true);
    expect(preview.youAreInBackup).toBe(true);

    // The same backup chosen as a file elsewhere (a drive, the CLI's) previews the same.
    const drive = tempDir('clearleaf-usb-');
    const copy = path.join(drive, 'from-the-drive.db');
    fs.copyFileSync(backup.path, copy);
    const fromFile = value<RestorePreview>(await dispatch('backup.preview', { source: { file: copy } }));
    expect(fromFile.backup.counts).toEqual(preview.backup.counts);
    expect(fromFile.setAside).toEqual(preview.setAside);

    // A path with no backup, or a file that is not one, is an error beside the path field.
    for (const file of [path.join(drive, 'nothing-here.db'), path.join(drive, 'notes.txt')]) {
      const r = await dispatch('backup.preview', { source: { file } });
      expect(r.ok ? [] : r.error.fields.map((f) => f.path)).toEqual(['source.file']);
    }
    fs.writeFileSync(path.join(drive, 'garbage.db'), 'not a database');
    const garbage = await dispatch('backup.preview', { source: { file: path.join(drive, 'garbage.db') } });
    expect(garbage.ok ? [] : garbage.error.fields.map((f) => f.path)).toEqual(['source.file']);
  });

  it('restores a chosen file, and says when the signed-in account is not in the backup', async () => {
    const { practice, dispatch } = await practiceWithStaff();
    const backup = value<BackupInfo>(await dispatch('backup.create', {}));
    const late = value<User>(
      await dispatch('users.create', {
        user: aClinician({ username: 'late', displayName: 'Late Arrival', administrator: true }),
        currentPassphrase: ADMIN_PASS,
      }),
    );
    practice.lock('manual');
    await practice.unlock('late', aClinician().passphrase);
    const preview = value<RestorePreview>(
      await dispatch('backup.preview', { source: { file: backup.path } }),
    );
    expect(preview.youAreInBackup).toBe(false);
    expect(preview.setAside.users).toBe(1);
    const r = value<{ restored: string }>(
      await dispatch('backup.restore', {
        source: { file: backup.path },
        currentPassphrase: aClinician().passphrase,
      }),
    );
    expect(r.restored).toBe(backup.fileName);
    // The restored practice does not know the account that restored it: locked, for another account to unlock.
    expect(practice.currentUser()).toBeNull();
    expect(late.id).toBeTruthy();
  });
});

describe('backup folders', () => {
  it('shows each folder’s last backup and result, and a second folder that fails', async () => {
    const { dispatch, clock, platform } = await practiceWithStaff();
    const drive = tempDir('clearleaf-usb-');
    platform.chosen.push(drive);
    expect(value<{ path: string | null }>(await dispatch('backup.choosePath', { kind: 'folder' })).path).toBe(
      drive,
    );
    expect(value<{ path: string | null }>(await dispatch('backup.choosePath', { kind: 'folder' })).path).toBe(
      null,
    );
    value(await dispatch('backup.setSecondFolder', { dir: drive }));
    const first = value<BackupInfo>(await dispatch('backup.create', {}));
    let folders = value<BackupFolderStatus[]>(await dispatch('backup.folders', {}));
    expect(folders.map((f) => [f.kind, f.dir, f.newest?.fileName, f.lastAttempt?.ok])).toEqual([
      ['main', expect.stringMatching(/backups$/), first.fileName, true],
      // The practice's own subfolder of the drive, so practices sharing a drive never touch each other's copies.
      [
        'second',
        expect.stringMatching(
          new RegExp(`^${drive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/.+-[0-9a-f]{16}$`),
        ),
        first.fileName,
        true,
      ],
    ]);

    // The drive is unplugged (here: its folder replaced by a file): the backup stays in the main folder, the
    // second folder's failure is reported and shown.
    clock.advance(60_000);
    fs.rmSync(drive, { recursive: true });
    fs.writeFileSync(drive, '');
    expect(codeOf(await dispatch('backup.create', {}))).not.toBe('FORBIDDEN');
    folders = value<BackupFolderStatus[]>(await dispatch('backup.folders', {}));
    expect(folders[0]?.lastAttempt).toMatchObject({ ok: true, atMs: clock.now() });
    expect(folders[1]?.lastAttempt).toMatchObject({ ok: false, atMs: clock.now(), fileName: null });
    expect(folders[1]?.lastAttempt?.message).toMatch(/folder|drive/i);
    expect(folders[1]?.newest).toBeNull();

    // Cleared: one folder again.
    value(await dispatch('backup.setSecondFolder', { dir: '' }));
    folders = value<BackupFolderStatus[]>(await dispatch('backup.folders', {}));
    expect(folders.map((f) => f.kind)).toEqual(['main']);
  });
});
