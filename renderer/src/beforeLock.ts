/**
 * Work that must reach main before the practice locks — today, the pending autosave of a note being written.
 * Locking closes the database, so a save sent after the lock would be refused and the last words lost. The wait
 * is bounded: a lock never hangs on a save that does not answer. When a save was refused, a lock by hand asks
 * first (App.tsx); an idle lock or main's own lock goes ahead, because leaving the chart open is the greater harm.
 */

/** Resolves false (or rejects) when what it had to send did not reach main. */
type Task = () => Promise<boolean | void>;

const tasks = new Set<Task>();

export function onBeforeLock(task: Task): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Runs every task, waiting at most `timeoutMs`; `allSaved` is false when any failed or did not answer in time. */
export async function runBeforeLock(timeoutMs = 3000): Promise<{ allSaved: boolean }> {
  if (tasks.size === 0) return { allSaved: true };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  const outcome = await Promise.race([Promise.allSettled([...tasks].map((t) => t())), timeout]);
  clearTimeout(timer);
  if (outcome === 'timed-out') return { allSaved: false };
  return { allSaved: outcome.every((r) => r.status === 'fulfilled' && r.value !== false) };
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
