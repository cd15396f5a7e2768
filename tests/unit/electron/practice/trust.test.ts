/** Issue 12 ("Trust, second round"): keys that cannot be lost, safe restore, roles, delays on disk, anchors. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DERIVED_TABLES,
  backupsToKeep,
  kitFileFor,
  listBackups,
  restoreBackup,
} from '../../../../electron/db/backup';
import { applyKey, openFile } from '../../../../electron/db/connection';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { insertClient } from '../../../../electron/db/repositories/clients';
import { AppError } from '../../../../electron/errors';
import { appStatus } from '../../../../electron/ipc/app';
import type { Deps } from '../../../../electron/ipc/types';
import { Practice } from '../../../../electron/practice/practice';
import { readKeyring, writeKeyring } from '../../../../electron/security/keyring';
import { aClient } from '../../../support/clients';
import { aClinic, aClinician, FAST_KDF, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';

const PASS = aClinician().passphrase;
const CLINICIAN = aClinician({
  displayName: 'Łukasz Đặng',
  username: 'ldang',
  passphrase: 'harbor violet quill ten',
});

async function errorOf(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

const actions = (practice: Practice) =>
  listAudit(practice.session().db, { limit: 500, beforeId: null })
    .map((e) => `${e.action}:${e.entity}`)
    .reverse();

const statusOf = (practice: Practice) => appStatus({ practice } as unknown as Deps);

async function practiceWithClinician() {
  const clock = new FakeClock();
  const set = await setUpPractice({ clock });
  await set.practice.addUser(CLINICIAN, PASS);
  return set;
}

describe('restore never leaves the folder without a database (finding 2)', () => {
  it('a backup that fails its check leaves the live database where it was', async () => {
    const { practice, dataDir } = await setUpPractice();
    const info = practice.backup();
    const key = Buffer.from(practice.session().db ? (practice as unknown as { key: Buffer }).key : []);
    practice.lock('manual');
    const bad = path.join(dataDir, 'bad.db');
    fs.copyFileSync(info.path, bad);
    const fd = fs.openSync(bad, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, 4096 + 200);
    fs.closeSync(fd);
    const before = fs.readFileSync(path.join(dataDir, 'clearleaf.db'));
    expect(() => restoreBackup(path.join(dataDir, 'clearleaf.db'), bad, key, Date.now())).toThrow();
    expect(fs.readFileSync(path.join(dataDir, 'clearleaf.db')).equals(before)).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('restoring') || f.includes('set-aside'))).toEqual(
      [],
    );
  });

  it('finishes a swap the app died in the middle of, at the next start', async () => {
    const { practice, dataDir } = await setUpPractice();
    const info = practice.backup();
    practice.updateClinic(aClinic({ name: 'After The Backup' }));
    practice.lock('manual');
    const dbFile = path.join(dataDir, 'clearleaf.db');
    // The state a kill leaves between "live file set aside" and "copy renamed in": no database at its name.
    fs.copyFileSync(info.path, `${dbFile}.restoring`);
    fs.renameSync(dbFile, `${dbFile}.set-aside-x`);
    fs.writeFileSync(
      `${dbFile}.restore-journal.json`,
      JSON.stringify({ copy: `${dbFile}.restoring`, asideBase: `${dbFile}.set-aside-x` }),
    );
    expect(fs.existsSync(dbFile)).toBe(false);
    expect(practice.state()).toBe('locked');
    expect(fs.existsSync(dbFile)).toBe(true);
    expect(fs.existsSync(`${dbFile}.restore-journal.json`)).toBe(false);
    await practice.unlock('mquintero', PASS);
    expect(practice.clinic().name).toBe(aClinic().name);
  });

  it('a missing database with backups offers restore, and restore brings it back', async () => {
    const { practice, dataDir } = await setUpPractice();
    practice.backup();
    practice.lock('manual');
    for (const s of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `clearleaf.db${s}`), { force: true });
    const status = statusOf(practice);
    expect(status.state).toBe('locked');
    expect(status.problem?.code).toBe('DB_MISSING');
    expect(status.problem?.message).toMatch(/Restore the newest backup/);
    expect((await errorOf(practice.unlock('mquintero', PASS))).code).toBe('DB_MISSING');
    const r = await practice.restoreNewestBackup('mquintero', PASS);
    expect(r.damagedKeptAt).toBeNull();
    expect(practice.clinic().name).toBe(aClinic().name);
    expect(actions(practice)).toContain('restore:practice');
  });
});

describe('recovery kit: losing keyring.json loses nothing (finding 1)', () => {
  it('recovers from a deleted keyring with the recovery key and the kit beside the newest backup', async () => {
    const { practice, dataDir, recoveryKey, user, clock } = await practiceWithClinician();
    practice.backup();
    practice.lock('manual');
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    expect(statusOf(practice).problem?.code).toBe('KEYRING_MISSING');
    const back = await practice.recover(recoveryKey, 'mquintero', 'new larch passphrase');
    expect(back.id).toBe(user.id);
    practice.lock('manual');
    // The kit carries no passphrases: the other account sets a new one with the recovery key, then unlocks.
    expect((await errorOf(practice.unlock(CLINICIAN.username, CLINICIAN.passphrase))).code).toBe(
      'WRONG_PASSPHRASE',
    );
    await practice.recover(recoveryKey, CLINICIAN.username, 'ldang new birch passphrase');
    practice.lock('manual');
    clock.advance(5_000); // past the wait after the refused passphrase
    expect((await practice.unlock(CLINICIAN.username, 'ldang new birch passphrase')).username).toBe('ldang');
    expect((await practice.unlock('mquintero', 'new larch passphrase')).username).toBe('mquintero');
  });

  it('a truncated keyring is reported, set aside (not deleted) and rebuilt from a kit', async () => {
    const { practice, dataDir, recoveryKey } = await practiceWithClinician();
    practice.backup();
    practice.lock('manual');
    const ringFile = path.join(dataDir, 'keyring.json');
    fs.truncateSync(ringFile, 100);
    const status = statusOf(practice);
    expect(status.state).toBe('unavailable');
    expect(status.problem?.code).toBe('KEYRING_DAMAGED');
    await practice.recover(recoveryKey, 'mquintero', 'new larch passphrase');
    expect(fs.readdirSync(dataDir).some((f) => f.startsWith('keyring.json.damaged-'))).toBe(true);
    expect(
      readKeyring(ringFile)
        ?.users.map((u) => u.username)
        .sort(),
    ).toEqual(['mquintero']);
  });

  it('takes a chosen kit when the keyring and the backups folder are both gone, and restores a lost database', async () => {
    const { practice, dataDir, recoveryKey } = await setUpPractice();
    const info = practice.backup();
    practice.lock('manual');
    const drive = tempDir('clearleaf-drive-');
    fs.copyFileSync(kitFileFor(info.path), path.join(drive, 'kit.json'));
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    for (const f of fs.readdirSync(path.join(dataDir, 'backups')))
      if (f.endsWith('.kit.json')) fs.rmSync(path.join(dataDir, 'backups', f));
    expect((await errorOf(practice.recover(recoveryKey, 'mquintero', 'new larch passphrase'))).code).toBe(
      'NO_RECOVERY_KIT',
    );
    fs.rmSync(path.join(dataDir, 'clearleaf.db'));
    fs.rmSync(path.join(dataDir, 'clearleaf.db-wal'), { force: true });
    await practice.recover(recoveryKey, 'mquintero', 'new larch passphrase', path.join(drive, 'kit.json'));
    expect(practice.clinic().name).toBe(aClinic().name);
  });
});

describe('restore of a healthy database (finding 3) and the administrator role (finding 4)', () => {
  it('the lock screen refuses to restore over a healthy database', async () => {
    const { practice } = await setUpPractice();
    practice.backup();
    practice.lock('manual');
    expect((await errorOf(practice.restoreNewestBackup('mquintero', PASS))).code).toBe('RESTORE_REFUSED');
  });

  it('a clinician can neither preview nor restore; nor add accounts, set roles, replace the key or change settings', async () => {
    const { practice } = await practiceWithClinician();
    const b = practice.backup();
    practice.lock('manual');
    const me = await practice.unlock(CLINICIAN.username, CLINICIAN.passphrase);
    expect(me.administrator).toBe(false);
    const p = CLINICIAN.passphrase;
    for (const attempt of [
      () => practice.restorePreview(b.fileName),
      practice.restoreChosen(b.fileName, p),
      practice.addUser(aClinician({ username: 'other', displayName: 'Siobhán O’Brien' }), p),
      practice.setRole(me.id, 'supervisor', true, p),
      practice.regenerateRecoveryKey(p),
      () => practice.updateClinic(aClinic({ name: 'Taken Over' })),
      () => practice.updateSettings({ idleLockMinutes: 60 }),
      () => practice.setSecondBackupDir('/tmp'),
      () => practice.backupTo(path.join(os.tmpdir(), 'never-written.db'), { plaintext: true }),
    ]) {
      expect((await errorOf(attempt)).code).toBe('FORBIDDEN');
    }
  });

  it('previews records only: derived rows (outcome rows, measures due) are neither counted nor set aside', async () => {
    const { practice } = await setUpPractice();
    const b = practice.backup();
    insertClient(
      practice.session().db,
      'c1',
      { ...aClient({ legalLastName: 'Đặng' }), chartNumber: 'C-1' },
      1,
    );
    const preview = practice.restorePreview(b.fileName);
    expect(preview.setAside.clients).toBe(1);
    expect(preview.current.counts.clients).toBe(1);
    for (const table of DERIVED_TABLES) {
      expect(preview.setAside[table]).toBeUndefined();
      expect(preview.current.counts[table]).toBeUndefined();
      expect(preview.backup.counts[table]).toBeUndefined();
    }
  });

  it('an administrator previews, restores, and the restore is recorded in both files', async () => {
    const { practice, dataDir } = await setUpPractice();
    const b = practice.backup();
    practice.updateClinic(aClinic({ name: 'Changed Later' }));
    const preview = practice.restorePreview(b.fileName);
    expect(preview.backup.fileName).toBe(b.fileName);
    expect(preview.current.auditRows).toBeGreaterThan(preview.backup.auditRows);
    expect(preview.setAside.audit_log).toBe(preview.current.auditRows - preview.backup.auditRows);
    const key = Buffer.from((practice as unknown as { key: Buffer }).key);
    const r = await practice.restoreChosen(b.fileName, PASS);
    expect(practice.clinic().name).toBe(aClinic().name);
    expect(actions(practice)).toContain('restore:practice');
    const aside = openFile(r.setAsideAt ?? '', { readonly: true, fileMustExist: true });
    applyKey(aside, key);
    const asideActions = listAudit(aside, { limit: 50, beforeId: null }).map((e) => e.action);
    aside.close();
    expect(asideActions[0]).toBe('restore');
    expect(
      listBackups(path.join(dataDir, 'backups')).some((x) => x.fileName.endsWith('before-restore.db')),
    ).toBe(true);
  });

  it('roles: only an administrator sets them, and the last administrator stays', async () => {
    const { practice, user } = await practiceWithClinician();
    expect(user.administrator).toBe(true);
    expect((await errorOf(practice.setRole(user.id, 'clinician', false, PASS))).fields[0]?.path).toBe(
      'administrator',
    );
    const ring = readKeyring(practice.keyringFile);
    const other = ring?.users.find((u) => u.username === 'ldang');
    const promoted = await practice.setRole(other?.userId ?? '', 'supervisor', true, PASS);
    expect(promoted).toMatchObject({ role: 'supervisor', administrator: true });
    expect(actions(practice)).toContain('set-role:user');
  });
});

describe('wrong-passphrase delay on disk, one unlock at a time (finding 5)', () => {
  it('a restart keeps the delay, and failures before it are audited at the next unlock', async () => {
    const clock = new FakeClock();
    const { practice, dataDir } = await setUpPractice({ clock });
    practice.lock('manual');
    await errorOf(practice.unlock('mquintero', 'wrong one'));
    const restarted = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
    expect((await errorOf(restarted.unlock('mquintero', PASS))).code).toBe('TOO_MANY_ATTEMPTS');
    clock.advance(1000);
    await restarted.unlock('mquintero', PASS);
    expect(actions(restarted).filter((a) => a === 'unlock-failed:session')).toHaveLength(1);
  });

  it('parallel guesses run one at a time and meet the delay', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    practice.lock('manual');
    const codes = (
      await Promise.all([1, 2, 3, 4].map((i) => errorOf(practice.unlock('mquintero', `guess ${i}`))))
    ).map((e) => e.code);
    expect(codes).toEqual([
      'WRONG_PASSPHRASE',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
      'TOO_MANY_ATTEMPTS',
    ]);
  });
});

describe('database first, then the keyring; reconciled at unlock (finding 6)', () => {
  it('an account committed without its keyring entry is completed by adding it again', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    const ringBefore = readKeyring(practice.keyringFile);
    await practice.addUser(CLINICIAN, PASS);
    // The crash between the two writes: the database has the row, the keyring does not.
    if (ringBefore) writeKeyring(practice.keyringFile, ringBefore);
    practice.lock('manual');
    expect((await errorOf(practice.unlock('ldang', CLINICIAN.passphrase))).code).toBe('WRONG_PASSPHRASE');
    clock.advance(1000);
    await practice.unlock('mquintero', PASS);
    const again = await practice.addUser(CLINICIAN, PASS);
    practice.lock('manual');
    expect((await practice.unlock('ldang', CLINICIAN.passphrase)).id).toBe(again.id);
  });

  it('a keyring entry for no account is dropped at unlock and the repair audited', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    const ring = readKeyring(practice.keyringFile);
    const me = ring?.users[0];
    if (!ring || !me) throw new Error('no keyring');
    practice.lock('manual');
    writeKeyring(practice.keyringFile, {
      ...ring,
      users: [...ring.users, { ...me, userId: 'never-committed', username: 'ghost' }],
    });
    await practice.unlock('mquintero', PASS);
    expect(readKeyring(practice.keyringFile)?.users.map((u) => u.username)).toEqual(['mquintero']);
    expect(actions(practice)).toContain('reconcile:keyring');
  });

  it('the keyring refuses two entries with one name', async () => {
    const { practice } = await setUpPractice();
    const ring = readKeyring(practice.keyringFile);
    const me = ring?.users[0];
    if (!ring || !me) throw new Error('no keyring');
    expect(() =>
      writeKeyring(practice.keyringFile, { ...ring, users: [me, { ...me, userId: 'x' }] }),
    ).toThrow();
  });
});

describe('audit chain anchored outside the database (finding 7)', () => {
  function withKey(practice: Practice) {
    return Buffer.from((practice as unknown as { key: Buffer }).key);
  }

  it('a cut tail, a re-hash or a dropped trigger shows on the verify report', async () => {
    const { practice, dataDir } = await setUpPractice();
    practice.updateClinic(aClinic({ name: 'One' }));
    practice.updateClinic(aClinic({ name: 'Two' }));
    const key = withKey(practice);
    practice.lock('manual');
    const anchor = readKeyring(practice.keyringFile)?.anchor;
    expect(anchor?.rows).toBeGreaterThan(3);
    // Someone with the key drops the trigger and cuts the last rows.
    const db = openFile(path.join(dataDir, 'clearleaf.db'));
    applyKey(db, key);
    db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > ${(anchor?.rows ?? 0) - 2};`);
    db.close();
    const report = await practice.verifyReadOnly('mquintero', PASS);
    expect(report.audit.ok).toBe(true); // the remaining chain is self-consistent…
    expect(report.anchor?.check).toBe('rows-missing'); // …but the anchor shows the cut
    expect(report.missingTriggers).toEqual(['audit_log_no_delete']);
    expect(report.ok).toBe(false);
  });

  it('every backup carries the anchor in its recovery kit', async () => {
    const { practice } = await setUpPractice();
    const b = practice.backup();
    const kit = JSON.parse(fs.readFileSync(kitFileFor(b.path), 'utf8')) as { anchor: { rows: number } };
    expect(kit.anchor.rows).toBeGreaterThan(0);
  });
});

describe('backups (finding 8)', () => {
  it('rotation keeps 7 daily, 4 weekly and 12 monthly', () => {
    const day = 86_400_000;
    const start = Date.UTC(2025, 0, 1, 9);
    const all = Array.from({ length: 500 }, (_, i) => ({ fileName: `b${i}`, createdAtMs: start + i * day }));
    const keep = backupsToKeep(all);
    // The newest 7 days, plus older week and month ends: at most 7 + 4 + 12, and the newest always.
    expect(keep.has('b499')).toBe(true);
    for (let i = 493; i <= 499; i += 1) expect(keep.has(`b${i}`)).toBe(true);
    expect(keep.size).toBeGreaterThanOrEqual(7 + 2 + 10);
    expect(keep.size).toBeLessThanOrEqual(7 + 4 + 12);
    expect(keep.has('b0')).toBe(false);
    // Several backups on one day: only the newest of the day counts for that day.
    const sameDay = [0, 1, 2].map((h) => ({ fileName: `h${h}`, createdAtMs: start + h * 3_600_000 }));
    expect([...backupsToKeep(sameDay)]).toEqual(['h2']);
  });

  it('a daily backup at unlock, one at quit, owner-only files with their kit, and a copy in the second folder', async () => {
    const clock = new FakeClock();
    const { practice, dataDir } = await setUpPractice({ clock });
    const second = tempDir('clearleaf-usb-');
    practice.setSecondBackupDir(second);
    practice.lock('manual');
    await practice.unlock('mquintero', PASS);
    expect(listBackups(path.join(dataDir, 'backups')).map((b) => b.fileName)).toEqual([
      expect.stringMatching(/-daily\.db$/),
    ]);
    clock.advance(60_000);
    practice.updateClinic(aClinic({ name: 'Changed Before Quitting' }));
    practice.close();
    const names = listBackups(path.join(dataDir, 'backups')).map((b) => b.fileName);
    expect(names[0]).toMatch(/-quit\.db$/);
    for (const f of fs.readdirSync(path.join(dataDir, 'backups'))) {
      expect(fs.statSync(path.join(dataDir, 'backups', f)).mode & 0o777).toBe(0o600);
    }
    // The copies go into this practice's own subfolder of the chosen folder.
    const [own] = fs.readdirSync(second).map((n) => path.join(second, n));
    expect(fs.readdirSync(own ?? '')).toEqual(expect.arrayContaining([names[0], kitFileFor(names[0] ?? '')]));
    for (const f of fs.readdirSync(own ?? ''))
      expect(fs.statSync(path.join(own ?? '', f)).mode & 0o777).toBe(0o600);
  });
});
