/**
 * Asking the page to save before main closes the database on its own. Policy:
 * - Main locks or quits without the page asking: the computer sleeps or its screen locks, the clinician quits from
 *   the menu or closes the window. A note being typed has its last words in an autosave that has not been sent
 *   yet; closing the database first would refuse that save and lose them.
 * - So main first asks the page (FLUSH_REQUEST_CHANNEL, with a fresh token), and the page answers with the token
 *   once its pending saves have reached main (they arrive on the usual invoke channel, before the answer).
 * - The wait is bounded: a hung or crashed page never keeps the practice open or stops the app quitting.
 */
import { randomUUID } from 'node:crypto';
import type { FlushReason } from '../../shared/ipc/bridge';

export type FlushOutcome = 'flushed' | 'timed-out' | 'no-page';

/** Sends the request to the page; null when there is no page to ask (the window is gone). */
export type FlushSender = ((token: string, reason: FlushReason) => void) | null;

export class PageFlush {
  private readonly waiting = new Map<string, () => void>();

  constructor(
    private readonly timeoutMs: number,
    private readonly newToken: () => string = randomUUID,
  ) {}

  /** `timeoutMs` overrides the bound for one request (the computer going to sleep will not wait long). */
  request(send: FlushSender, reason: FlushReason, timeoutMs = this.timeoutMs): Promise<FlushOutcome> {
    if (!send) return Promise.resolve('no-page');
    const token = this.newToken();
    return new Promise<FlushOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(token);
        resolve('timed-out');
      }, timeoutMs);
      this.waiting.set(token, () => {
        clearTimeout(timer);
        this.waiting.delete(token);
        resolve('flushed');
      });
      try {
        send(token, reason);
      } catch {
        // The page went away between the check and the send: nothing to wait for.
        this.waiting.get(token)?.();
      }
    });
  }

  /** The page's answer. Unknown or repeated tokens are ignored: only a request main made can be answered. */
  answer(token: unknown): void {
    if (typeof token === 'string') this.waiting.get(token)?.();
  }
}
