import type { Platform } from './types';

/** The platform for tests, the CLI and the browser harness: it records requests instead of opening windows. */
export function createNodePlatform(): Platform & { shown: string[] } {
  const shown: string[] = [];
  return {
    shown,
    showItemInFolder(file) {
      shown.push(file);
    },
  };
}
