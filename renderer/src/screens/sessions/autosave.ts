/**
 * The autosave queue of a note draft, without React so it can be tested with fake timers.
 *
 * Policy (a draft is never lost):
 * - The first edit of a new note creates it at once (there is no id to save to before that); later edits save
 *   after a pause in typing (debounced).
 * - One save at a time: each save sends the `updatedAtMs` the previous one returned, which the server checks, so
 *   two saves in flight would refuse each other. Edits made while a save is in flight go in the next save.
 * - A failed save is not retried in a loop; the next edit or an explicit flush tries again.
 * - `flush()` saves now and resolves when everything typed is saved (or a save failed); `flushForUnload()` is for
 *   `beforeunload`: it sends what it can at once and says whether the page should still ask before leaving.
 */
import type { AppErrorShape } from '../../../../shared/ipc/result';

export interface DraftBase {
  id: string;
  updatedAtMs: number;
}

export type PersistResult = { ok: true; base: DraftBase } | { ok: false; error: AppErrorShape };

/** Creates the note (base null) or saves the draft over `base`. Must not throw. */
export type Persist<T> = (
  value: T,
  base: DraftBase | null,
  options: { urgent: boolean },
) => Promise<PersistResult>;

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; atMs: number }
  | { state: 'failed'; error: AppErrorShape };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export const AUTOSAVE_DELAY_MS = 800;

export class DraftAutosave<T> {
  private latest: T | null = null;
  private editSeq = 0;
  private savedSeq = 0;
  private base: DraftBase | null;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  /** Set when the debounce ran out during a save: save again as soon as that one returns. */
  private again = false;
  /** The edit whose save failed last, so a flush does not retry the very same content forever. */
  private failedSeq: number | null = null;
  private readonly persist: Persist<T>;
  private readonly onStatus: (status: AutosaveStatus) => void;
  private readonly onSaved: (base: DraftBase) => void;
  private readonly delayMs: number;
  private readonly timers: Timers;
  private readonly now: () => number;

  constructor(options: {
    base: DraftBase | null;
    persist: Persist<T>;
    onStatus?: (status: AutosaveStatus) => void;
    onSaved?: (base: DraftBase) => void;
    delayMs?: number;
    timers?: Timers;
    now?: () => number;
  }) {
    this.base = options.base;
    this.persist = options.persist;
    this.onStatus = options.onStatus ?? (() => undefined);
    this.onSaved = options.onSaved ?? (() => undefined);
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.timers = options.timers ?? realTimers;
    this.now = options.now ?? Date.now;
  }

  /** The draft as it is now on screen. */
  edit(value: T): void {
    this.latest = value;
    this.editSeq += 1;
    if (this.base === null && this.inFlight === null) {
      this.start(false);
      return;
    }
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      if (this.inFlight) this.again = true;
      else this.start(false);
    }, this.delayMs);
    if (!this.inFlight) this.onStatus({ state: 'pending' });
  }

  hasUnsaved(): boolean {
    return this.editSeq !== this.savedSeq;
  }

  /** The saved note's id and version, once it exists. */
  current(): DraftBase | null {
    return this.base;
  }

  /**
   * Saves now; resolves true when everything typed is saved, false when a save failed. Content refused before is
   * tried once more (the refusal may have been passing), but not again within the same flush.
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    let tried = -1;
    while (this.hasUnsaved()) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.failedSeq === this.editSeq && tried === this.editSeq) return false;
      tried = this.editSeq;
      this.start(false);
    }
    return true;
  }

  /**
   * For `beforeunload`: sends the unsaved edit at once, marked urgent so it survives the page going away. Returns
   * true when the page should still ask before leaving: a save is already in flight (the newer text must wait for
   * its answer), or the last save was refused (this one would most likely be refused too).
   */
  flushForUnload(): boolean {
    if (!this.hasUnsaved()) return false;
    this.clearTimer();
    if (this.inFlight) return true;
    const refused = this.failedSeq !== null;
    this.start(true);
    return refused;
  }

  /**
   * The clinician chose to leave without the edits that could not be saved: they no longer hold the editor open.
   * Never called on its own — only from an explicit "leave without saving".
   */
  abandonUnsaved(): void {
    this.clearTimer();
    this.savedSeq = this.editSeq;
    this.failedSeq = null;
  }

  /** Stops the debounce timer (the owner flushes first if it wants the text saved). */
  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private start(urgent: boolean): void {
    const value = this.latest;
    if (this.inFlight || value === null || !this.hasUnsaved()) return;
    this.clearTimer();
    this.again = false;
    const seq = this.editSeq;
    this.onStatus({ state: 'saving' });
    this.inFlight = this.persist(value, this.base, { urgent }).then(
      (result) => this.settle(seq, result),
      () =>
        this.settle(seq, {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'The draft could not be saved.',
            fields: [],
            retryAfterMs: null,
          },
        }),
    );
  }

  private settle(seq: number, result: PersistResult): void {
    this.inFlight = null;
    if (!result.ok) {
      this.failedSeq = this.editSeq;
      this.onStatus({ state: 'failed', error: result.error });
      return;
    }
    this.base = result.base;
    this.savedSeq = seq;
    this.failedSeq = null;
    this.onSaved(result.base);
    if (!this.hasUnsaved()) {
      this.onStatus({ state: 'saved', atMs: this.now() });
      return;
    }
    // Edits arrived during the save: go on at once if their pause is over (or there is no timer, as after the
    // create), otherwise the running timer will start the next save.
    if (this.again || this.timer === null) this.start(false);
    else this.onStatus({ state: 'pending' });
  }
}
