/**
 * Work that must reach main before the practice locks — today, the pending autosave of a note being written.
 * Locking closes the database, so a save sent after the lock would be refused and the last words lost. The wait
 * is bounded: a lock never hangs on a save that does not answer.
 */
type Task = () => Promise<unknown>;

const tasks = new Set<Task>();

export function onBeforeLock(task: Task): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

export async function runBeforeLock(timeoutMs = 3000): Promise<void> {
  if (tasks.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled([...tasks].map((t) => t())), timeout]);
  clearTimeout(timer);
}

type Forget = () => void;
const memories = new Set<Forget>();

/**
 * Clinical data a screen keeps in memory beyond its own lifetime (e.g. an unsaved form to restore): registered
 * here so that every way the practice locks — by hand, idle, or main locking on its own — forgets it.
 */
export function registerSessionMemory(forget: Forget): void {
  memories.add(forget);
}

export function forgetSessionMemory(): void {
  for (const forget of memories) forget();
}
