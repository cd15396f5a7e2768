import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../../electron/db/repositories/audit';
import { AppError } from '../../../../electron/errors';
import { failureDelayMs, Practice } from '../../../../electron/practice/practice';
import { readKeyring } from '../../../../electron/security/keyring';
import { aClinic, aClinician, FAST_KDF, FakeClock, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

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
  listAudit(practice.session().db, { limit: 100, beforeId: null })
    .map((e) => `${e.action}:${e.entity}`)
    .reverse();

describe('Practice', () => {
  it('sets up an encrypted practice and refuses a second setup', async () => {
    const { practice, dataDir, user } = await setUpPractice();
    expect(practice.state()).toBe('unlocked');
    expect(practice.currentUser()).toEqual(user);
    expect(fs.readFileSync(path.join(dataDir, 'clearleaf.db')).subarray(0, 15).toString()).not.toBe(
      'SQLite format 3',
    );
    const ring = readKeyring(path.join(dataDir, 'keyring.json'));
    expect(ring?.users.map((u) => u.username)).toEqual(['mquintero']);
    expect(JSON.stringify(ring)).not.toContain(PASS);
    expect((await errorOf(practice.setup(aClinic(), aClinician()))).code).toBe('ALREADY_SET_UP');
    expect(actions(practice)).toEqual(['create:practice', 'create:user']);
  });

  it('locks by closing the database; unlocks with the passphrase', async () => {
    const { practice, user } = await setUpPractice();
    practice.lock('manual');
    expect(practice.state()).toBe('locked');
    expect((await errorOf(() => practice.session())).code).toBe('LOCKED');
    expect(await practice.unlock('MQuintero', PASS)).toEqual(user);
    // The first unlock of the day also writes the daily backup.
    expect(actions(practice).slice(-3)).toEqual(['lock:session', 'unlock:session', 'backup:practice']);
  });

  it('refuses wrong passphrases with a doubling delay, and audits them at the next unlock', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    practice.lock('manual');
    const first = await errorOf(practice.unlock('mquintero', 'wrong passphrase 1'));
    expect(first.code).toBe('WRONG_PASSPHRASE');
    expect(first.fields[0]?.path).toBe('passphrase');
    expect(first.retryAfterMs).toBe(1000);
    // Even the right passphrase is refused until the delay has passed.
    const early = await errorOf(practice.unlock('mquintero', PASS));
    expect(early.code).toBe('TOO_MANY_ATTEMPTS');
    clock.advance(1000);
    expect((await errorOf(practice.unlock('mquintero', 'wrong passphrase 2'))).retryAfterMs).toBe(2000);
    clock.advance(2000);
    expect((await errorOf(practice.unlock('nobody-here', PASS))).code).toBe('WRONG_PASSPHRASE');
    await practice.unlock('mquintero', PASS);
    expect(actions(practice).filter((a) => a === 'unlock-failed:session')).toHaveLength(3);
  });

  it('grows the delay up to five minutes', () => {
    expect([1, 2, 3, 4, 10, 50].map(failureDelayMs)).toEqual([1000, 2000, 4000, 8000, 300_000, 300_000]);
  });

  it('resets a passphrase with the recovery key, written in any case and with O for 0', async () => {
    const clock = new FakeClock();
    const { practice, recoveryKey, user } = await setUpPractice({ clock });
    practice.lock('manual');
    const sloppy = recoveryKey.toLowerCase().replace(/0/g, 'o').replace(/-/g, ' ');
    expect(
      (
        await errorOf(
          practice.recover('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', 'mquintero', 'a brand new passphrase'),
        )
      ).code,
    ).toBe('WRONG_PASSPHRASE');
    clock.advance(1000);
    expect(await practice.recover(sloppy, 'mquintero', 'a brand new passphrase')).toEqual(user);
    practice.lock('manual');
    expect((await errorOf(practice.unlock('mquintero', PASS))).code).toBe('WRONG_PASSPHRASE');
  });

  it('adds a second user after re-authentication; both can unlock the same database', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    const newcomer = aClinician({
      displayName: 'Nguyễn Thị Ánh',
      username: 'anguyen',
      passphrase: 'orchid ferry basalt nine',
    });
    expect((await errorOf(practice.addUser(newcomer, 'not my passphrase'))).fields[0]?.path).toBe(
      'currentPassphrase',
    );
    clock.advance(5000);
    const added = await practice.addUser(newcomer, PASS);
    expect(added.displayName).toBe('Nguyễn Thị Ánh');
    expect((await errorOf(practice.addUser({ ...newcomer, username: 'ANguyen' }, PASS))).code).toBe(
      'CONFLICT',
    );
    practice.lock('manual');
    expect((await practice.unlock('anguyen', 'orchid ferry basalt nine')).id).toBe(added.id);
  });

  it('changes a passphrase: the old one stops working, the database key stays the same', async () => {
    const { practice, dataDir } = await setUpPractice();
    await practice.changePassphrase(PASS, 'winter quarry saffron owl');
    practice.lock('manual');
    expect((await errorOf(practice.unlock('mquintero', PASS))).code).toBe('WRONG_PASSPHRASE');
    const again = new Practice({ dataDir, kdfCost: FAST_KDF });
    await again.unlock('mquintero', 'winter quarry saffron owl');
    expect(actions(again)).toContain('change-passphrase:user');
    again.close();
  });

  it('replaces the recovery key: the old one stops working', async () => {
    const { practice, recoveryKey } = await setUpPractice();
    const fresh = await practice.regenerateRecoveryKey(PASS);
    expect(fresh).not.toBe(recoveryKey);
    practice.lock('manual');
    expect((await errorOf(practice.recover(recoveryKey, 'mquintero', 'another new passphrase'))).code).toBe(
      'WRONG_PASSPHRASE',
    );
  });

  it('locks itself when no activity is reported for the idle time plus grace', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    practice.updateSettings({ idleLockMinutes: 5 });
    clock.advance(5 * 60_000);
    expect(practice.lockIfIdle()).toBe(false);
    practice.touch();
    clock.advance(6 * 60_000 + 1);
    expect((await errorOf(() => practice.session())).code).toBe('LOCKED');
    await practice.unlock('mquintero', PASS);
    expect(actions(practice)).toContain('idle-lock:session');
  });

  it('locks at the shortest idle lock allowed, one minute plus grace, though quick calls do not read the setting', async () => {
    const clock = new FakeClock();
    const { practice } = await setUpPractice({ clock });
    practice.updateSettings({ idleLockMinutes: 1 });
    practice.touch();
    clock.advance(2 * 60_000);
    expect(practice.lockIfIdle()).toBe(false);
    practice.touch();
    clock.advance(2 * 60_000 + 1);
    expect((await errorOf(() => practice.session())).code).toBe('LOCKED');
  });

  it('keeps backups verified and rotated, and restores the newest over a damaged database, keeping the damaged file', async () => {
    const clock = new FakeClock();
    const first = await setUpPractice({ clock });
    first.practice.close();
    const dataDir = first.dataDir;
    const practice = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
    await practice.unlock('mquintero', PASS);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(60_000);
      practice.backup();
    }
    const backups = fs.readdirSync(path.join(dataDir, 'backups'));
    // Rotation keeps the newest of each day: one backup today (with its recovery kit).
    expect(backups.filter((f) => f.endsWith('.db'))).toHaveLength(1);
    expect(backups.filter((f) => f.endsWith('.kit.json'))).toHaveLength(1);
    expect(backups.some((f) => f.includes('partial'))).toBe(false);
    practice.updateClinic(aClinic({ name: 'Renamed After Backup' }));
    practice.lock('manual');

    const dbFile = path.join(dataDir, 'clearleaf.db');
    fs.truncateSync(dbFile, 0);
    expect((await errorOf(practice.unlock('mquintero', PASS))).code).toBe('DB_EMPTY');
    const result = await practice.restoreNewestBackup('mquintero', PASS);
    expect(result.damagedKeptAt).toMatch(/clearleaf\.db\.set-aside-/);
    expect(fs.statSync(result.damagedKeptAt ?? '').size).toBe(0);
    expect(practice.state()).toBe('unlocked');
    expect(practice.clinic().name).toBe(aClinic().name);
    expect(actions(practice)).toContain('restore:practice');
  });
});
