import type { Platform } from './types';

/**
 * The platform for tests, the CLI and the browser harness: it records requests instead of opening windows. It has
 * no chooser: `choosePath` answers with the next path a test queued in `chosen`, else null (type a path instead).
 */
export function createNodePlatform(): Platform & { shown: string[]; opened: string[]; chosen: string[] } {
  const shown: string[] = [];
  const opened: string[] = [];
  const chosen: string[] = [];
  return {
    shown,
    opened,
    chosen,
    async choosePath() {
      return chosen.shift() ?? null;
    },
    showItemInFolder(file) {
      shown.push(file);
    },
    async openFile(file) {
      opened.push(file);
    },
  };
}
