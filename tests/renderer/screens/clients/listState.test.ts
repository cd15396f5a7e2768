import { describe, expect, it } from 'vitest';
import {
  initialClientListState,
  isNarrowed,
  lastPageIndex,
  listQuery,
  sortOf,
  withFilters,
} from '../../../../renderer/src/screens/clients/listState';
import { ClientListQuerySchema } from '../../../../shared/domain/clients';

describe('client list state', () => {
  it('starts with clients still in care, by name, 25 a page — a query the server accepts', () => {
    const query = listQuery(initialClientListState);
    expect(query).toEqual({
      search: '',
      statuses: ['active', 'on-hold'],
      clinicianId: null,
      sort: { column: 'name', direction: 'asc' },
      page: 0,
      pageSize: 25,
    });
    expect(ClientListQuerySchema.safeParse(query).success).toBe(true);
  });

  it('turns the table sorting into the server sort, ignoring columns the server cannot sort', () => {
    expect(sortOf([{ id: 'dateOfBirth', desc: true }])).toEqual({ column: 'dateOfBirth', direction: 'desc' });
    expect(sortOf([{ id: 'clinician', desc: false }])).toEqual({ column: 'name', direction: 'asc' });
    expect(sortOf([])).toEqual({ column: 'name', direction: 'asc' });
  });

  it('sends the search trimmed and within the server limit', () => {
    const query = listQuery({ ...initialClientListState, search: `  ${'n'.repeat(150)} ` });
    expect(query.search).toBe('n'.repeat(100));
    expect(ClientListQuerySchema.safeParse(query).success).toBe(true);
  });

  it('goes back to the first page when what is listed changes', () => {
    const onPage3 = { ...initialClientListState, pagination: { pageIndex: 2, pageSize: 50 } };
    expect(withFilters(onPage3, { clinicianId: 'u1' }).pagination).toEqual({ pageIndex: 0, pageSize: 50 });
  });

  it('knows when a search or filter narrows the list', () => {
    expect(isNarrowed(initialClientListState)).toBe(false);
    expect(isNarrowed({ ...initialClientListState, statuses: ['on-hold', 'active'] })).toBe(false);
    expect(isNarrowed({ ...initialClientListState, search: ' nú ' })).toBe(true);
    expect(isNarrowed({ ...initialClientListState, statuses: ['active'] })).toBe(true);
    expect(isNarrowed({ ...initialClientListState, clinicianId: 'u1' })).toBe(true);
  });

  it('finds the last page with rows', () => {
    expect(lastPageIndex(0, 25)).toBe(0);
    expect(lastPageIndex(25, 25)).toBe(0);
    expect(lastPageIndex(26, 25)).toBe(1);
    expect(lastPageIndex(60, 25)).toBe(2);
  });
});
