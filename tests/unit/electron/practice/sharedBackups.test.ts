/** A security review of issue 12: a shared second folder, verify's trigger list and signed summaries, lean kits. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitFileFor, listBackups } from '../../../../electron/db/backup';
import { PROTECTING_TRIGGERS } from '../../../../electron/db/repositories/audit';
import { readKeyring, readRecoveryKit, RECOVERY_AAD, unwrapKey } from '../../../../electron/security/keyring';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../../electron/platform/types';
import type { Client } from '../../../../shared/domain/clients';
import type { DischargeSummary } from '../../../../shared/domain/dischargeSummary';
import type { Result } from '../../../../shared/ipc/result';
import { aClient } from '../../../support/clients';
import { aClinic, aClinician, FakeClock, setUpPractice, tempDir } from '../../../support/fixtures';

const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

const DAY_MS = 86_400_000;

describe('a second folder shared by two practices (one USB drive for two laptops)', () => {
  it('each practice writes and rotates only its own subfolder; neither removes the other’s backups', async () => {
    const usb = tempDir('clearleaf-shared-usb-');
    // An older version wrote straight into the folder: those copies are left alone.
    const flat = path.join(usb, 'clearleaf-20250101-120000-000.db');
    fs.writeFileSync(flat, 'an older flat-layout backup');
    fs.writeFileSync(kitFileFor(flat), '{}');
    const clockA = new FakeClock();
    const clockB = new FakeClock(clockA.ms + 1234);
    const a = await setUpPractice({ clock: clockA });
    const b = await setUpPractice({ clock: clockB });
    b.practice.updateClinic(aClinic({ name: 'Łąka Đặng & O’Brien Counselling' }));
    a.practice.setSecondBackupDir(usb);
    b.practice.setSecondBackupDir(usb);
    // Forty days of daily backups each, interleaved: rotation runs after every one of them.
    for (let day = 0; day < 40; day += 1) {
      for (const { practice } of [a, b]) {
        practice.touch(); // a day at work, not an idle laptop
        practice.backup();
      }
      clockA.advance(DAY_MS);
      clockB.advance(DAY_MS);
    }
    const folders = fs.readdirSync(usb).filter((n) => fs.statSync(path.join(usb, n)).isDirectory());
    expect(folders).toHaveLength(2);
    expect(folders).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^riverbend-recovery-collective-[0-9a-f]{16}$/),
        expect.stringMatching(/^laka-dang-o-brien-counselling-[0-9a-f]{16}$/),
      ]),
    );
    for (const f of folders) expect(fs.statSync(path.join(usb, f)).mode & 0o777).toBe(0o700);
    // Each subfolder holds exactly what that practice's own backups folder keeps after rotation.
    for (const { practice, dataDir } of [a, b]) {
      practice.touch();
      const own = listBackups(path.join(dataDir, 'backups')).map((x) => x.fileName);
      const mine = practice.backupFolders().find((f) => f.kind === 'second');
      expect(mine?.dir.startsWith(usb + path.sep)).toBe(true);
      expect(listBackups(mine?.dir ?? '').map((x) => x.fileName)).toEqual(own);
      expect(own.length).toBeGreaterThanOrEqual(8);
      // And each can still restore from its copies there: the preview lists and opens them.
      const preview = practice.restorePreview(own[own.length - 1] ?? '');
      expect(preview.sameHistory).toBe(true);
    }
    expect(fs.readFileSync(flat, 'utf8')).toBe('an older flat-layout backup');
    expect(fs.existsSync(kitFileFor(flat))).toBe(true);
  });

  it('a renamed clinic keeps writing into the same subfolder', async () => {
    const usb = tempDir('clearleaf-shared-usb-');
    const { practice } = await setUpPractice();
    practice.setSecondBackupDir(usb);
    practice.backup();
    practice.updateClinic(aClinic({ name: 'Nguyễn Thị Ánh Recovery' }));
    practice.backup();
    expect(fs.readdirSync(usb)).toEqual([expect.stringMatching(/^riverbend-recovery-collective-/)]);
  });
});

describe('verify knows every trigger that protects history (a future migration cannot forget)', () => {
  it('each trigger in a fully migrated schema that refuses an UPDATE or DELETE is on verify’s list', async () => {
    const { practice } = await setUpPractice();
    const triggers = practice
      .session()
      .db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
      .all() as Array<{ name: string; sql: string }>;
    const refusing = triggers
      .filter((t) => /\bBEFORE\s+(UPDATE|DELETE)\b/i.test(t.sql) && /\bRAISE\s*\(/i.test(t.sql))
      .map((t) => t.name);
    expect(refusing.length).toBeGreaterThan(30);
    expect(refusing.filter((t) => !(PROTECTING_TRIGGERS as readonly string[]).includes(t))).toEqual([]);
    // And the list names no trigger the schema does not have (a refusal on INSERT, such as a disclosure under a
    // revoked consent, may be on it too).
    const names = triggers.map((t) => t.name);
    expect(PROTECTING_TRIGGERS.filter((t) => !names.includes(t))).toEqual([]);
    expect(PROTECTING_TRIGGERS).toContain('disclosures_consent_in_force');
  });
});

describe('verify fails on a dropped trigger or a forged signed discharge summary', () => {
  async function withSignedSummary() {
    const clock = new FakeClock(Date.UTC(2026, 11, 2, 18, 0));
    const { practice } = await setUpPractice({ clock });
    const dispatch: Dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const client = value<Client>(await dispatch('clients.create', { client: aClient() }));
    const s = value<DischargeSummary>(await dispatch('discharge.startSummary', { clientId: client.id }));
    const saved = value<DischargeSummary>(
      await dispatch('discharge.saveSummary', {
        id: s.id,
        written: {
          ...s.content.written,
          dischargedOn: '2026-12-02',
          // No signed service in this test's record: "completed treatment" would be refused.
          dischargeType: 'transferred',
          presentingProblem: 'Daily kratom use with withdrawal on waking.',
          levelOfCareAtDischarge: 'Outpatient counselling with the receiving programme.',
          conditionAtDischarge: 'Stable; no kratom for three weeks.',
          recommendations: 'Continue weekly counselling for three months.',
          incompleteReason: 'No signed aftercare plan: the client declined to write one.',
        },
        expectedUpdatedAtMs: s.updatedAtMs,
      }),
    );
    value(await dispatch('discharge.signSummary', { id: saved.id, passphrase: PASS }));
    return { practice, id: saved.id };
  }

  it('a dropped trigger is named on the report', async () => {
    const { practice } = await withSignedSummary();
    expect(practice.verify()).toMatchObject({ ok: true, missingTriggers: [], alteredDischargeSummaries: [] });
    practice.session().db.exec('DROP TRIGGER discharge_summaries_signed_kept');
    expect(practice.verify()).toMatchObject({
      ok: false,
      missingTriggers: ['discharge_summaries_signed_kept'],
    });
  });

  it('derived figures out of step with the records are named on the report, and computed again on request', async () => {
    const { practice } = await withSignedSummary();
    const db = practice.session().db;
    expect(practice.verify()).toMatchObject({ ok: true, derivedOutOfStep: [] });
    const right = db.prepare('SELECT * FROM client_outcomes').all();
    db.exec(`UPDATE client_outcomes SET ended_on = NULL, left_on = NULL`);
    expect(practice.verify()).toMatchObject({ ok: false, derivedOutOfStep: ['client_outcomes'] });
    expect(practice.rebuildDerivedFigures()).toEqual(['client_outcomes']);
    expect(db.prepare('SELECT * FROM client_outcomes').all()).toEqual(right);
    expect(practice.verify()).toMatchObject({ ok: true, derivedOutOfStep: [] });
    expect(db.prepare(`SELECT action FROM audit_log WHERE entity = 'derived-figures'`).all()).toEqual([
      { action: 'rebuild' },
    ]);
  });

  it('a signed summary’s content changed in SQL fails verify, naming the summary', async () => {
    const { practice, id } = await withSignedSummary();
    const db = practice.session().db;
    db.exec('DROP TRIGGER discharge_summaries_signed_kept');
    db.prepare(
      `UPDATE discharge_summaries
          SET content = json_set(content, '$.written.recommendations', 'No follow-up needed.') WHERE id = ?`,
    ).run(id);
    db.exec(`CREATE TRIGGER discharge_summaries_signed_kept BEFORE UPDATE ON discharge_summaries
        WHEN OLD.signed_at_ms IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a signed discharge summary is kept as it was'); END;`);
    const report = practice.verify();
    expect(report.missingTriggers).toEqual([]);
    expect(report.alteredDischargeSummaries).toEqual([id]);
    expect(report.ok).toBe(false);
  });
});

describe('a recovery kit holds only what the recovery key needs', () => {
  it('a kit file carries no passphrase wraps, only the recovery wrap, the accounts and the anchor', async () => {
    const { practice } = await setUpPractice();
    const b = practice.backup();
    const text = fs.readFileSync(kitFileFor(b.path), 'utf8');
    const kit = JSON.parse(text) as {
      keyring: { users: Array<Record<string, unknown>>; recovery: { kdf: { N: number } } };
      anchor: { rows: number };
    };
    expect(kit.keyring.users).toEqual([
      {
        kind: 'passphrase',
        userId: expect.any(String),
        username: 'mquintero',
        displayName: expect.any(String),
      },
    ]);
    expect(kit.keyring.recovery.kdf.N).toBeGreaterThan(0);
    expect(kit.anchor.rows).toBeGreaterThan(0);
    // Exactly one wrap (the recovery key's) in the whole file.
    expect(text.match(/"ciphertext"/g)).toHaveLength(1);
  });

  it('an old passphrase and an old kit open nothing once the passphrase is changed and the keyring lost', async () => {
    const { practice, dataDir, recoveryKey } = await setUpPractice();
    const old = PASS;
    const b = practice.backup();
    const kitCopy = path.join(tempDir('clearleaf-drive-'), 'old.kit.json');
    fs.copyFileSync(kitFileFor(b.path), kitCopy);
    await practice.changePassphrase(old, 'a much better passphrase now');
    practice.lock('manual');
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    // Nothing in the kit unwraps with the old passphrase (and, its wraps stripped, with any passphrase).
    const kit = readRecoveryKit(kitCopy);
    for (const u of kit.keyring.users) expect('wrap' in u).toBe(false);
    expect(await unwrapKey(kit.keyring.recovery, old, RECOVERY_AAD)).toBeNull();
    // An old kit cannot bring a passphrase back: recovering from it with the recovery key gives only the new one.
    await practice.recover(recoveryKey, 'mquintero', 'set after recovery here', kitCopy);
    practice.lock('manual');
    expect((await errorOfUnlock(practice.unlock('mquintero', old))).code).toBe('WRONG_PASSPHRASE');
  });

  it('a kit an older version wrote, wraps included, is read without them', async () => {
    const { practice, dataDir, recoveryKey } = await setUpPractice();
    const b = practice.backup();
    const ring = readKeyring(path.join(dataDir, 'keyring.json'));
    const kit = JSON.parse(fs.readFileSync(kitFileFor(b.path), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(kitFileFor(b.path), JSON.stringify({ ...kit, keyring: ring }));
    expect(JSON.stringify(readRecoveryKit(kitFileFor(b.path)))).not.toContain('"wrap"');
    practice.lock('manual');
    fs.rmSync(path.join(dataDir, 'keyring.json'));
    await practice.recover(recoveryKey, 'mquintero', 'set after recovery here');
    expect(readKeyring(path.join(dataDir, 'keyring.json'))?.users.map((u) => u.username)).toEqual([
      'mquintero',
    ]);
  });
});

async function errorOfUnlock(p: Promise<unknown>): Promise<{ code: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string };
  }
  throw new Error('expected the unlock to be refused');
}
