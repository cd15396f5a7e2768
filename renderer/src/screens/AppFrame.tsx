import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { AppStatus } from '../../../shared/ipc/contract';
import type { User } from '../../../shared/domain/identity';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { areaOf, formatRoute, navigate, useRoute, type Route } from '../router';
import { useIdleLock } from '../useIdleLock';
import { ChartScreen } from './chart/ChartScreen';
import { ClientForm } from './clients/ClientForm';
import { ClientListScreen } from './clients/ClientListScreen';
import { initialClientListState, type ClientListState } from './clients/listState';
import { isMac, QuickFind } from './clients/QuickFind';
import { OverviewScreen } from './OverviewScreen';
import { SessionsScreen } from './sessions/SessionsScreen';
import { SettingsScreen } from './SettingsScreen';
import {
  AssessmentsWorklistScreen,
  DischargeWorklistScreen,
  PlansWorklistScreen,
} from './worklists/WorklistScreens';
import { FollowUpScreen } from './outcomes/FollowUpScreen';
import { OutcomesScreen } from './outcomes/OutcomesScreen';
import './frame.css';

/** Areas of the app. Those not built yet are listed, disabled, so the navigation does not move when they arrive. */
const AREAS: ReadonlyArray<{ id: string; label: string; route: Route | null }> = [
  { id: 'overview', label: 'Overview', route: { name: 'overview' } },
  { id: 'clients', label: 'Clients', route: { name: 'clients' } },
  { id: 'sessions', label: 'Sessions', route: { name: 'sessions' } },
  { id: 'assessments', label: 'Assessments', route: { name: 'assessments' } },
  { id: 'plans', label: 'Plans', route: { name: 'plans' } },
  { id: 'discharge', label: 'Discharge', route: { name: 'discharge' } },
  { id: 'follow-up', label: 'Follow-up', route: { name: 'follow-up' } },
  { id: 'outcomes', label: 'Outcomes', route: { name: 'outcomes' } },
  { id: 'settings', label: 'Settings', route: { name: 'settings' } },
];

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
  const route = useRoute();
  const area = areaOf(route);
  // The client list's search, filters and page live here, so a visit to a chart comes back to the same list,
  // and locking (which unmounts the frame) forgets them.
  const [clientList, setClientList] = useState(initialClientListState);
  const [findOpen, setFindOpen] = useState(false);
  const openFind = useCallback(() => setFindOpen(true), []);
  const closeFind = useCallback(() => setFindOpen(false), []);
  useIdleLock(status.idleLockMinutes ?? 10, () => onLock('idle'));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        onLock('manual');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onLock]);

  // A new screen takes the keyboard to its heading (or to the main region while it loads), so a screen reader
  // announces where the clinician is and Tab starts from the top of the new screen, not from the old one.
  const main = useRef<HTMLElement>(null);
  const routeKey = formatRoute(route);
  const routeShown = useRef(routeKey);
  useEffect(() => {
    if (routeKey === routeShown.current) return; // the first screen after unlock keeps the page's own focus
    routeShown.current = routeKey;
    const region = main.current;
    if (!region || region.contains(document.activeElement)) return;
    const heading = region.querySelector<HTMLElement>('h1');
    if (heading) heading.tabIndex = -1;
    (heading ?? region).focus();
  }, [routeKey]);

  const shortcut = isMac() ? '⌘K' : 'Ctrl+K';
  return (
    <div className="frame">
      <header className="frame__header">
        <span className="brand">Clearleaf</span>
        <span className="frame__clinic">{status.clinicName}</span>
        <button type="button" className="find-button" onClick={openFind} aria-keyshortcuts="Control+K Meta+K">
          Find client <kbd>{shortcut}</kbd>
        </button>
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
              {a.route ? (
                <NavButton label={a.label} route={a.route} current={area === a.id} />
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
      <main className="frame__main" id="main" ref={main} tabIndex={-1}>
        {/* Keyed by route: going to another screen starts it afresh, even after this one failed. */}
        <ErrorBoundary key={routeKey}>
          <Screen
            route={route}
            user={user}
            onStatusChanged={onStatusChanged}
            clientList={clientList}
            setClientList={setClientList}
          />
        </ErrorBoundary>
      </main>
      <QuickFind open={findOpen} onOpen={openFind} onClose={closeFind} />
    </div>
  );
}

function NavButton({ label, route, current }: { label: string; route: Route; current: boolean }) {
  return (
    <button
      type="button"
      className={current ? 'nav-item nav-item--current' : 'nav-item'}
      aria-current={current ? 'page' : undefined}
      onClick={() => navigate(route)}
    >
      {label}
    </button>
  );
}

function Screen({
  route,
  user,
  onStatusChanged,
  clientList,
  setClientList,
}: {
  route: Route;
  user: User;
  onStatusChanged: () => void;
  clientList: ClientListState;
  setClientList: Dispatch<SetStateAction<ClientListState>>;
}) {
  switch (route.name) {
    case 'overview':
      return <OverviewScreen user={user} onOpenSettings={() => navigate({ name: 'settings' })} />;
    case 'settings':
      return <SettingsScreen user={user} onStatusChanged={onStatusChanged} />;
    case 'assessments':
      return <AssessmentsWorklistScreen />;
    case 'plans':
      return <PlansWorklistScreen />;
    case 'discharge':
      return <DischargeWorklistScreen />;
    case 'follow-up':
      return <FollowUpScreen />;
    case 'outcomes':
      return <OutcomesScreen />;
    case 'clients':
      return <ClientListScreen state={clientList} onStateChange={setClientList} />;
    case 'client-new':
      return <ClientForm key="new" clientId={null} user={user} />;
    case 'client-edit':
      return <ClientForm key={`edit-${route.id}`} clientId={route.id} user={user} />;
    case 'client':
      return (
        <ChartScreen
          key={route.id}
          clientId={route.id}
          onEdit={() => navigate({ name: 'client-edit', id: route.id })}
        />
      );
    case 'client-note':
      return (
        <ChartScreen
          key={route.id}
          clientId={route.id}
          onEdit={() => navigate({ name: 'client-edit', id: route.id })}
          openNotes
          openNoteId={route.noteId}
        />
      );
    case 'client-discharge':
      return (
        <ChartScreen
          key={route.id}
          clientId={route.id}
          onEdit={() => navigate({ name: 'client-edit', id: route.id })}
          openDischarge
        />
      );
    case 'client-mat':
      return (
        <ChartScreen
          key={route.id}
          clientId={route.id}
          onEdit={() => navigate({ name: 'client-edit', id: route.id })}
          openMat
          openNoteId={route.noteId}
        />
      );
    case 'sessions':
    case 'note-search':
    case 'group-new':
    case 'group':
      return <SessionsScreen route={route} user={user} />;
  }
}
