/**
 * The Sessions area: recent group sessions and a new one, a group's own record, and search across notes. Each
 * screen has its own route (router.ts), so the back button and links from elsewhere land on the right one.
 */
import type { User } from '../../../../shared/domain/identity';
import { navigate, type Route } from '../../router';
import { GroupForm } from './GroupForm';
import { GroupList } from './GroupList';
import { GroupScreen } from './GroupScreen';
import { NoteSearch } from './NoteSearch';
import './sessions.css';
import './sessionsArea.css';

export type SessionsRoute = Extract<Route, { name: 'sessions' | 'note-search' | 'group-new' | 'group' }>;

export function SessionsScreen({ route, user }: { route: SessionsRoute; user: User }) {
  return (
    <div className="page sessions">
      <SessionsNav route={route} />
      {route.name === 'sessions' && (
        <>
          <div className="notes__head">
            <h1>Group sessions</h1>
            <button type="button" className="primary" onClick={() => navigate({ name: 'group-new' })}>
              New group session
            </button>
          </div>
          <GroupList />
        </>
      )}
      {route.name === 'group-new' && (
        <>
          <h1>New group session</h1>
          <GroupForm user={user} />
        </>
      )}
      {route.name === 'group' && <GroupScreen key={route.id} id={route.id} />}
      {route.name === 'note-search' && <NoteSearch />}
    </div>
  );
}

function SessionsNav({ route }: { route: SessionsRoute }) {
  const inGroups = route.name !== 'note-search';
  return (
    <nav className="subnav" aria-label="Sessions">
      <button
        type="button"
        className={inGroups ? 'subnav__item subnav__item--current' : 'subnav__item'}
        aria-current={route.name === 'sessions' ? 'page' : undefined}
        onClick={() => navigate({ name: 'sessions' })}
      >
        Group sessions
      </button>
      <button
        type="button"
        className={inGroups ? 'subnav__item' : 'subnav__item subnav__item--current'}
        aria-current={inGroups ? undefined : 'page'}
        onClick={() => navigate({ name: 'note-search' })}
      >
        Search notes
      </button>
    </nav>
  );
}
