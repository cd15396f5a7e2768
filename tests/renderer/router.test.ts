import { afterEach, describe, expect, it } from 'vitest';
import {
  areaOf,
  currentRoute,
  formatRoute,
  navigate,
  parseRoute,
  type Route,
} from '../../renderer/src/router';

afterEach(() => {
  window.location.hash = '';
});

describe('hash routes', () => {
  const routes: Array<[string, Route]> = [
    ['#/overview', { name: 'overview' }],
    ['#/settings', { name: 'settings' }],
    ['#/clients', { name: 'clients' }],
    ['#/clients/new', { name: 'client-new' }],
    [
      '#/clients/3f1c9a2e-0b7d-4c55-9e0f-2a6d1b8c4e11',
      { name: 'client', id: '3f1c9a2e-0b7d-4c55-9e0f-2a6d1b8c4e11' },
    ],
    ['#/clients/abc/edit', { name: 'client-edit', id: 'abc' }],
    ['#/discharge', { name: 'discharge' }],
    ['#/clients/abc/discharge', { name: 'client-discharge', id: 'abc' }],
  ];

  it.each(routes)('parses %s and formats it back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('accepts the hash with or without # and trailing slashes', () => {
    expect(parseRoute('/clients/')).toEqual({ name: 'clients' });
    expect(parseRoute('#clients/abc/edit/')).toEqual({ name: 'client-edit', id: 'abc' });
  });

  it('refuses what is not a route', () => {
    for (const hash of [
      '',
      '#/',
      '#/nowhere',
      '#/clients/new/edit',
      '#/clients/abc/delete',
      '#/clients/abc/edit/more',
      '#/settings/extra',
      '#/clients/%E0%A4%A', // malformed percent-encoding
      `#/clients/${'x'.repeat(65)}`,
    ]) {
      expect(parseRoute(hash), hash).toBeNull();
    }
  });

  it('encodes an id so it can never add a path segment', () => {
    const route: Route = { name: 'client-edit', id: 'a/b c' };
    expect(formatRoute(route)).toBe('#/clients/a%2Fb%20c/edit');
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });

  it('groups routes into navigation areas', () => {
    expect(areaOf({ name: 'overview' })).toBe('overview');
    expect(areaOf({ name: 'settings' })).toBe('settings');
    expect(areaOf({ name: 'client-new' })).toBe('clients');
    expect(areaOf({ name: 'client', id: 'x' })).toBe('clients');
    expect(areaOf({ name: 'discharge' })).toBe('discharge');
    expect(areaOf({ name: 'client-discharge', id: 'x' })).toBe('clients');
  });

  it('navigates by setting the hash, and falls back to the overview', () => {
    window.location.hash = '#/nowhere';
    expect(currentRoute()).toEqual({ name: 'overview' });
    navigate({ name: 'client', id: 'c1' });
    expect(window.location.hash).toBe('#/clients/c1');
    expect(currentRoute()).toEqual({ name: 'client', id: 'c1' });
  });
});
