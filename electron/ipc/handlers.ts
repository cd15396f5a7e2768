/** Every domain's handlers, combined into the one map the dispatcher serves. */
import { appHandlers, setupHandlers } from './app';
import {
  auditHandlers,
  backupHandlers,
  clinicHandlers,
  settingsHandlers,
  userHandlers,
} from './practiceAdmin';
import { sessionHandlers } from './session';
import type { Handlers } from './types';

export function createHandlers(): Handlers {
  return {
    ...appHandlers,
    ...setupHandlers,
    ...sessionHandlers,
    ...clinicHandlers,
    ...userHandlers,
    ...settingsHandlers,
    ...auditHandlers,
    ...backupHandlers,
  };
}
