/**
 * The rest of the fault matrix (issue 12): disk full during a note save (`max_page_count`), during a backup and a
 * restore (a 1 MB tmpfs, where it can be mounted: this box runs as root), restore over a healthy database refused
 * for a clinician, and synchronous=FULL pinned, with the fsyncs of one save counted by strace where it exists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/db/backup';
import { openDatabase } from '../../../electron/db/connection';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../electron/platform/types';
import { Practice } from '../../../electron/practice/practice';
import { emptyNoteContent } from '../../../shared/domain/notes';
import type { Result } from '../../../shared/ipc/result';
import { aClient } from '../../support/clients';
import { aClinic, aClinician, FAST_KDF, setUpPractice, tempDir } from '../../support/fixtures';

const PASS = aClinician().passphrase;

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A 1 MB tmpfs, or null where mounting is not allowed. */
const mounts: string[] = [];
function tinyDisk(size = '1m'): string | null {
  const dir = tempDir('clearleaf-tiny-');
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});

describe('disk full', () => {
  it('during a note save: refused as DISK_FULL, the saves before it kept with their audit rows', async () => {
    const { practice, user } = await setUpPractice();
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    const client = value<{ id: string }>(
      await dispatch('clients.create', { client: aClient({ assignedClinicianId: user.id }) }),
    );
    const content = (plan: string) => ({
      ...emptyNoteContent('soap', '2026-11-23'),
      sections: { subjective: '', objective: '', assessment: '', plan },
    });
    let note = value<{ id: string; updatedAtMs: number }>(
      await dispatch('notes.create', { clientId: client.id, kind: 'progress', content: content('first') }),
    );
    const db = practice.session().db;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let full: Result<unknown> | null = null;
    let saved = 0;
    for (let i = 1; i < 200 && !full; i += 1) {
      const r = await dispatch('notes.saveDraft', {
        id: note.id,
        content: content(`v${i} ${'Ánh '.repeat(2000)}`),
        attendance: null,
        expectedUpdatedAtMs: note.updatedAtMs,
      });
      if (r.ok) {
        note = r.value as typeof note;
        saved = i;
      } else full = r;
    }
    expect(full).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    db.pragma('max_page_count = 1073741823');
    const kept = value<{ content: { sections: { plan: string } } }>(
      await dispatch('notes.get', { id: note.id }),
    );
    expect(kept.content.sections.plan.startsWith(`v${saved} `) || saved === 0).toBe(true);
    const audited = db
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'update' AND entity_id = ?`)
      .get(note.id) as { n: number };
    expect(audited.n).toBe(saved);
    expect(practice.verify().ok).toBe(true);
  });

  it('during a backup to a full drive: DISK_FULL, no half backup under its name, the database untouched', async () => {
    const disk = tinyDisk();
    if (!disk) {
      console.log(
        'tmpfs cannot be mounted here: the backup disk-full case is covered by max_page_count only',
      );
      return;
    }
    const { practice } = await setUpPractice();
    // Enough data that a backup does not fit in 1 MB.
    for (let i = 0; i < 40; i += 1) practice.updateClinic(aClinic({ address: `${i} ${'Łąka '.repeat(90)}` }));
    practice.setSecondBackupDir(disk);
    fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(900 * 1024));
    let code = '';
    try {
      practice.backup();
    } catch (err) {
      code = (err as { code?: string }).code ?? String(err);
    }
    expect(['DISK_FULL', 'ENOSPC']).toContain(code);
    expect(fs.readdirSync(disk, { recursive: true }).filter((f) => String(f).endsWith('.db'))).toEqual([]);
    expect(practice.verify().ok).toBe(true);
  });

  it('during a restore onto a full disk: refused, the live database still there and opening', async () => {
    const disk = tinyDisk('6m');
    if (!disk) return;
    const { practice, dataDir } = await setUpPractice({ dataDir: path.join(disk, 'practice') });
    const b = practice.backup();
    practice.updateClinic(aClinic({ name: 'After The Backup' }));
    const st = fs.statfsSync(disk);
    fs.writeFileSync(path.join(disk, 'filler'), Buffer.alloc(Math.max(0, st.bavail * st.bsize - 8 * 1024)));
    const err = await practice.restoreChosen(b.fileName, PASS).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    practice.lock('manual');
    fs.rmSync(path.join(disk, 'filler'));
    expect(fs.existsSync(path.join(dataDir, 'clearleaf.db'))).toBe(true);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('restoring') || f.includes('journal'))).toEqual(
      [],
    );
    const reopened = new Practice({ dataDir, kdfCost: FAST_KDF });
    await reopened.unlock('mquintero', PASS);
    expect(reopened.clinic().name).toBe('After The Backup');
    expect(reopened.verify().ok).toBe(true);
    reopened.lock('manual');
  });
});

describe('restore over a healthy database', () => {
  it('is refused for a clinician, from the lock screen and from Settings', async () => {
    const { practice } = await setUpPractice();
    await practice.addUser(
      aClinician({ username: 'wokafor', displayName: 'Wren Okafor', passphrase: 'plum tide cobalt ash' }),
      PASS,
    );
    const b = practice.backup();
    practice.lock('manual');
    await practice.unlock('wokafor', 'plum tide cobalt ash');
    await expect(practice.restoreChosen(b.fileName, 'plum tide cobalt ash')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    practice.lock('manual');
    await expect(practice.restoreNewestBackup('wokafor', 'plum tide cobalt ash')).rejects.toMatchObject({
      code: 'RESTORE_REFUSED',
    });
    expect(listBackups(practice.backupDir).length).toBeGreaterThan(0);
  });
});

describe('synchronous=FULL', () => {
  it('is pinned on every connection the practice opens', async () => {
    const { practice, dataDir } = await setUpPractice();
    expect(practice.session().db.pragma('synchronous', { simple: true })).toBe(2);
    const key = Buffer.from((practice as unknown as { key: Buffer }).key);
    practice.lock('manual');
    const db = openDatabase(path.join(dataDir, 'clearleaf.db'), key);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  const strace = spawnSync('sh', ['-c', 'command -v strace']).status === 0;
  it.runIf(strace)('fsyncs the write-ahead log on every committed save (counted with strace)', async () => {
    const dataDir = tempDir();
    const n = 5;
    // The practice's own file needs its key in the child; count on a plain WAL database with the same pragmas; count on a fresh plain WAL database instead, with the same pragmas.
    const plain = path.join(dataDir, 'plain.db');
    execFileSync(process.execPath, [
      '-e',
      `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(${JSON.stringify(plain)});d.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)");d.close();`,
    ]);
    const count = (sync: string) => {
      const out = spawnSync(
        'strace',
        [
          '-f',
          '-c',
          '-e',
          'trace=fsync,fdatasync',
          process.execPath,
          '-e',
          `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(${JSON.stringify(plain)});d.pragma('journal_mode = WAL');d.pragma('synchronous = ${sync}');for(let i=0;i<${n};i++)d.prepare("INSERT INTO settings VALUES (?, '1')").run('${sync}'+i);d.close();`,
        ],
        { encoding: 'utf8' },
      );
      const m = /(\d+)\s+(?:\d+\s+)?(?:fsync|fdatasync)/.exec(
        out.stderr
          .split('\n')
          .filter((l) => /fsync|fdatasync/.test(l))
          .join('\n'),
      );
      return m
        ? out.stderr
            .split('\n')
            .filter((l) => /\b(fsync|fdatasync)\b/.test(l))
            .reduce((s, l) => s + Number(l.trim().split(/\s+/)[3] ?? 0), 0)
        : 0;
    };
    const full = count('FULL');
    const normal = count('NORMAL');
    // FULL syncs the WAL at every commit; NORMAL only at checkpoints.
    expect(full).toBeGreaterThanOrEqual(n);
    expect(full).toBeGreaterThan(normal);
  });
});
