/**
 * The unlock-time health check policy (electron/practice/health.ts): cheap at every unlock, full after an unclean
 * shutdown, when a week has passed without one, or when none is on record. Tested as policy, not timing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../../electron/db/connection';
import { AppError } from '../../../../electron/errors';
import {
  FULL_CHECK_EVERY_MS,
  inUseMarker,
  lastFullCheckAtMs,
  needsFullCheck,
} from '../../../../electron/practice/health';
import { Practice } from '../../../../electron/practice/practice';
import { aClinic, aClinician, FAST_KDF, setUpPractice } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

describe('health check policy', () => {
  it('decides the full check from the marker, the age of the last one, and the clock', () => {
    const now = 1_000_000_000_000;
    expect(needsFullCheck({ uncleanShutdown: true, lastFullCheckAtMs: now, nowMs: now })).toBe(true);
    expect(needsFullCheck({ uncleanShutdown: false, lastFullCheckAtMs: null, nowMs: now })).toBe(true);
    expect(needsFullCheck({ uncleanShutdown: false, lastFullCheckAtMs: now - 1000, nowMs: now })).toBe(false);
    expect(
      needsFullCheck({ uncleanShutdown: false, lastFullCheckAtMs: now - FULL_CHECK_EVERY_MS, nowMs: now }),
    ).toBe(true);
    // A clock set back: check rather than trust.
    expect(needsFullCheck({ uncleanShutdown: false, lastFullCheckAtMs: now + 5000, nowMs: now })).toBe(true);
  });

  it('computes the derived figures again when the practice is unlocked in another time zone', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const { practice } = await setUpPractice();
      const zoneOf = () =>
        practice.session().db.prepare(`SELECT value FROM settings WHERE key = 'derivedZone'`).get();
      const user = practice.session().user.username;
      practice.lock('manual');
      await practice.unlock(user, PASS);
      expect(zoneOf()).toEqual({ value: '"America/Los_Angeles"' });
      practice.lock('manual');
      process.env.TZ = 'Asia/Tokyo';
      await practice.unlock(user, PASS);
      expect(zoneOf()).toEqual({ value: '"Asia/Tokyo"' });
      expect(practice.verify()).toMatchObject({ ok: true, derivedOutOfStep: [] });
      // A rebuild that fails does not keep the practice locked; the zone stays, to be tried again.
      practice.session().db.exec(`DROP TABLE measure_due; CREATE TABLE measure_due (broken TEXT)`);
      practice.lock('manual');
      process.env.TZ = 'Europe/Warsaw';
      await practice.unlock(user, PASS);
      expect(zoneOf()).toEqual({ value: '"Asia/Tokyo"' });
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('marks the database in use while open and clears the mark on a clean lock', async () => {
    const { practice, dataDir } = await setUpPractice();
    expect(fs.existsSync(inUseMarker(dataDir))).toBe(true);
    practice.lock('manual');
    expect(fs.existsSync(inUseMarker(dataDir))).toBe(false);
  });

  it('a damaged page the cheap check does not read is found by the full check after a crash, and nothing is deleted', async () => {
    const { practice, dataDir, clock } = await setUpPractice();
    // Enough rows that the middle pages are the audit log's leaves, off the sampled paths. (With 300 rows the
    // schema, grown with each migration, came to fill the middle of the file; damage there fails the header read.)
    for (let i = 0; i < 300; i += 1)
      practice.updateClinic(aClinic({ name: `Clinic ${i} ${'x'.repeat(150)}` }));
    const { db } = practice.session();
    db.transaction(() => {
      for (let i = 0; i < 4000; i += 1)
        practice.audit({ action: 'view', entity: 'client', entityId: `client-${i}-${'x'.repeat(120)}` });
    })();
    practice.lock('manual');
    const dbFile = path.join(dataDir, 'clearleaf.db');
    const checkpoint = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
    await checkpoint.unlock('mquintero', PASS);
    checkpoint.session().db.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint.lock('manual');
    expect(lastFullCheckAtMs(dataDir)).not.toBeNull();
    const pages = fs.statSync(dbFile).size / PAGE_SIZE;
    // Damage a page in the middle of the audit log's leaves.
    const middle = Math.floor(pages / 2);
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, Buffer.alloc(32, 0xa5), 0, 32, middle * PAGE_SIZE + 1000);
    fs.closeSync(fd);

    // Clean shutdown and a recent full check: the cheap check runs, its cost independent of the file's size.
    const cheap = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
    let cheapResult: string;
    try {
      await cheap.unlock('mquintero', PASS);
      cheapResult = 'opened';
      // The daily backup reads every page; it fails on the damaged one, so the next unlock runs the full check.
      cheap.lock('manual');
    } catch (err) {
      cheapResult = err instanceof AppError ? err.code : 'other';
    }
    expect(['opened', 'DB_CORRUPT']).toContain(cheapResult);

    // After an unclean shutdown (the marker left behind), the full check runs and refuses the damaged file,
    // leaving it as it was (a cheap unlock that opened it may have written its own rows before this point).
    const before = fs.readFileSync(dbFile);
    fs.writeFileSync(inUseMarker(dataDir), '');
    const afterCrash = new Practice({ dataDir, clock, kdfCost: FAST_KDF });
    const err = await afterCrash.unlock('mquintero', PASS).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_CORRUPT');
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('after a clean close with a recent full check, unlock does not run the full check (it is recorded only when run)', async () => {
    const { practice, dataDir, clock } = await setUpPractice();
    practice.lock('manual');
    fs.writeFileSync(
      path.join(dataDir, 'health.json'),
      JSON.stringify({ lastFullCheckAtMs: clock.now() - 1000 }),
    );
    clock.advance(1000);
    await practice.unlock('mquintero', PASS);
    // The daily backup at this first unlock is a full read and is recorded as such: the time is now.
    expect(lastFullCheckAtMs(dataDir)).toBe(clock.now());
    practice.lock('manual');
    clock.advance(60_000);
    await practice.unlock('mquintero', PASS);
    // No backup due and no full check due: the record stays at the backup's time.
    expect(lastFullCheckAtMs(dataDir)).toBe(clock.now() - 60_000);
  });
});
