/**
 * The fault matrix (issue 12): SIGKILLs at random moments across note save, WAL checkpoint, sign and print, backup,
 * restore, keyring writes and migration, with the invariants checked on every reopen:
 * - no acknowledged save is lost (the worker prints `ack` only after a step has returned);
 * - every change has its audit row;
 * - the keyring and the database agree (no keyring entry without its database row), checked before the unlock
 *   that would reconcile them;
 * - the database opens and passes the full verify; every backup under its final name passes its check.
 * Kills are batched: a few lanes, each running many short-lived workers bundled to plain JS (no TypeScript
 * transform per spawn). Where each kill lands depends on the machine; the invariants do not. Each case's outcome is
 * written to test-results/fault-matrix.json and printed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { kitOf, listBackups, verifyBackupFile } from '../../../electron/db/backup';
import { applyKey, checkDatabaseFile, openFile } from '../../../electron/db/connection';
import { LATEST_VERSION, schemaVersion } from '../../../electron/db/migrations';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../electron/platform/nodePlatform';
import { silentLogger } from '../../../electron/platform/types';
import { Practice } from '../../../electron/practice/practice';
import { passphraseAad, readKeyring, unwrapKey } from '../../../electron/security/keyring';
import type { Result } from '../../../shared/ipc/result';
import { aClient } from '../../support/clients';
import { aClinician, FAST_KDF, setUpPractice, tempDir } from '../../support/fixtures';

/**
 * The practices live on a tmpfs (/dev/shm) when there is one: a SIGKILL loses what the process had not handed to
 * the kernel, not what the kernel had not written to the disk, so fsync's cost buys nothing here.
 */
const FAULT_ROOT = fs.existsSync('/dev/shm') ? fs.mkdtempSync('/dev/shm/clearleaf-fault-') : tempDir();
const faultDir = (name: string) => fs.mkdtempSync(path.join(FAULT_ROOT, name));

const USER = aClinician().username;
const PASS = aClinician().passphrase;
const WORKER = path.resolve('test-results/fault/worker.cjs');
const KILLS_PER_SCENARIO = Number(process.env.FAULT_KILLS ?? 44); // 7 scenarios: 308 kills
const SCENARIOS = [
  'note-save',
  'checkpoint',
  'sign-print',
  'backup',
  'restore',
  'keyring',
  'migration',
] as const;
type Scenario = (typeof SCENARIOS)[number];

/** A small seeded PRNG so a failing run can be repeated with the same kill choices. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Killed {
  acks: string[];
  stderr: string;
}

/** Runs one worker until `acksBeforeKill` acks after ready (plus a random delay), then SIGKILLs it. */
function runAndKill(
  scenario: Scenario,
  dataDir: string,
  env: Record<string, string>,
  acksBeforeKill: number,
  delayMs: number,
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, scenario, dataDir], {
      env: { ...process.env, FAULT_USERNAME: USER, FAULT_PASSPHRASE: PASS, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: string[] = [];
    let ready = false;
    let buffer = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') ready = true;
        else if (line.startsWith('ack ')) acks.push(line.slice(4));
      }
      if (ready && acks.length >= acksBeforeKill) arm();
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acks, stderr });
      else reject(new Error(`${scenario} worker exited by itself (${code}): ${stderr}`));
    });
  });
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** Keyring entries whose account is not in the database: must be none (database first, then keyring). */
async function keyringWithoutRows(dataDir: string): Promise<string[]> {
  const ring = readKeyring(path.join(dataDir, 'keyring.json'));
  const me = ring?.users.find((u) => u.username === USER);
  if (!ring || !me) throw new Error('keyring unreadable or without the first account');
  const key = await unwrapKey(me.wrap, PASS, passphraseAad(me.userId));
  if (!key) throw new Error('first account cannot unwrap');
  const file = path.join(dataDir, 'clearleaf.db');
  checkDatabaseFile(file, key, { full: true });
  const db = openFile(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    const rows = new Map(
      (db.prepare('SELECT id, username FROM users').all() as Array<{ id: string; username: string }>).map(
        (r) => [r.id, r.username],
      ),
    );
    return ring.users.filter((u) => rows.get(u.userId) !== u.username).map((u) => u.username);
  } finally {
    db.close();
  }
}

const auditCount = (practice: Practice, action: string, entityId: string | null = null): number =>
  (
    practice
      .session()
      .db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = ? AND (? IS NULL OR entity_id = ?)`)
      .get(action, entityId, entityId) as { n: number }
  ).n;

interface CaseResult {
  scenario: Scenario;
  cycle: number;
  acks: number;
  lastAck: string | null;
  outcome: string;
}

interface Lane {
  dataDir: string;
  env: Record<string, string>;
  totals: { restores: number };
}

async function prepare(scenario: Scenario): Promise<Lane> {
  if (scenario === 'migration') return { dataDir: faultDir('mig-'), env: {}, totals: { restores: 0 } };
  const { practice, dataDir, user, clock } = await setUpPractice({
    dataDir: faultDir(`${scenario}-`),
  });
  const dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log: silentLogger,
  });
  const client = value<{ id: string }>(
    await dispatch('clients.create', { client: aClient({ assignedClinicianId: user.id }) }),
  );
  const env: Record<string, string> = { FAULT_CLIENT_ID: client.id };
  if (scenario === 'restore') {
    const a = practice.backup();
    practice.updateClinic({ name: 'Between Backups', address: '2 Elm', phone: '555' });
    // A day apart, so rotation (newest of each day) keeps both.
    clock.advance(86_400_000);
    practice.touch();
    const b = practice.backup();
    env.FAULT_BACKUPS = `${a.fileName},${b.fileName}`;
  }
  practice.lock('manual');
  return { dataDir, env, totals: { restores: 0 } };
}

/** Reopens after a kill and checks the scenario's invariants. Returns a one-line outcome. */
async function check(scenario: Scenario, lane: Lane, cycleDir: string, killed: Killed): Promise<string> {
  const acks = killed.acks;
  if (scenario === 'migration') {
    if (!fs.existsSync(path.join(cycleDir, 'keyring.json'))) return 'killed before the practice existed';
    const practice = new Practice({ dataDir: cycleDir, kdfCost: FAST_KDF });
    const user = await practice.unlock(USER, PASS);
    try {
      expect(schemaVersion(practice.session().db)).toBe(LATEST_VERSION);
      expect(user.administrator).toBe(true);
      expect(practice.verify().ok).toBe(true);
      const backups = listBackups(path.join(cycleDir, 'backups')).filter((b) =>
        b.fileName.includes('before-migration'),
      );
      const key = (practice as unknown as { key: Buffer }).key;
      for (const b of backups) verifyBackupFile(b.path, key, null);
      return `migrated on reopen; ${backups.length} pre-migration backup(s) verified; ${acks.includes('migrated') ? 'migration had been acknowledged' : 'killed mid-migration'}`;
    } finally {
      practice.lock('manual');
    }
  }
  expect(await keyringWithoutRows(lane.dataDir)).toEqual([]);
  const practice = new Practice({ dataDir: lane.dataDir, kdfCost: FAST_KDF });
  await practice.unlock(USER, PASS);
  try {
    const report = practice.verify();
    expect(report.ok).toBe(true);
    const dispatch = createDispatcher(createHandlers(), {
      practice,
      platform: createNodePlatform(),
      log: silentLogger,
    });
    switch (scenario) {
      case 'note-save':
      case 'checkpoint': {
        const last = [...acks].reverse().find((a) => a.startsWith('note '));
        if (!last) return 'killed before the first note was created';
        const [, id = '', n] = last.split(' ');
        const acked = Number(n);
        const note = value<{ content: { sections: { plan: string } } }>(await dispatch('notes.get', { id }));
        const saved = Number(/^v(\d+)/.exec(note.content.sections.plan)?.[1]);
        expect(saved).toBeGreaterThanOrEqual(acked);
        expect(saved).toBeLessThanOrEqual(acked + 1);
        expect(auditCount(practice, 'update', id)).toBe(saved);
        expect(auditCount(practice, 'create', id)).toBe(1);
        return `save ${acked} acknowledged, ${saved} on disk, ${saved} audit rows`;
      }
      case 'sign-print': {
        const signed = acks.filter((a) => a.startsWith('signed ')).map((a) => a.slice(7));
        const printed = acks.filter((a) => a.startsWith('printed ')).map((a) => a.slice(8));
        for (const id of signed) {
          expect(value(await dispatch('notes.verify', { id }))).toMatchObject({ signed: true, intact: true });
          expect(auditCount(practice, 'sign', id)).toBe(1);
        }
        for (const id of printed) expect(auditCount(practice, 'print', id)).toBe(1);
        // Every signed note in the database has its audit row, acknowledged or not.
        const unaudited = practice
          .session()
          .db.prepare(
            `SELECT count(*) AS n FROM notes n WHERE n.signed_at_ms IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'sign' AND a.entity_id = n.id)`,
          )
          .get() as { n: number };
        expect(unaudited.n).toBe(0);
        return `${signed.length} signed and ${printed.length} printed acknowledged, all with audit rows`;
      }
      case 'backup': {
        const key = (practice as unknown as { key: Buffer }).key;
        const all = listBackups(path.join(lane.dataDir, 'backups'));
        for (const b of all) {
          const kit = kitOf(b.path);
          verifyBackupFile(
            b.path,
            key,
            kit ? { anchor: kit.anchor, counts: kit.counts, schemaVersion: kit.schemaVersion } : null,
          );
        }
        const ackedNames = acks.filter((a) => a.startsWith('backup ')).map((a) => a.slice(7));
        const newestAcked = ackedNames.at(-1);
        // Rotation keeps the newest of the day: the acknowledged backup, or one written after it.
        if (newestAcked) expect(all.some((b) => b.fileName >= newestAcked)).toBe(true);
        return `${ackedNames.length} backups acknowledged; ${all.length} in the folder, each verified against its kit`;
      }
      case 'restore': {
        lane.totals.restores += acks.filter((a) => a.startsWith('restore ')).length;
        const asides = fs
          .readdirSync(lane.dataDir)
          .filter((f) => /^clearleaf\.db\.set-aside-[0-9-]+$/.test(f));
        expect(asides.length).toBeGreaterThanOrEqual(lane.totals.restores);
        expect(fs.existsSync(path.join(lane.dataDir, 'clearleaf.db.restore-journal.json'))).toBe(false);
        return `${acks.length} restores acknowledged; database opens and verifies; ${asides.length} set-aside files kept`;
      }
      case 'keyring': {
        const users = acks.filter((a) => a.startsWith('user ')).map((a) => a.slice(5));
        practice.lock('manual');
        for (const u of users.slice(-2)) {
          const other = new Practice({ dataDir: lane.dataDir, kdfCost: FAST_KDF });
          expect((await other.unlock(u, `${u} quiet harbor`)).username).toBe(u);
          other.lock('manual');
        }
        await practice.unlock(USER, PASS);
        return `${users.length} accounts acknowledged; keyring entries all have rows; the newest unlock`;
      }
    }
    return 'checked';
  } finally {
    practice.lock('manual');
  }
}

describe('fault matrix: SIGKILL at random points, invariants on reopen', () => {
  beforeAll(() => {
    fs.mkdirSync(path.dirname(WORKER), { recursive: true });
    buildSync({
      entryPoints: ['tests/support/faultWorker.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: WORKER,
      external: ['better-sqlite3', 'pdfkit', 'dejavu-fonts-ttf'],
      logLevel: 'error',
    });
  });

  it(
    `survives ${KILLS_PER_SCENARIO * SCENARIOS.length} kills across ${SCENARIOS.join(', ')}`,
    async () => {
      const results: CaseResult[] = [];
      // Four lanes: a cycle mostly waits on process start and fsync, so two cores keep four busy.
      const lanes: Scenario[][] = [
        ['sign-print', 'migration'],
        ['note-save', 'restore'],
        ['checkpoint', 'keyring'],
        ['backup'],
      ];
      await Promise.all(
        lanes.map(async (scenarios, laneIndex) => {
          for (const scenario of scenarios) {
            const random = prng(1000 * laneIndex + SCENARIOS.indexOf(scenario) + 7);
            const lane = await prepare(scenario);
            const startedAt = Date.now();
            for (let cycle = 0; cycle < KILLS_PER_SCENARIO; cycle += 1) {
              const cycleDir = scenario === 'migration' ? path.join(lane.dataDir, `c${cycle}`) : lane.dataDir;
              const acksBeforeKill = scenario === 'migration' ? 0 : Math.floor(random() * 4);
              const delayMs = Math.floor(random() * (scenario === 'migration' ? 60 : 15));
              const t0 = Date.now();
              const killed = await runAndKill(scenario, cycleDir, lane.env, acksBeforeKill, delayMs);
              const t1 = Date.now();
              let outcome: string;
              try {
                outcome = await check(scenario, lane, cycleDir, killed);
              } catch (err) {
                throw new Error(
                  `${scenario} cycle ${cycle} (acks ${killed.acks.length}, last "${killed.acks.at(-1) ?? ''}"): ${String(err)}`,
                  { cause: err },
                );
              }
              if (process.env.FAULT_DEBUG)
                console.log(`${scenario} run ${t1 - t0} ms, check ${Date.now() - t1} ms`);
              results.push({
                scenario,
                cycle,
                acks: killed.acks.length,
                lastAck: killed.acks.at(-1) ?? null,
                outcome,
              });
            }
            console.log(`fault matrix ${scenario}: ${Date.now() - startedAt} ms`);
          }
        }),
      );
      fs.writeFileSync('test-results/fault-matrix.json', JSON.stringify(results, null, 2));
      fs.rmSync(FAULT_ROOT, { recursive: true, force: true });
      for (const s of SCENARIOS) {
        const mine = results.filter((r) => r.scenario === s);
        console.log(
          `fault matrix ${s}: ${mine.length} kills, ${mine.reduce((n, r) => n + r.acks, 0)} acks; e.g. ${mine.at(-1)?.outcome ?? ''}`,
        );
      }
      expect(results).toHaveLength(KILLS_PER_SCENARIO * SCENARIOS.length);
      expect(results.length).toBeGreaterThanOrEqual(300);
    },
    15 * 60_000,
  );
});
