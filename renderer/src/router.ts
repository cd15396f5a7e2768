/**
 * Hash routes for the signed-in app. The hash (not the path) carries the route because the renderer is one page
 * served from a custom protocol: changing the hash never asks main to navigate, which main refuses by policy.
 *
 *   #/overview  #/settings  #/assessments  #/plans  #/follow-up  #/outcomes  #/clients  #/clients/new  #/clients/<id>  #/clients/<id>/edit
 *   #/clients/<id>/notes  #/clients/<id>/notes/<noteId>   (the chart opened on its Notes tab, or on one note)
 *   #/clients/<id>/mat  #/clients/<id>/mat/<noteId>       (the chart opened on Medications & MAT, or one MAT note)
 *   #/discharge  #/clients/<id>/discharge                  (the Discharge worklist; a chart on its Discharge tab)
 *   #/sessions  #/sessions/search  #/sessions/groups/new  #/sessions/groups/<id>
 *
 * Anything else parses to null and the frame shows the overview. Ids are opaque; they are percent-encoded in the
 * hash so an odd id can never add a path segment.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'overview' }
  | { name: 'settings' }
  | { name: 'assessments' }
  | { name: 'plans' }
  | { name: 'discharge' }
  | { name: 'follow-up' }
  | { name: 'outcomes' }
  | { name: 'clients' }
  | { name: 'client-new' }
  | { name: 'client'; id: string }
  | { name: 'client-edit'; id: string }
  | { name: 'client-note'; id: string; noteId: string | null }
  | { name: 'client-mat'; id: string; noteId: string | null }
  | { name: 'client-discharge'; id: string }
  | { name: 'sessions' }
  | { name: 'note-search' }
  | { name: 'group-new' }
  | { name: 'group'; id: string };

/** The area of the navigation a route belongs to. */
export type Area =
  | 'overview'
  | 'clients'
  | 'sessions'
  | 'assessments'
  | 'plans'
  | 'discharge'
  | 'follow-up'
  | 'outcomes'
  | 'settings';

export function areaOf(route: Route): Area {
  switch (route.name) {
    case 'overview':
    case 'settings':
    case 'assessments':
    case 'plans':
    case 'discharge':
    case 'follow-up':
    case 'outcomes':
      return route.name;
    case 'sessions':
    case 'note-search':
    case 'group-new':
    case 'group':
      return 'sessions';
    default:
      return 'clients';
  }
}

function decodeId(segment: string): string | null {
  try {
    const id = decodeURIComponent(segment);
    return id.length > 0 && id.length <= 64 && id !== 'new' ? id : null;
  } catch {
    return null;
  }
}

/** Parses `#/clients/abc/edit` (with or without the leading `#`); null for anything not a route. */
export function parseRoute(hash: string): Route | null {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const parts = path === '' ? [] : path.split('/');
  const [head, second, third, fourth, ...rest] = parts;
  if (rest.length > 0) return null;
  if (fourth !== undefined || third === 'notes' || third === 'mat')
    return parseClientNote(head, second, third, fourth);
  if (head === 'overview' && second === undefined) return { name: 'overview' };
  if (head === 'settings' && second === undefined) return { name: 'settings' };
  if (head === 'assessments' && second === undefined) return { name: 'assessments' };
  if (head === 'plans' && second === undefined) return { name: 'plans' };
  if (head === 'discharge' && second === undefined) return { name: 'discharge' };
  if (head === 'follow-up' && second === undefined) return { name: 'follow-up' };
  if (head === 'outcomes' && second === undefined) return { name: 'outcomes' };
  if (head === 'sessions') return parseSessions(second, third);
  if (head !== 'clients') return null;
  if (second === undefined) return { name: 'clients' };
  if (second === 'new') return third === undefined ? { name: 'client-new' } : null;
  const id = decodeId(second);
  if (id === null) return null;
  if (third === undefined) return { name: 'client', id };
  if (third === 'discharge') return { name: 'client-discharge', id };
  return third === 'edit' ? { name: 'client-edit', id } : null;
}

/** `#/sessions`, `#/sessions/search`, `#/sessions/groups/new`, `#/sessions/groups/<id>`. */
function parseSessions(second: string | undefined, third: string | undefined): Route | null {
  if (second === undefined) return { name: 'sessions' };
  if (second === 'search') return third === undefined ? { name: 'note-search' } : null;
  if (second !== 'groups' || third === undefined) return null;
  if (third === 'new') return { name: 'group-new' };
  const id = decodeId(third);
  return id === null ? null : { name: 'group', id };
}

/** `#/clients/<id>/notes[/<noteId>]` and `#/clients/<id>/mat[/<noteId>]`. */
function parseClientNote(
  head: string | undefined,
  second: string | undefined,
  third: string | undefined,
  fourth: string | undefined,
): Route | null {
  if (head !== 'clients' || second === undefined || (third !== 'notes' && third !== 'mat')) return null;
  const id = decodeId(second);
  if (id === null) return null;
  const name = third === 'mat' ? 'client-mat' : 'client-note';
  if (fourth === undefined) return { name, id, noteId: null };
  const noteId = decodeId(fourth);
  return noteId === null ? null : { name, id, noteId };
}

/** The hash for a route, `#/...`; `parseRoute(formatRoute(r))` gives `r` back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'overview':
    case 'settings':
    case 'assessments':
    case 'plans':
    case 'discharge':
    case 'follow-up':
    case 'outcomes':
    case 'clients':
      return `#/${route.name}`;
    case 'client-new':
      return '#/clients/new';
    case 'client':
      return `#/clients/${encodeURIComponent(route.id)}`;
    case 'client-edit':
      return `#/clients/${encodeURIComponent(route.id)}/edit`;
    case 'client-discharge':
      return `#/clients/${encodeURIComponent(route.id)}/discharge`;
    case 'client-note':
      return `#/clients/${encodeURIComponent(route.id)}/notes${route.noteId === null ? '' : `/${encodeURIComponent(route.noteId)}`}`;
    case 'client-mat':
      return `#/clients/${encodeURIComponent(route.id)}/mat${route.noteId === null ? '' : `/${encodeURIComponent(route.noteId)}`}`;
    case 'sessions':
      return '#/sessions';
    case 'note-search':
      return '#/sessions/search';
    case 'group-new':
      return '#/sessions/groups/new';
    case 'group':
      return `#/sessions/groups/${encodeURIComponent(route.id)}`;
  }
}

/** The route the page shows now; an unknown or empty hash shows the overview. */
export function currentRoute(): Route {
  return parseRoute(window.location.hash) ?? { name: 'overview' };
}

/** Goes to a route. Setting the hash adds a history entry, so the back button and Alt+Left work. */
export function navigate(route: Route): void {
  const hash = formatRoute(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The current route, re-rendering on every hash change. The store snapshot is the hash string (stable between
 * changes); the route object is parsed on each render, so effects should depend on `formatRoute(route)`.
 */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash) ?? { name: 'overview' };
}
