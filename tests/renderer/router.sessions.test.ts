import { describe, expect, it } from 'vitest';
import { areaOf, formatRoute, parseRoute, type Route } from '../../renderer/src/router';

describe('session routes', () => {
  const routes: Array<[string, Route]> = [
    ['#/sessions', { name: 'sessions' }],
    ['#/sessions/search', { name: 'note-search' }],
    ['#/sessions/groups/new', { name: 'group-new' }],
    ['#/sessions/groups/g-1', { name: 'group', id: 'g-1' }],
    ['#/clients/abc/notes', { name: 'client-note', id: 'abc', noteId: null }],
    ['#/clients/abc/notes/n%2F1', { name: 'client-note', id: 'abc', noteId: 'n/1' }],
    ['#/clients/abc/mat', { name: 'client-mat', id: 'abc', noteId: null }],
    ['#/clients/abc/mat/m-1', { name: 'client-mat', id: 'abc', noteId: 'm-1' }],
  ];

  it.each(routes)('parses %s and formats it back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('puts them in their areas', () => {
    expect(areaOf({ name: 'group', id: 'g' })).toBe('sessions');
    expect(areaOf({ name: 'note-search' })).toBe('sessions');
    expect(areaOf({ name: 'client-note', id: 'c', noteId: null })).toBe('clients');
  });

  it('refuses what is not a route', () => {
    for (const hash of [
      '#/sessions/other',
      '#/sessions/search/more',
      '#/sessions/groups',
      '#/sessions/groups/g/extra',
      '#/clients/new/notes',
      '#/clients/abc/notes/n/more',
      '#/clients/abc/notes/new',
      '#/clients/abc/mat/new',
      '#/clients/abc/mat/m/more',
      '#/clients/abc/edit/more',
      `#/clients/abc/notes/${'x'.repeat(65)}`,
    ]) {
      expect(parseRoute(hash), hash).toBeNull();
    }
  });
});
