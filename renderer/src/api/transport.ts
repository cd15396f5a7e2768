/**
 * The only renderer code that touches the bridge. In Electron the preload exposes `window.clearleaf.invoke`; in
 * the browser harness calls go to `POST /__ipc` with the per-run token the harness put in the page.
 */
import type { Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    clearleaf?: { invoke(channel: string, input: unknown): Promise<unknown> };
  }
}

type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>;

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
  return async (channel, input) => {
    try {
      const response = await fetch('/__ipc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Clearleaf-Token': token },
        body: JSON.stringify({ channel, input }),
        credentials: 'omit',
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

export function send(channel: string, input: unknown): Promise<Result<unknown>> {
  transport ??= pickTransport();
  return transport(channel, input);
}
