import type { Channel, Input, Output } from '../../../shared/ipc/contract';
import type { AppErrorShape, Result } from '../../../shared/ipc/result';
import { send, type SendOptions } from './transport';

export { hasSystemChooser, onFlushRequest } from './transport';

/** Calls main. Never throws: errors come back as values with a message to show. */
export function invoke<C extends Channel>(
  channel: C,
  input: Input<C>,
  options?: SendOptions,
): Promise<Result<Output<C>>> {
  return send(channel, input, options) as Promise<Result<Output<C>>>;
}

/** Listeners told when any call reports the practice locked (e.g. main's own idle lock). */
const lockedListeners = new Set<() => void>();
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

export async function call<C extends Channel>(
  channel: C,
  input: Input<C>,
  options?: SendOptions,
): Promise<Result<Output<C>>> {
  const result = await invoke(channel, input, options);
  if (!result.ok && result.error.code === 'LOCKED') for (const l of lockedListeners) l();
  return result;
}

export type { AppErrorShape, SendOptions };

export function fieldMessage(error: AppErrorShape | null, path: string): string | null {
  return error?.fields.find((f) => f.path === path)?.message ?? null;
}
