/**
 * OS services the handlers need, behind one interface: the Electron implementation lives in electron/platform/
 * electronPlatform.ts (the only file here that imports electron); tests and the browser harness use nodePlatform.
 */
export interface Platform {
  /** Shows a file in the system file manager. */
  showItemInFolder(file: string): void;
  /** Opens a file in the application the system uses for its type (a PDF viewer, for printing). */
  openFile(file: string): Promise<void>;
  /**
   * Asks the user to choose a folder (a second backup folder on an external drive) or a backup file. Resolves to
   * the chosen absolute path, or null when they cancel or the platform has no chooser (the browser harness).
   */
  choosePath(kind: 'folder' | 'backup'): Promise<string | null>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Logs carry channel names, codes and durations only: never input, output or error text from clinical data. */
export const consoleLogger: Logger = {
  info: (m) => console.log(`[clearleaf] ${m}`),
  warn: (m) => console.warn(`[clearleaf] ${m}`),
  error: (m) => console.error(`[clearleaf] ${m}`),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
