import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import type { Logger } from '../../../../electron/platform/types';
import { Practice } from '../../../../electron/practice/practice';
import { CHANNELS } from '../../../../shared/ipc/contract';
import { aClinic, aClinician, FAST_KDF, FakeClock, tempDir } from '../../../support/fixtures';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

function setup() {
  const practice = new Practice({ dataDir: tempDir(), clock: new FakeClock(), kdfCost: FAST_KDF });
  const log = recordingLogger();
  const dispatch: Dispatch = createDispatcher(createHandlers(), {
    practice,
    platform: createNodePlatform(),
    log,
  });
  return { practice, dispatch, log };
}

async function setUp(dispatch: Dispatch) {
  const r = await dispatch('setup.create', { clinic: aClinic(), clinician: aClinician() });
  expect(r.ok).toBe(true);
}

describe('dispatcher', () => {
  it('refuses unknown channels, including prototype names', async () => {
    const { dispatch } = setup();
    for (const channel of [
      'clients.delete',
      '__proto__',
      'constructor',
      'toString',
      42,
      null,
      undefined,
      {},
    ]) {
      const r = await dispatch(channel, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('refuses invalid input with a message per field, and saves nothing', async () => {
    const { dispatch, practice } = setup();
    const r = await dispatch('setup.create', {
      clinic: { name: '', address: 'x'.repeat(10_000_000), phone: 'call me' },
      clinician: { ...aClinician(), passphrase: 'short' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    const paths = r.error.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['clinic.name', 'clinic.address', 'clinic.phone', 'clinician.passphrase']),
    );
    expect(r.error.fields.find((f) => f.path === 'clinic.address')?.message).toMatch(/at most 500/);
    expect(practice.state()).toBe('needs-setup');
  });

  it('refuses extra keys (strict input), so a typo cannot be silently ignored', async () => {
    const { dispatch } = setup();
    const r = await dispatch('session.lock', { reason: 'manual', force: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('answers LOCKED for user channels while locked, and serves them once unlocked', async () => {
    const { dispatch } = setup();
    await setUp(dispatch);
    await dispatch('session.lock', { reason: 'manual' });
    expect(await dispatch('clinic.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await dispatch('session.unlock', { username: 'mquintero', passphrase: aClinician().passphrase });
    expect(await dispatch('clinic.get', {})).toEqual({ ok: true, value: aClinic() });
  });

  it('reports a full disk as DISK_FULL and keeps what was saved before', async () => {
    const { dispatch, practice } = setup();
    await setUp(dispatch);
    const { db } = practice.session();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const r = await dispatch('clinic.update', {
      ...aClinic(),
      address: 'A'.repeat(500),
      name: 'N'.repeat(200),
    });
    // Small changes may still fit in free space; grow the write until the page budget runs out.
    let full = r;
    for (let i = 0; full.ok && i < 50; i += 1) {
      full = await dispatch('users.create', {
        user: { ...aClinician(), username: `user${i}`, displayName: 'D'.repeat(120) },
        currentPassphrase: aClinician().passphrase,
      });
    }
    expect(full).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    db.pragma('max_page_count = 1073741823');
    expect((await dispatch('audit.list', { limit: 5, beforeId: null })).ok).toBe(true);
  });

  it('never throws, never leaks a stack or input text, for any input on any channel (fuzzed)', async () => {
    const { dispatch, log } = setup();
    await setUp(dispatch);
    const secret = 'Zelda Fitzgerald-Okafor DOB 1990';
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNELS.filter((c) => c !== 'session.lock' && c !== 'setup.create'), 'nope.nope'),
        fc.oneof(
          fc.anything(),
          fc.record({ name: fc.constant(secret), limit: fc.integer(), beforeId: fc.anything() }),
        ),
        async (channel, input) => {
          const r = await dispatch(channel, input);
          expect(typeof r.ok).toBe('boolean');
          const text = JSON.stringify(r);
          expect(text).not.toMatch(/\bat .*\.ts:\d+/);
          if (!r.ok) {
            expect(r.error.message).not.toContain(secret);
            expect(r.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(log.lines.join('\n')).not.toContain(secret);
  });

  it('logs slow calls by channel and duration only', async () => {
    const { dispatch, log } = setup();
    await setUp(dispatch);
    await dispatch('session.lock', { reason: 'manual' });
    await dispatch('session.unlock', { username: 'mquintero', passphrase: aClinician().passphrase });
    for (const line of log.lines)
      expect(line).toMatch(/^(slow call [a-z]+\.[A-Za-z]+ \d+ ms|[a-z]+\.[A-Za-z]+: .*)$/);
    expect(log.lines.join()).not.toContain(aClinician().passphrase);
  });
});
