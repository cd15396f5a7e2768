/**
 * A note draft's autosave in a component: the queue of autosave.ts, its status for the status line, and the
 * moments a pending save is flushed so leaving never loses text — the tab is hidden, the route changes, the
 * editor unmounts, the window is hidden, and `beforeunload` (which also asks before leaving when it cannot save
 * in time).
 */
import { useEffect, useRef, useState } from 'react';
import { onBeforeLock } from '../../beforeLock';
import { DraftAutosave, type AutosaveStatus, type DraftBase, type Persist } from './autosave';

export interface DraftAutosaveHandle<T> {
  status: AutosaveStatus;
  /** Call from the change handler itself (not an effect), so even a reload right after a key press sees it. */
  edit: (value: T) => void;
  flush: () => Promise<boolean>;
  current: () => DraftBase | null;
}

export function useDraftAutosave<T>({
  base,
  persist,
  active,
}: {
  base: DraftBase | null;
  persist: Persist<T>;
  /** False while the editor's tab is hidden: hiding it flushes. */
  active: boolean;
}): DraftAutosaveHandle<T> {
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const persistRef = useRef(persist);
  persistRef.current = persist;
  const mounted = useRef(true);
  const [queue] = useState(
    () =>
      new DraftAutosave<T>({
        base,
        persist: (value, b, options) => persistRef.current(value, b, options),
        onStatus: (s) => {
          if (mounted.current) setStatus(s);
        },
      }),
  );

  useEffect(() => {
    mounted.current = true;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!queue.flushForUnload()) return;
      e.preventDefault();
      // Older engines need returnValue set to show the "leave this page?" question.
      e.returnValue = '';
    };
    const onPageHide = () => queue.flushForUnload();
    const onHashChange = () => void queue.flush();
    // Hidden may mean the page is going away (it follows pagehide on unload), so the save is sent as urgent too.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') queue.flushForUnload();
    };
    const stopBeforeLock = onBeforeLock(() => queue.flush());
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopBeforeLock();
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('hashchange', onHashChange);
      document.removeEventListener('visibilitychange', onVisibility);
      mounted.current = false;
      // Leaving the editor (another note, another client, another area): the save goes on after unmount.
      void queue.flush();
    };
  }, [queue]);

  useEffect(() => {
    if (!active) void queue.flush();
  }, [active, queue]);

  return {
    status,
    edit: (value) => queue.edit(value),
    flush: () => queue.flush(),
    current: () => queue.current(),
  };
}
