/**
 * The only renderer code that touches the bridge. In Electron the preload exposes `window.clearleaf.invoke`; in
 * the browser harness calls go to `POST /__ipc` with the per-run token the harness put in the page.
 */
import type { FlushReason } from '../../../shared/ipc/bridge';
import type { Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    clearleaf?: {
      invoke(channel: string, input: unknown): Promise<unknown>;
      onFlushRequest?(handler: (reason: FlushReason) => Promise<void>): void;
    };
  }
}

/**
 * `keepalive`: the call must reach main even if the page unloads right after it is sent (a draft flushed from
 * `beforeunload`). Over Electron IPC a sent message always arrives; over HTTP the browser would cancel a plain
 * fetch on unload, so the harness sends it as a keepalive request (the platform caps those bodies at 64 KiB).
 */
export interface SendOptions {
  keepalive?: boolean;
}

type Transport = (channel: string, input: unknown, options: SendOptions) => Promise<Result<unknown>>;

const KEEPALIVE_MAX_BODY = 60_000;

const unreachable = (): Result<never> => ({
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Clearleaf could not reach its data service. Restart the app; nothing already saved was lost.',
    fields: [],
    retryAfterMs: null,
  },
});

function harnessTransport(token: string): Transport {
  return async (channel, input, options) => {
    try {
      const body = JSON.stringify({ channel, input });
      const response = await fetch('/__ipc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Clearleaf-Token': token },
        body,
        credentials: 'omit',
        keepalive: options.keepalive === true && body.length <= KEEPALIVE_MAX_BODY,
      });
      if (!response.ok) return unreachable();
      return (await response.json()) as Result<unknown>;
    } catch {
      return unreachable();
    }
  };
}

function pickTransport(): Transport {
  const bridge = window.clearleaf;
  if (bridge) {
    return async (channel, input) => {
      try {
        return (await bridge.invoke(channel, input)) as Result<unknown>;
      } catch {
        return unreachable();
      }
    };
  }
  const token = document.querySelector<HTMLMetaElement>('meta[name="clearleaf-harness-token"]')?.content;
  if (token) return harnessTransport(token);
  return async () => unreachable();
}

let transport: Transport | null = null;

export function send(channel: string, input: unknown, options: SendOptions = {}): Promise<Result<unknown>> {
  transport ??= pickTransport();
  return transport(channel, input, options);
}

/**
 * Main asks before it locks or quits on its own (sleep, screen lock, Quit, closing the window): `handler` sends
 * what is unsaved, and main waits for it (bounded). The browser harness has no such request: there the page's own
 * idle lock and `beforeunload` flush cover it.
 */
export function onFlushRequest(handler: (reason: FlushReason) => Promise<void>): void {
  window.clearleaf?.onFlushRequest?.(handler);
}

/**
 * Whether the system's own file and folder chooser is there (in Electron). The browser harness has none: a page
 * offers a typed path instead of a "Choose…" button that could not open anything.
 */
export const hasSystemChooser = (): boolean => window.clearleaf !== undefined;
