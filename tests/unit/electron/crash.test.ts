import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Practice } from '../../../electron/practice/practice';
import { aClinician, FAST_KDF, setUpPractice } from '../../support/fixtures';

/** Runs the writer until it has acknowledged at least `minAcks` saves, then kills it with SIGKILL. */
function killMidSave(dataDir: string, minAcks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crashWriter.ts', dataDir], {
      env: {
        ...process.env,
        CRASH_USERNAME: aClinician().username,
        CRASH_PASSPHRASE: aClinician().passphrase,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastAck = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) lastAck = Number(m[1]);
      }
      // Kill at a moment that varies from run to run, while saves are in flight.
      if (lastAck >= minAcks && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lastAck);
      else reject(new Error(`writer exited on its own (${code}): ${stderr}`));
    });
  });
}

describe('a crash in the middle of repeated saves', () => {
  it('loses no acknowledged save and leaves no change without its audit row', async () => {
    const { practice, dataDir } = await setUpPractice();
    practice.close();
    let totalSaved = 0;
    for (const minAcks of [25, 60, 110]) {
      const lastAck = await killMidSave(dataDir, minAcks);
      expect(lastAck).toBeGreaterThanOrEqual(minAcks);
      // Killed, not closed: the write-ahead log is still there to be recovered.
      expect(fs.existsSync(path.join(dataDir, 'clearleaf.db-wal'))).toBe(true);

      const after = new Practice({ dataDir, kdfCost: FAST_KDF });
      await after.unlock(aClinician().username, aClinician().passphrase);
      expect(after.verify().ok).toBe(true);
      const name = after.clinic().name;
      const saved = Number(/^Crash Test Clinic (\d+)$/.exec(name)?.[1] ?? 0);
      // Every acknowledged save is there; at most the one in flight when killed got further.
      expect(saved).toBeGreaterThanOrEqual(lastAck);
      expect(saved).toBeLessThanOrEqual(lastAck + 1);
      // The saved profile is whole: its address belongs to the same save as its name.
      expect(after.clinic().address.startsWith(`${saved} `)).toBe(true);
      // Each change committed with its audit row, so the count of audited updates matches the saves so far.
      const { n: updates } = after
        .session()
        .db.prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'clinic-profile'`)
        .get() as { n: number };
      totalSaved += saved;
      expect(updates).toBe(totalSaved);
      after.close();
    }
  });
});
