/**
 * A note draft's autosave in a component: the queue of autosave.ts, its status for the status line, and the
 * moments a pending save is flushed so leaving never loses text — the tab is hidden, the route changes, the
 * editor unmounts, the window is hidden, and `beforeunload` (which also asks before leaving when it cannot save
 * in time).
 *
 * Leaving within the app waits for the save: a route change while text is unsaved is held (the Navigation API's
 * `navigate` event is cancelled before the address changes), the text is saved, and only then does the app go
 * where it was asked. If the save is refused (a validation error, a conflict, the database), the clinician stays
 * on the editor with the text and the reason; they can try again, or choose to leave without those changes.
 * Nothing is dropped silently. (`hashchange` comes too late for this: the router has re-rendered by then.)
 */
import { useEffect, useRef, useState } from 'react';
import { onBeforeLock } from '../../beforeLock';
import { DraftAutosave, type AutosaveStatus, type DraftBase, type Persist } from './autosave';

/** The part of the Navigation API (Chromium) used here: a same-document navigation, before it happens. */
interface NavigateEvent extends Event {
  readonly destination: { readonly url: string };
}

function navigationApi(): EventTarget | null {
  const nav = (window as { navigation?: unknown }).navigation;
  return nav instanceof EventTarget ? nav : null;
}

/** A way out that was held because the text could not be saved. */
export interface HeldLeave {
  /** Saves again and, if it works, goes on. */
  retry: () => Promise<void>;
  /** Goes on without the changes that could not be saved. */
  abandon: () => void;
}

export interface DraftAutosaveHandle<T> {
  status: AutosaveStatus;
  /** Call from the change handler itself (not an effect), so even a reload right after a key press sees it. */
  edit: (value: T) => void;
  flush: () => Promise<boolean>;
  current: () => DraftBase | null;
  /** Runs `proceed` once everything typed is saved; if the save is refused, holds it (see `held`). */
  leave: (proceed: () => void) => Promise<boolean>;
  /** Set while a way out is held because the text could not be saved. */
  held: HeldLeave | null;
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
  const [held, setHeld] = useState<HeldLeave | null>(null);
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

  const leaveRef = useRef<(proceed: () => void) => Promise<boolean>>(async () => false);
  leaveRef.current = async (proceed) => {
    if (await queue.flush()) {
      if (mounted.current) setHeld(null);
      proceed();
      return true;
    }
    if (mounted.current) {
      setHeld({
        retry: async () => {
          await leaveRef.current(proceed);
        },
        abandon: () => {
          queue.abandonUnsaved();
          setHeld(null);
          proceed();
        },
      });
    }
    return false;
  };

  useEffect(() => {
    mounted.current = true;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!queue.flushForUnload()) return;
      e.preventDefault();
      // Older engines need returnValue set to show the "leave this page?" question.
      e.returnValue = '';
    };
    const onPageHide = () => queue.flushForUnload();
    // Before the route changes: with text unsaved, the navigation waits for the save, and does not happen if
    // the save is refused. Reloads and other documents are left to beforeunload.
    const onNavigate = (event: Event) => {
      const e = event as NavigateEvent;
      if (!queue.hasUnsaved() || !e.cancelable) return;
      const target = new URL(e.destination.url);
      if (target.origin !== window.location.origin || target.pathname !== window.location.pathname) return;
      e.preventDefault();
      void leaveRef.current(() => {
        window.location.hash = target.hash;
      });
    };
    // Without the Navigation API, a route change still sends the text at once (the save goes on after unmount).
    const onHashChange = () => void queue.flush();
    const navigation = navigationApi();
    // Hidden may mean the page is going away (it follows pagehide on unload), so the save is sent as urgent too.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') queue.flushForUnload();
    };
    const stopBeforeLock = onBeforeLock(() => queue.flush());
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('pagehide', onPageHide);
    navigation?.addEventListener('navigate', onNavigate);
    window.addEventListener('hashchange', onHashChange);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stopBeforeLock();
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('pagehide', onPageHide);
      navigation?.removeEventListener('navigate', onNavigate);
      window.removeEventListener('hashchange', onHashChange);
      document.removeEventListener('visibilitychange', onVisibility);
      mounted.current = false;
      // Leaving the editor some way that cannot wait (the practice locks): the save goes on after unmount.
      void queue.flush();
    };
  }, [queue]);

  useEffect(() => {
    if (!active) void queue.flush();
  }, [active, queue]);

  return {
    status,
    edit: (value) => {
      setHeld(null);
      queue.edit(value);
    },
    flush: () => queue.flush(),
    current: () => queue.current(),
    leave: (proceed) => leaveRef.current(proceed),
    held,
  };
}
