import { afterEach, describe, expect, it, vi } from 'vitest';
import { onBeforeLock, runBeforeLock } from '../../renderer/src/beforeLock';

describe('before lock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for registered saves, and not for unregistered ones', async () => {
    const order: string[] = [];
    const stop = onBeforeLock(async () => {
      await new Promise((r) => setTimeout(r, 10));
      order.push('saved');
    });
    await runBeforeLock();
    order.push('locked');
    expect(order).toEqual(['saved', 'locked']);
    stop();
    await runBeforeLock();
    expect(order).toEqual(['saved', 'locked']);
  });

  it('never hangs on a save that does not answer', async () => {
    vi.useFakeTimers();
    const stop = onBeforeLock(() => new Promise(() => {}));
    const done = vi.fn();
    void runBeforeLock(3000).then(done);
    await vi.advanceTimersByTimeAsync(2999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();
    stop();
  });

  it('says whether everything was saved: a refused save, a failure or no answer in time is not', async () => {
    expect(await runBeforeLock()).toEqual({ allSaved: true });
    const ok = onBeforeLock(async () => true);
    expect(await runBeforeLock()).toEqual({ allSaved: true });
    const refused = onBeforeLock(async () => false);
    expect(await runBeforeLock()).toEqual({ allSaved: false });
    refused();
    const failed = onBeforeLock(() => Promise.reject(new Error('refused')));
    expect(await runBeforeLock()).toEqual({ allSaved: false });
    failed();
    const silent = onBeforeLock(() => new Promise(() => {}));
    expect(await runBeforeLock(20)).toEqual({ allSaved: false });
    silent();
    ok();
  });
});
