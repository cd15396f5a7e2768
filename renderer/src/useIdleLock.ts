/**
 * Automatic lock (HIPAA automatic logoff): after `minutes` without keyboard or pointer input the practice locks.
 * Activity is reported to main at most once a minute, so main's own idle check does not lock someone who is
 * typing a long note without saving.
 */
import { useEffect, useRef } from 'react';
import { call } from './api/client';

const EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'focusin'] as const;
const REPORT_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const lastActivity = useRef(Date.now());
  const lastReport = useRef(0);
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;

  useEffect(() => {
    lastActivity.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastReport.current >= REPORT_EVERY_MS) {
        lastReport.current = now;
        void call('session.activity', {});
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) onIdleRef.current();
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
      clearInterval(timer);
    };
  }, [minutes]);
}
