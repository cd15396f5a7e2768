/**
 * The preload: exposes `window.clearleaf.invoke(channel, input)` over one fixed IPC channel, and
 * `window.clearleaf.onFlushRequest(handler)` for main's one message to the page ("save what you have not saved;
 * main is about to lock or quit", electron/ipc/flush.ts). No ipcRenderer, no other events, no Node: the page can
 * ask main to run a contract call and answer that one request, nothing else, and main checks the sender anyway.
 *
 * The window is sandboxed, so this file can only `require('electron')`: it is bundled whole and imports nothing
 * but electron and the channel name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  FLUSH_REQUEST_CHANNEL,
  FLUSHED_CHANNEL,
  IPC_BRIDGE_CHANNEL,
  type FlushReason,
} from '../shared/ipc/bridge';

contextBridge.exposeInMainWorld('clearleaf', {
  // A fresh closure rather than ipcRenderer.invoke itself, so the page never gets a handle on ipcRenderer and
  // cannot choose the IPC channel.
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_BRIDGE_CHANNEL, channel, input),
  // One handler at a time; main always gets its answer, even when the handler fails.
  onFlushRequest: (handler: (reason: FlushReason) => Promise<void>): void => {
    ipcRenderer.removeAllListeners(FLUSH_REQUEST_CHANNEL);
    ipcRenderer.on(FLUSH_REQUEST_CHANNEL, (_event, token: unknown, reason: unknown) => {
      const why: FlushReason = reason === 'quit' ? 'quit' : 'lock';
      void handler(why)
        .catch(() => undefined)
        .finally(() => ipcRenderer.send(FLUSHED_CHANNEL, token));
    });
  },
});
