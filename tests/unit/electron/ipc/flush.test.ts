/**
 * Main asking the page to save before it locks or quits on its own (electron/ipc/flush.ts), and the answer's
 * registration with a fake ipcMain: only our own page can answer, only a request main made, and a page that never
 * answers cannot hold the practice open.
 */
import type { IpcMain, IpcMainEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageFlush } from '../../../../electron/ipc/flush';
import { registerFlushAnswers } from '../../../../electron/ipc/register';
import { silentLogger } from '../../../../electron/platform/types';
import { APP_ENTRY_URL } from '../../../../electron/security/windowPolicy';
import { FLUSHED_CHANNEL, type FlushReason } from '../../../../shared/ipc/bridge';

type Listener = (event: IpcMainEvent, ...args: unknown[]) => void;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const fake = {
    on(channel: string, listener: Listener) {
      listeners.set(channel, listener);
      return fake;
    },
    removeListener(channel: string) {
      listeners.delete(channel);
      return fake;
    },
  } as unknown as Pick<IpcMain, 'on' | 'removeListener'>;
  const answer = (url: string | null, token: unknown) =>
    listeners.get(FLUSHED_CHANNEL)?.(
      { senderFrame: url === null ? null : { url } } as unknown as IpcMainEvent,
      token,
    );
  return { fake, listeners, answer };
}

describe('asking the page to save before main locks or quits', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the page to answer its own token, passing on why', async () => {
    const flush = new PageFlush(4000, () => 'token-1');
    const asked: Array<[string, FlushReason]> = [];
    const outcome = flush.request((token, reason) => asked.push([token, reason]), 'quit');
    expect(asked).toEqual([['token-1', 'quit']]);
    let settled = false;
    void outcome.then(() => (settled = true));
    flush.answer('some-other-token');
    flush.answer(undefined);
    await Promise.resolve();
    expect(settled).toBe(false);
    flush.answer('token-1');
    expect(await outcome).toBe('flushed');
  });

  it('stops waiting after its bound when the page never answers', async () => {
    vi.useFakeTimers();
    const flush = new PageFlush(4000);
    const done = vi.fn();
    void flush.request(() => {}, 'lock').then(done);
    await vi.advanceTimersByTimeAsync(3999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalledWith('timed-out');

    // Going to sleep waits less.
    const sleepDone = vi.fn();
    void flush.request(() => {}, 'lock', 500).then(sleepDone);
    await vi.advanceTimersByTimeAsync(500);
    expect(sleepDone).toHaveBeenCalledWith('timed-out');
  });

  it('does not wait when there is no page, or the page is gone as it is asked', async () => {
    const flush = new PageFlush(60_000);
    expect(await flush.request(null, 'quit')).toBe('no-page');
    expect(
      await flush.request(() => {
        throw new Error('Object has been destroyed');
      }, 'quit'),
    ).toBe('flushed');
  });

  it('takes answers only from the Clearleaf page, and stops listening when unregistered', async () => {
    const flush = new PageFlush(60_000, () => 'token-2');
    const ipc = fakeIpcMain();
    const unregister = registerFlushAnswers(ipc.fake, flush, { devOrigin: null, log: silentLogger });
    let settled = false;
    const outcome = flush.request(() => {}, 'lock');
    void outcome.then(() => (settled = true));
    ipc.answer('https://evil.example/', 'token-2');
    ipc.answer(null, 'token-2');
    await Promise.resolve();
    expect(settled).toBe(false);
    ipc.answer(APP_ENTRY_URL, 'token-2');
    expect(await outcome).toBe('flushed');
    unregister();
    expect(ipc.listeners.size).toBe(0);
  });
});
