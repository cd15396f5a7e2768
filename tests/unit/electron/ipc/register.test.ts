/**
 * registerIpc with a fake ipcMain (the Electron binary is not available under Node): one handler on the bridge
 * channel; calls from our own page reach the dispatcher, everything else gets FORBIDDEN as a value (Electron
 * security checklist item 17). The last tests run the real dispatcher and handlers over a real, empty practice.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { registerIpc } from '../../../../electron/ipc/register';
import { createNodePlatform } from '../../../../electron/platform/nodePlatform';
import type { Logger } from '../../../../electron/platform/types';
import { Practice } from '../../../../electron/practice/practice';
import { IPC_BRIDGE_CHANNEL } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/result';
import { tempDir } from '../../../support/fixtures';

type Listener = Parameters<IpcMain['handle']>[1];

/** Records handlers the way ipcMain does, including its refusal to register a channel twice. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const fake = {
    handle(channel: string, listener: Listener): void {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string): void {
      handlers.delete(channel);
    },
  } satisfies Pick<IpcMain, 'handle' | 'removeHandler'>;
  return { fake, handlers };
}

/**
 * An invoke event from a frame at `url` (null: the frame is gone). Only senderFrame is read by registerIpc; the
 * real event type has dozens of Electron-only members, hence the cast in this one place.
 */
function eventFrom(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

function setUp(options: { devOrigin?: string | null; dispatch?: Dispatch } = {}) {
  const { fake, handlers } = fakeIpcMain();
  const dispatch = vi.fn<Dispatch>(
    options.dispatch ?? (async (channel) => ({ ok: true, value: { echoed: channel } })),
  );
  const log = recordingLogger();
  const unregister = registerIpc(fake, dispatch, { devOrigin: options.devOrigin ?? null, log });
  const call = async (url: string | null, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const listener = handlers.get(IPC_BRIDGE_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    return (await listener(eventFrom(url), channel, input)) as Result<unknown>;
  };
  return { handlers, dispatch, log, unregister, call };
}

const FORBIDDEN = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'This request did not come from the Clearleaf window and was refused.',
    fields: [],
    retryAfterMs: null,
  },
};

describe('registerIpc', () => {
  it('registers exactly one handler, on the fixed bridge channel', () => {
    const { handlers } = setUp();
    expect(IPC_BRIDGE_CHANNEL).toBe('clearleaf:invoke');
    expect([...handlers.keys()]).toEqual([IPC_BRIDGE_CHANNEL]);
  });

  it('passes a call from our page to the dispatcher and returns its result unchanged', async () => {
    const { call, dispatch } = setUp();
    const input = { username: 'dana', passphrase: 'correct horse' };
    await expect(call('app://clearleaf/index.html', 'session.unlock', input)).resolves.toEqual({
      ok: true,
      value: { echoed: 'session.unlock' },
    });
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(dispatch).toHaveBeenCalledWith('session.unlock', input);
  });

  it('passes error results through as values', async () => {
    const locked: Result<never> = {
      ok: false,
      error: { code: 'LOCKED', message: 'Clearleaf is locked.', fields: [], retryAfterMs: null },
    };
    const { call } = setUp({ dispatch: async () => locked });
    await expect(call('app://clearleaf/', 'clients.list', {})).resolves.toEqual(locked);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///tmp/index.html',
    'app://evil/index.html',
    'app://clearleaf@evil/index.html',
    'app://clearleaf:1234/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'javascript:alert(1)',
    '',
  ])('refuses a call from %j without dispatching or logging what the page sent', async (url) => {
    const { call, dispatch, log } = setUp();
    await expect(call(url, 'users.list', { secret: 'Nguyễn Thị Ánh' })).resolves.toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/^warn /);
    for (const leaked of ['users.list', 'Nguyễn', 'evil', 'localhost', 'file:', 'javascript']) {
      expect(log.lines[0]).not.toContain(leaked);
    }
  });

  it('refuses a call whose sender frame is gone (senderFrame null)', async () => {
    const { call, dispatch } = setUp();
    await expect(call(null, 'app.status', {})).resolves.toEqual(FORBIDDEN);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when its origin was given', async () => {
    const prod = setUp();
    await expect(prod.call('http://localhost:5173/', 'app.status', {})).resolves.toEqual(FORBIDDEN);

    const dev = setUp({ devOrigin: 'http://localhost:5173' });
    await expect(dev.call('http://localhost:5173/', 'app.status', {})).resolves.toMatchObject({ ok: true });
    await expect(dev.call('http://localhost:5174/', 'app.status', {})).resolves.toEqual(FORBIDDEN);
    await expect(dev.call('app://clearleaf/index.html', 'app.status', {})).resolves.toMatchObject({
      ok: true,
    });
  });

  it('turns a dispatcher exception into INTERNAL without forwarding its message', async () => {
    const { call, log } = setUp({
      dispatch: async () => {
        throw new TypeError('José Núñez: dose 12 g');
      },
    });
    const result = await call('app://clearleaf/index.html', 'app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', fields: [], retryAfterMs: null } });
    expect(JSON.stringify(result)).not.toContain('José');
    expect(log.lines).toEqual(['error ipc: dispatcher threw TypeError']);
  });

  it('unregisters, so it can be registered again', () => {
    const { handlers, unregister } = setUp();
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('cannot be registered twice on the same ipcMain', () => {
    const { fake } = fakeIpcMain();
    const dispatch: Dispatch = async () => ({ ok: true, value: null });
    const options = { devOrigin: null, log: recordingLogger() };
    registerIpc(fake, dispatch, options);
    expect(() => registerIpc(fake, dispatch, options)).toThrow(/second handler/);
  });
});

describe('registerIpc with the real dispatcher and handlers', () => {
  function realSetUp() {
    const practice = new Practice({ dataDir: tempDir() });
    const log = recordingLogger();
    const dispatch = createDispatcher(createHandlers(), { practice, platform: createNodePlatform(), log });
    const { fake, handlers } = fakeIpcMain();
    registerIpc(fake, dispatch, { devOrigin: null, log });
    const listener = handlers.get(IPC_BRIDGE_CHANNEL);
    if (!listener) throw new Error('no handler registered');
    const call = async (url: string | null, channel: unknown, input: unknown) =>
      (await listener(eventFrom(url), channel, input)) as Result<unknown>;
    return { practice, call };
  }

  it('answers app.status for our page on a fresh computer', async () => {
    const { practice, call } = realSetUp();
    const result = await call('app://clearleaf/index.html', 'app.status', {});
    expect(result).toMatchObject({ ok: true, value: { state: 'needs-setup', user: null } });
    practice.close();
  });

  it('still parses what our page sends: unknown channels and bad input are values, not exceptions', async () => {
    const { practice, call } = realSetUp();
    await expect(
      call('app://clearleaf/index.html', 'fs.readFile', { path: '/etc/passwd' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    await expect(call('app://clearleaf/index.html', 'app.status', { extra: true })).resolves.toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    practice.close();
  });

  it('refuses another origin before the dispatcher sees the call', async () => {
    const { practice, call } = realSetUp();
    await expect(call('https://evil.example/', 'app.status', {})).resolves.toEqual(FORBIDDEN);
    practice.close();
  });
});
