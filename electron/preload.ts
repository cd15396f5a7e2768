/**
 * The preload: exposes exactly one function, `window.clearleaf.invoke(channel, input)`, over one fixed IPC channel.
 * No ipcRenderer, no events, no Node: the page can ask main to run a contract call and nothing else, and main
 * checks the sender and parses the input anyway.
 *
 * The window is sandboxed, so this file can only `require('electron')`: it is bundled whole and imports nothing
 * but electron and the channel name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_BRIDGE_CHANNEL } from '../shared/ipc/bridge';

contextBridge.exposeInMainWorld('clearleaf', {
  // A fresh closure rather than ipcRenderer.invoke itself, so the page never gets a handle on ipcRenderer and
  // cannot choose the IPC channel.
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke(IPC_BRIDGE_CHANNEL, channel, input),
});
