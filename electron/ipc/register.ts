/**
 * The only file that touches `ipcMain`. Policy: one invoke channel (IPC_BRIDGE_CHANNEL) carries every call; it is
 * answered only when the calling frame shows our own page (Electron security checklist item 17, "validate the
 * sender of all IPC messages"), otherwise FORBIDDEN comes back as a value. Everything else — channel lookup, input
 * parsing, the session check — is the dispatcher's job, which is shared with the browser harness and tests.
 *
 * `ipcMain` is passed in (typed from electron, imported as a type only) so this runs under Node with a fake.
 */
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { FLUSHED_CHANNEL, IPC_BRIDGE_CHANNEL } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/result';
import type { Logger } from '../platform/types';
import { isTrustedSender } from '../security/windowPolicy';
import type { Dispatch } from './dispatch';
import type { PageFlush } from './flush';

export interface RegisterIpcOptions {
  /** The electron-vite dev server origin in development; null in a packaged app. */
  devOrigin: string | null;
  log: Logger;
}

const forbidden: Result<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    message: 'This request did not come from the Clearleaf window and was refused.',
    fields: [],
    retryAfterMs: null,
  },
};

const internal: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Something went wrong and the action was not completed. Nothing already saved was lost.',
    fields: [],
    retryAfterMs: null,
  },
};

/** Registers the bridge handler; returns a function that removes it (tests, and a clean shutdown). */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  options: RegisterIpcOptions,
): () => void {
  ipcMain.handle(
    IPC_BRIDGE_CHANNEL,
    async (event: IpcMainInvokeEvent, channel: unknown, input: unknown): Promise<Result<unknown>> => {
      // senderFrame is null when the frame has navigated away or been destroyed since it called: refuse.
      if (!isTrustedSender(event.senderFrame?.url, options.devOrigin)) {
        // Neither the URL nor the channel is logged: both are chosen by the untrusted page.
        options.log.warn('refused an IPC call from a frame that is not the Clearleaf page');
        return forbidden;
      }
      try {
        return await dispatch(channel, input);
      } catch (err) {
        // The dispatcher turns errors into values; this only guards against a bug there, so that an exception's
        // message (which Electron would forward to the renderer) never crosses the boundary.
        options.log.error(`ipc: dispatcher threw ${err instanceof Error ? err.name : typeof err}`);
        return internal;
      }
    },
  );
  return () => ipcMain.removeHandler(IPC_BRIDGE_CHANNEL);
}

/** Listens for the page's answers to main's save-before-closing requests (flush.ts), from our own page only. */
export function registerFlushAnswers(
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>,
  flush: PageFlush,
  options: RegisterIpcOptions,
): () => void {
  const listener = (event: IpcMainEvent, token: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, options.devOrigin)) {
      options.log.warn('ignored a flush answer from a frame that is not the Clearleaf page');
      return;
    }
    flush.answer(token);
  };
  ipcMain.on(FLUSHED_CHANNEL, listener);
  return () => ipcMain.removeListener(FLUSHED_CHANNEL, listener);
}
