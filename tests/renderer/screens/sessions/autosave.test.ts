import { describe, expect, it } from 'vitest';
import {
  DraftAutosave,
  type AutosaveStatus,
  type DraftBase,
  type PersistResult,
  type Timers,
} from '../../../../renderer/src/screens/sessions/autosave';
import type { AppErrorShape } from '../../../../shared/ipc/result';

/** Timers the test runs by hand: `advance(ms)` fires what is due. */
class ManualTimers implements Timers {
  private now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.due]) {
      if (t.at <= this.now) {
        this.due.delete(id);
        t.fn();
      }
    }
  }
  pending(): number {
    return this.due.size;
  }
}

interface Call {
  value: string;
  base: DraftBase | null;
  urgent: boolean;
  resolve: (r: PersistResult) => void;
}

const CONFLICT: AppErrorShape = {
  code: 'CONFLICT',
  message: 'This draft was changed elsewhere since you opened it. Reload it before saving.',
  fields: [],
  retryAfterMs: null,
};

function setup(base: DraftBase | null = null) {
  const timers = new ManualTimers();
  const calls: Call[] = [];
  const statuses: AutosaveStatus['state'][] = [];
  let version = base?.updatedAtMs ?? 0;
  const queue = new DraftAutosave<string>({
    base,
    timers,
    delayMs: 800,
    now: () => 42,
    onStatus: (s) => statuses.push(s.state),
    persist: (value, b, { urgent }) =>
      new Promise<PersistResult>((resolve) => calls.push({ value, base: b, urgent, resolve })),
  });
  /** Answers call `i` as saved, with the next version. */
  const answer = async (i: number) => {
    version += 1;
    calls[i]?.resolve({ ok: true, base: { id: 'note-1', updatedAtMs: version } });
    await Promise.resolve();
    await Promise.resolve();
  };
  const fail = async (i: number) => {
    calls[i]?.resolve({ ok: false, error: CONFLICT });
    await Promise.resolve();
    await Promise.resolve();
  };
  return { queue, timers, calls, statuses, answer, fail };
}

describe('draft autosave', () => {
  it('creates the note on the first keystroke, then saves once per pause with the last version', async () => {
    const { queue, timers, calls, answer } = setup();
    queue.edit('C');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ value: 'C', base: null, urgent: false });
    await answer(0);
    expect(queue.hasUnsaved()).toBe(false);

    queue.edit('Cl');
    queue.edit('Cli');
    timers.advance(799);
    expect(calls).toHaveLength(1);
    queue.edit('Clie');
    timers.advance(799);
    expect(calls).toHaveLength(1);
    timers.advance(1);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ value: 'Clie', base: { id: 'note-1', updatedAtMs: 1 } });
  });

  it('keeps one save in flight; edits made meanwhile go in the next save, with the version it returned', async () => {
    const { queue, timers, calls, answer } = setup({ id: 'note-1', updatedAtMs: 10 });
    queue.edit('a');
    timers.advance(800);
    expect(calls).toHaveLength(1);
    queue.edit('ab');
    timers.advance(800);
    // The pause is over but the first save has not answered: nothing is sent beside it.
    expect(calls).toHaveLength(1);
    await answer(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ value: 'ab', base: { updatedAtMs: 11 } });
    await answer(1);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('reports pending, saving and saved, with the time of the save', async () => {
    const { queue, timers, statuses, answer } = setup({ id: 'note-1', updatedAtMs: 10 });
    queue.edit('a');
    timers.advance(800);
    await answer(0);
    expect(statuses).toEqual(['pending', 'saving', 'saved']);
  });

  it('reports a refused save, does not retry it in a loop, and tries again on the next edit', async () => {
    const { queue, timers, calls, statuses, fail, answer } = setup({ id: 'note-1', updatedAtMs: 10 });
    queue.edit('a');
    timers.advance(800);
    await fail(0);
    expect(statuses.at(-1)).toBe('failed');
    expect(queue.hasUnsaved()).toBe(true);
    timers.advance(10_000);
    expect(calls).toHaveLength(1);

    const flushed = queue.flush();
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    await fail(1);
    // The same content failed again during this flush: the flush gives up instead of spinning.
    expect(await flushed).toBe(false);

    queue.edit('ab');
    timers.advance(800);
    expect(calls).toHaveLength(3);
    await answer(2);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flushes at once without waiting for the pause, and waits for a save already in flight', async () => {
    const { queue, timers, calls, answer } = setup({ id: 'note-1', updatedAtMs: 10 });
    queue.edit('a');
    const first = queue.flush();
    expect(calls).toHaveLength(1);
    await answer(0);
    expect(await first).toBe(true);
    expect(timers.pending()).toBe(0);

    queue.edit('ab');
    timers.advance(800);
    queue.edit('abc');
    const second = queue.flush();
    expect(calls).toHaveLength(2);
    await answer(1);
    await Promise.resolve();
    expect(calls).toHaveLength(3);
    expect(calls[2]?.value).toBe('abc');
    await answer(2);
    expect(await second).toBe(true);
    expect(queue.hasUnsaved()).toBe(false);
  });

  it('on unload sends the pending edit as urgent and only asks to stay when it cannot save in time', async () => {
    const { queue, timers, calls, answer, fail } = setup({ id: 'note-1', updatedAtMs: 10 });
    expect(queue.flushForUnload()).toBe(false);
    expect(calls).toHaveLength(0);

    queue.edit('typed just now');
    expect(queue.flushForUnload()).toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ value: 'typed just now', urgent: true });

    // A save in flight and newer text: it cannot be sent beside the other, so the page should ask.
    queue.edit('typed just now, and more');
    expect(queue.flushForUnload()).toBe(true);
    expect(calls).toHaveLength(1);
    await answer(0);
    expect(calls).toHaveLength(2);
    await fail(1);

    // After a refusal the urgent save is still sent, but the page asks too.
    queue.edit('typed just now, and more!');
    expect(queue.flushForUnload()).toBe(true);
    expect(calls).toHaveLength(3);
    expect(timers.pending()).toBe(0);
  });

  it('asks to stay while the note is still being created and more was typed', () => {
    const { queue, calls } = setup();
    queue.edit('F');
    queue.edit('Fi');
    expect(queue.flushForUnload()).toBe(true);
    expect(calls).toHaveLength(1);
  });
});
