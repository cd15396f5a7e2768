/**
 * The app's top level: what the practice's state allows. Locking (by hand, idle, or reported by main) drops the
 * whole signed-in tree, so no clinical data stays in the renderer's memory or DOM.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/ipc/contract';
import { call, onFlushRequest, onLocked } from './api/client';
import { forgetSessionMemory, runBeforeLock } from './beforeLock';
import { Modal } from './components/Modal';
import { AppFrame } from './screens/AppFrame';
import { LockScreen, RecoverForm } from './screens/LockScreen';
import { SetupScreen } from './screens/SetupScreen';

const STATUS_POLL_MS = 15_000;

export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** A lock by hand found words that could not be saved: the clinician chooses. */
  const [unsavedAtLock, setUnsavedAtLock] = useState(false);

  const refresh = useCallback(async () => {
    const result = await call('app.status', {});
    if (result.ok) {
      setStatus(result.value);
      setLoadError(null);
    } else {
      setLoadError(result.error.message);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return onLocked(() => void refresh());
  }, [refresh]);

  // Main may lock on its own (idle, screen lock, sleep): while unlocked, ask now and then, so the signed-in tree
  // is dropped within seconds even when the clinician is not clicking anything.
  const unlocked = status?.state === 'unlocked';
  // However the practice came to be locked (here, idle, or by main on its own), nothing clinical stays in memory.
  useEffect(() => {
    if (status !== null && !unlocked) {
      forgetSessionMemory();
      setUnsavedAtLock(false);
    }
  }, [status, unlocked]);
  useEffect(() => {
    if (!unlocked) return;
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [unlocked, refresh]);

  // Main is about to lock or quit on its own (sleep, screen lock, Quit, closing the window) and waits for this:
  // pending autosaves go out while the database is still open; for a lock, the signed-in tree goes at once.
  useEffect(() => {
    onFlushRequest(async (reason) => {
      await runBeforeLock();
      if (reason !== 'lock') return;
      setUnsavedAtLock(false);
      forgetSessionMemory();
      setStatus((s) => (s?.state === 'unlocked' ? { ...s, state: 'locked', user: null } : s));
    });
  }, []);

  const lock = useCallback(
    async (reason: 'manual' | 'idle', options: { evenIfUnsaved?: boolean } = {}) => {
      // Pending autosaves go out while the database is still open (bounded wait), then the signed-in tree is
      // dropped before main answers, so clinical data leaves the page even if main is slow.
      const { allSaved } = await runBeforeLock();
      if (!allSaved && reason === 'manual' && !options.evenIfUnsaved) {
        setUnsavedAtLock(true);
        return;
      }
      setUnsavedAtLock(false);
      forgetSessionMemory();
      setStatus((s) => (s ? { ...s, state: 'locked', user: null } : s));
      await call('session.lock', { reason });
      await refresh();
    },
    [refresh],
  );

  if (loadError) {
    return (
      <main className="centered">
        <div className="banner banner--error" role="alert">
          {loadError}
        </div>
      </main>
    );
  }
  if (!status) return <main className="centered" aria-busy="true" />;

  switch (status.state) {
    case 'needs-setup':
      return <SetupScreen onDone={refresh} />;
    case 'locked':
      return <LockScreen status={status} onUnlocked={refresh} />;
    case 'unavailable':
      if (status.problem?.code === 'KEYRING_DAMAGED' || status.problem?.code === 'KEYRING_MISSING') {
        return (
          <RecoverForm status={status} onCancel={null} onDone={refresh} intro={status.problem.message} />
        );
      }
      return (
        <main className="centered">
          <div className="card">
            <h1>Clearleaf cannot open this practice</h1>
            <p role="alert">{status.problem?.message}</p>
          </div>
        </main>
      );
    case 'unlocked':
      return status.user ? (
        <>
          <AppFrame status={status} user={status.user} onLock={lock} onStatusChanged={refresh} />
          {unsavedAtLock && (
            <Modal title="Some words are not saved" tone="danger" onClose={() => setUnsavedAtLock(false)}>
              <p>
                A note on screen could not be saved, so locking now would lose what was typed since its last
                save. Stay to see why and save it, or lock anyway.
              </p>
              <div className="modal__actions">
                <button
                  type="button"
                  className="primary"
                  data-autofocus
                  onClick={() => setUnsavedAtLock(false)}
                >
                  Stay
                </button>
                <button type="button" onClick={() => void lock('manual', { evenIfUnsaved: true })}>
                  Lock anyway
                </button>
              </div>
            </Modal>
          )}
        </>
      ) : null;
  }
}
