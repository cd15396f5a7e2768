import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../shared/ipc/contract';
import type { User } from '../../../shared/domain/identity';
import { useIdleLock } from '../useIdleLock';
import { OverviewScreen } from './OverviewScreen';
import { SettingsScreen } from './SettingsScreen';

/** Areas of the app. Those not built yet are listed, disabled, so the navigation does not move when they arrive. */
const AREAS = [
  { id: 'overview', label: 'Overview', ready: true },
  { id: 'clients', label: 'Clients', ready: false },
  { id: 'sessions', label: 'Sessions', ready: false },
  { id: 'assessments', label: 'Assessments', ready: false },
  { id: 'plans', label: 'Plans', ready: false },
  { id: 'discharge', label: 'Discharge', ready: false },
  { id: 'settings', label: 'Settings', ready: true },
] as const;
type AreaId = (typeof AREAS)[number]['id'];

function areaFromHash(): AreaId {
  const id = window.location.hash.replace(/^#\/?/, '');
  return AREAS.find((a) => a.id === id && a.ready)?.id ?? 'overview';
}

export function AppFrame({
  status,
  user,
  onLock,
  onStatusChanged,
}: {
  status: AppStatus;
  user: User;
  onLock: (reason: 'manual' | 'idle') => void;
  onStatusChanged: () => void;
}) {
  const [area, setArea] = useState<AreaId>(areaFromHash);
  useIdleLock(status.idleLockMinutes ?? 10, () => onLock('idle'));

  useEffect(() => {
    const onHash = () => setArea(areaFromHash());
    window.addEventListener('hashchange', onHash);
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        onLock('manual');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('keydown', onKey);
    };
  }, [onLock]);

  const go = (id: AreaId) => {
    window.location.hash = `/${id}`;
    setArea(id);
  };

  return (
    <div className="frame">
      <header className="frame__header">
        <span className="brand">Clearleaf</span>
        <span className="frame__clinic">{status.clinicName}</span>
        <span className="frame__user" data-testid="signed-in-user">
          {user.displayName}
          {user.credentials ? `, ${user.credentials}` : ''}
        </span>
        <button type="button" onClick={() => onLock('manual')} title="Lock now (Ctrl+Shift+L)">
          Lock
        </button>
      </header>
      <nav className="frame__nav" aria-label="Areas">
        <ul>
          {AREAS.map((a) => (
            <li key={a.id}>
              {a.ready ? (
                <button
                  type="button"
                  className={area === a.id ? 'nav-item nav-item--current' : 'nav-item'}
                  aria-current={area === a.id ? 'page' : undefined}
                  onClick={() => go(a.id)}
                >
                  {a.label}
                </button>
              ) : (
                <span
                  className="nav-item nav-item--unavailable"
                  aria-disabled="true"
                  title="Not available in this version"
                >
                  {a.label}
                  <span className="visually-hidden"> (not available in this version)</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <main className="frame__main" id="main">
        {area === 'overview' && <OverviewScreen user={user} onOpenSettings={() => go('settings')} />}
        {area === 'settings' && <SettingsScreen user={user} onStatusChanged={onStatusChanged} />}
      </main>
    </div>
  );
}
