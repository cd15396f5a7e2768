/**
 * The Platform on Electron: OS services for the handlers. The only file under electron/platform that imports
 * electron, so handlers stay testable under Node with nodePlatform.
 */
import path from 'node:path';
import { BrowserWindow, dialog, shell, type OpenDialogOptions } from 'electron';
import type { Platform } from './types';

export function createElectronPlatform(): Platform {
  return {
    showItemInFolder(file) {
      // Files we reveal are ones main just wrote, always by absolute path; a relative one would resolve against
      // whatever the working directory happens to be, so it is ignored rather than guessed at.
      if (!path.isAbsolute(file)) return;
      shell.showItemInFolder(file);
    },
    async openFile(file) {
      if (!path.isAbsolute(file)) return;
      // shell.openPath answers with an error message rather than throwing.
      const problem = await shell.openPath(file);
      if (problem) throw new Error('no application opened the file');
    },
    async choosePath(kind) {
      const options: OpenDialogOptions =
        kind === 'folder'
          ? { title: 'Choose a second backup folder', properties: ['openDirectory', 'createDirectory'] }
          : {
              title: 'Choose a Clearleaf backup',
              properties: ['openFile'],
              filters: [{ name: 'Clearleaf backups', extensions: ['db'] }],
            };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
