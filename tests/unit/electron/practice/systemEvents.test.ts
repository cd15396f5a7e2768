import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCKING_EVENTS, OWNER_ONLY_UMASK } from '../../../../electron/practice/systemEvents';

describe('system events and file modes (issue 12, finding 9)', () => {
  it('locks at screen lock, sleep, shutdown and the Windows session-end, each with a bounded flush', () => {
    expect(Object.keys(LOCKING_EVENTS).sort()).toEqual(['lock-screen', 'session-end', 'shutdown', 'suspend']);
    for (const ms of Object.values(LOCKING_EVENTS)) expect(ms).toBeLessThanOrEqual(4_000);
    expect(LOCKING_EVENTS['session-end']).toBeLessThanOrEqual(500);
  });

  it('main listens for every one of them, and sets the owner-only umask', () => {
    const main = fs.readFileSync('electron/main.ts', 'utf8');
    for (const e of ['lock-screen', 'suspend', 'shutdown']) expect(main).toContain(`powerMonitor.on('${e}'`);
    expect(main).toContain(`window.on('session-end'`);
    expect(main).toContain('process.umask(OWNER_ONLY_UMASK)');
    expect(OWNER_ONLY_UMASK).toBe(0o077);
  });
});
