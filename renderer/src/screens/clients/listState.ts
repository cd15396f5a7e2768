/**
 * What the client list shows: search, filters, sort and page. The list's rows are filtered, sorted and paged in
 * SQL, so this state only becomes a `clients.list` query; nothing is sorted or sliced in the page.
 *
 * The state lives in the signed-in frame, not in this module: returning from a chart finds the list as it was
 * left, and locking the app drops it together with the search text (which may be a client's name).
 */
import type { PaginationState, SortingState } from '@tanstack/react-table';
import {
  CLIENT_SORT_COLUMNS,
  type ClientListQuery,
  type ClientSortColumn,
  type ClientStatus,
} from '../../../../shared/domain/clients';

export const PAGE_SIZES = [25, 50, 100] as const;

/** Clients still in care; discharged ones are one tick away. */
export const DEFAULT_STATUSES: readonly ClientStatus[] = ['active', 'on-hold'];

export interface ClientListState {
  /** As typed; each change asks the server at once. */
  search: string;
  statuses: ClientStatus[];
  clinicianId: string | null;
  /** TanStack Table's sorting state: one entry, column ids are the server's sort columns. */
  sorting: SortingState;
  pagination: PaginationState;
}

export const initialClientListState: ClientListState = {
  search: '',
  statuses: [...DEFAULT_STATUSES],
  clinicianId: null,
  sorting: [{ id: 'name', desc: false }],
  pagination: { pageIndex: 0, pageSize: PAGE_SIZES[0] },
};

const isSortColumn = (id: string): id is ClientSortColumn =>
  (CLIENT_SORT_COLUMNS as readonly string[]).includes(id);

/** The table's sorting as the server's sort; by name when the table has none the server knows. */
export function sortOf(sorting: SortingState): ClientListQuery['sort'] {
  const first = sorting.find((s) => isSortColumn(s.id));
  return first && isSortColumn(first.id)
    ? { column: first.id, direction: first.desc ? 'desc' : 'asc' }
    : { column: 'name', direction: 'asc' };
}

/** The `clients.list` input for the state. */
export function listQuery(state: ClientListState): ClientListQuery {
  return {
    search: state.search.trim().slice(0, 100),
    statuses: [...state.statuses],
    clinicianId: state.clinicianId,
    sort: sortOf(state.sorting),
    page: state.pagination.pageIndex,
    pageSize: state.pagination.pageSize,
  };
}

/** True when the list shows fewer clients than "everyone still in care" because of a search or a filter. */
export function isNarrowed(state: ClientListState): boolean {
  const statuses = new Set(state.statuses);
  const defaultStatuses =
    statuses.size === DEFAULT_STATUSES.length && DEFAULT_STATUSES.every((s) => statuses.has(s));
  return state.search.trim() !== '' || state.clinicianId !== null || !defaultStatuses;
}

/** Any change of what is listed starts again at the first page. */
export function withFilters(state: ClientListState, change: Partial<ClientListState>): ClientListState {
  return { ...state, ...change, pagination: { ...state.pagination, pageIndex: 0 } };
}

/** The last page that has rows, for when the list shrank under the page being shown. */
export function lastPageIndex(total: number, pageSize: number): number {
  return Math.max(0, Math.ceil(total / pageSize) - 1);
}
