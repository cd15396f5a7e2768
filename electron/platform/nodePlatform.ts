import type { Platform } from './types';

/** The platform for tests, the CLI and the browser harness: it records requests instead of opening windows. */
export function createNodePlatform(): Platform & { shown: string[]; opened: string[] } {
  const shown: string[] = [];
  const opened: string[] = [];
  return {
    shown,
    opened,
    showItemInFolder(file) {
      shown.push(file);
    },
    async openFile(file) {
      opened.push(file);
    },
  };
}
