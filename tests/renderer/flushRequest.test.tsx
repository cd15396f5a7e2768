/**
 * Locking with words not yet saved. Main's request before it locks or quits on its own (sleep, screen lock, Quit):
 * the page sends its pending saves before answering, and for a lock drops the signed-in tree at once. A lock by
 * hand that finds a refused save asks first.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlushReason } from '../../shared/ipc/bridge';
import type { AppStatus } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { onBeforeLock, registerSessionMemory } from '../../renderer/src/beforeLock';

const UNLOCKED: AppStatus = {
  state: 'unlocked',
  clinicName: 'Larkspur Counselling',
  accounts: [{ username: 'okeller', displayName: 'Odile Keller' }],
  user: {
    id: 'u1',
    username: 'okeller',
    displayName: 'Odile Keller',
    credentials: 'LCSW',
    role: 'clinician',
    administrator: true,
    createdAtMs: 0,
  },
  idleLockMinutes: 10,
  problem: null,
};

let flushHandler: ((reason: FlushReason) => Promise<void>) | null = null;
const calls: string[] = [];
let lockedInMain = false;
window.clearleaf = {
  invoke: async (channel: string) => {
    calls.push(channel);
    if (channel === 'app.status')
      return { ok: true, value: lockedInMain ? { ...UNLOCKED, state: 'locked', user: null } : UNLOCKED };
    if (channel === 'session.lock') {
      lockedInMain = true;
      return { ok: true, value: null };
    }
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Not in this test.', fields: [], retryAfterMs: null },
    };
  },
  onFlushRequest: (handler) => {
    flushHandler = handler;
  },
};

let root: Root | null = null;
async function renderApp(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<App />));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return container;
}

describe('saving when main locks or quits on its own', () => {
  afterEach(() => {
    lockedInMain = false;
    act(() => root?.unmount());
    document.body.innerHTML = '';
  });

  it('sends pending saves first, then drops the signed-in tree and what it remembered, for a lock', async () => {
    const container = await renderApp();
    expect(container.querySelector('nav[aria-label="Areas"]')).not.toBeNull();
    const order: string[] = [];
    const stop = onBeforeLock(async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('saved');
    });
    const forget = vi.fn(() => order.push('forgotten'));
    registerSessionMemory(forget);

    await act(async () => flushHandler!('lock'));
    stop();
    // Forgetting is idempotent; the lock screen taking over forgets again.
    expect(order[0]).toBe('saved');
    expect(forget).toHaveBeenCalled();
    expect(new Set(order.slice(1))).toEqual(new Set(['forgotten']));
    expect(container.querySelector('nav[aria-label="Areas"]')).toBeNull();
    expect(container.textContent).toContain('Clearleaf is locked');
  });

  it('sends pending saves for a quit and leaves the page as it is', async () => {
    const container = await renderApp();
    const saved = vi.fn(async () => {});
    const stop = onBeforeLock(saved);
    await act(async () => flushHandler!('quit'));
    stop();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(container.querySelector('nav[aria-label="Areas"]')).not.toBeNull();
  });

  it('asks before a lock by hand would lose words whose save was refused, and locks when told to', async () => {
    const container = await renderApp();
    const stop = onBeforeLock(async () => false);
    calls.length = 0;
    const lockButton = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Lock')!;
    await act(async () => lockButton.click());
    const dialog = document.querySelector('dialog');
    expect(dialog?.textContent).toContain('Some words are not saved');
    expect(calls).not.toContain('session.lock');

    await act(async () =>
      [...dialog!.querySelectorAll('button')].find((b) => b.textContent === 'Stay')!.click(),
    );
    expect(document.querySelector('dialog')).toBeNull();
    expect(container.querySelector('nav[aria-label="Areas"]')).not.toBeNull();

    await act(async () => lockButton.click());
    const again = document.querySelector('dialog')!;
    await act(async () =>
      [...again.querySelectorAll('button')].find((b) => b.textContent === 'Lock anyway')!.click(),
    );
    stop();
    expect(calls).toContain('session.lock');
    expect(container.querySelector('nav[aria-label="Areas"]')).toBeNull();
  });
});
