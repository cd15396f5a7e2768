/**
 * The client list: search, status and clinician filters, sortable columns and pages, all done by `clients.list`
 * in SQL. The state comes from the frame (see listState.ts) so it survives a visit to a chart.
 */
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { functionalUpdate, useTable } from '@tanstack/react-table';
import { CLIENT_STATUSES, CLIENT_STATUS_LABELS, type ClientStatus } from '../../../../shared/domain/clients';
import { localDate } from '../../../../shared/domain/common';
import type { User } from '../../../../shared/domain/identity';
import { call } from '../../api/client';
import { AddClientButton } from './AddClientButton';
import { clientColumns, clientRowId, clientTableFeatures, NO_ROWS } from './clientColumns';
import { ClientTable } from './ClientTable';
import { isNarrowed, lastPageIndex, listQuery, withFilters, type ClientListState } from './listState';
import { Pager } from './Pager';
import { useClientPage } from './useClientPage';
import './clients.css';

export function ClientListScreen({
  state,
  onStateChange,
}: {
  state: ClientListState;
  onStateChange: Dispatch<SetStateAction<ClientListState>>;
}) {
  // Every key asks at once (issue 13: a 200 ms debounce made key-to-paint 300 ms); an answer overtaken by a newer
  // request is dropped in useClientPage. The request leaves from the key's own render: that render is cheap (the
  // rows are memoised and unchanged until the answer comes), so the typed key still paints at once, whereas a
  // deferred search (useDeferredValue) sent it two or three tasks and a frame later. The rows dim only when an
  // answer is slow (clients.css).
  const { page, loading, error, practiceHasClients } = useClientPage(listQuery(state));
  const [activeRowId, setActiveRowId] = useState<string | null>(null);
  const tableArea = useRef<HTMLDivElement>(null);
  const total = page?.total ?? 0;

  // The highlighted row stays where it was while it is on the page; otherwise the first row takes it.
  const rows = page?.rows ?? NO_ROWS;
  const active = rows.some((r) => r.id === activeRowId) ? activeRowId : (rows[0]?.id ?? null);

  const table = useTable({
    features: clientTableFeatures,
    columns: clientColumns,
    data: rows,
    getRowId: clientRowId,
    state: { sorting: state.sorting, pagination: state.pagination },
    onSortingChange: (updater) =>
      onStateChange((s) => withFilters(s, { sorting: functionalUpdate(updater, s.sorting) })),
    onPaginationChange: (updater) =>
      onStateChange((s) => ({ ...s, pagination: functionalUpdate(updater, s.pagination) })),
    manualSorting: true,
    manualPagination: true,
    rowCount: total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    meta: { activeRowId: active, today: localDate(Date.now()) },
  });

  // Someone discharged or filtered away the last clients of the page being shown: go back to a page with rows.
  const { pageIndex, pageSize } = state.pagination;
  useEffect(() => {
    if (page && page.rows.length === 0 && page.total > 0 && pageIndex > 0) {
      onStateChange((s) => ({
        ...s,
        pagination: { ...s.pagination, pageIndex: lastPageIndex(page.total, pageSize) },
      }));
    }
  }, [page, pageIndex, pageSize, onStateChange]);

  // Stable, so the filters (a memo) are not rendered again when an answer comes.
  const focusActiveRow = useCallback(
    () => tableArea.current?.querySelector<HTMLElement>('.client-row--active .client-link')?.focus(),
    [],
  );
  const isEmptyPractice = page !== null && total === 0 && practiceHasClients === false;

  return (
    <div className="page page--wide client-list">
      <div className="page-header">
        <h1>Clients</h1>
        {!isEmptyPractice && <AddClientButton />}
      </div>
      {!isEmptyPractice && (
        <ListFilters state={state} onStateChange={onStateChange} onArrowDown={focusActiveRow} />
      )}
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {page === null ? (
        <div className="panel client-list__table" aria-busy="true" />
      ) : isEmptyPractice ? (
        <section className="panel empty-state" aria-labelledby="no-clients-title">
          <h2 id="no-clients-title">No clients yet</h2>
          <p className="muted">Add a client to open their chart: intake, use log, consents and notes.</p>
          <AddClientButton />
        </section>
      ) : total === 0 ? (
        <section className="panel empty-state" aria-labelledby="no-match-title">
          <h2 id="no-match-title">No clients match</h2>
          <p className="muted">
            {isNarrowed(state)
              ? 'No client fits this search and these filters.'
              : 'Every client of this practice has been discharged.'}
          </p>
          <button
            type="button"
            onClick={() =>
              onStateChange((s) =>
                withFilters(s, { search: '', statuses: [...CLIENT_STATUSES], clinicianId: null }),
              )
            }
          >
            Show all clients
          </button>
        </section>
      ) : (
        <div className="panel client-list__table" ref={tableArea}>
          <ClientTable
            table={table}
            activeRowId={active}
            onActiveRowChange={setActiveRowId}
            busy={loading}
            caption="Clients"
          />
          <Pager table={table} total={total} />
        </div>
      )}
    </div>
  );
}

const ListFilters = memo(function ListFilters({
  state,
  onStateChange,
  onArrowDown,
}: {
  state: ClientListState;
  onStateChange: Dispatch<SetStateAction<ClientListState>>;
  onArrowDown: () => void;
}) {
  const searchId = useId();
  const clinicianId = useId();
  const [clinicians, setClinicians] = useState<User[]>([]);
  useEffect(() => {
    void call('users.list', {}).then((r) => r.ok && setClinicians(r.value));
  }, []);

  const toggleStatus = (status: ClientStatus, on: boolean) =>
    onStateChange((s) =>
      withFilters(s, {
        // Keep the server's order so the query (and its cache key) does not depend on the click order.
        statuses: CLIENT_STATUSES.filter((x) => (x === status ? on : s.statuses.includes(x))),
      }),
    );

  return (
    <div className="list-filters" role="search" aria-label="Find and filter clients">
      <div className="field list-filters__search">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={state.search}
          placeholder="Name or chart number"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onStateChange((s) => withFilters(s, { search: e.target.value }))}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onArrowDown();
            }
          }}
        />
      </div>
      <fieldset className="list-filters__statuses">
        <legend>Status</legend>
        <div className="list-filters__status-options">
          {CLIENT_STATUSES.map((status) => (
            <label key={status} className="inline-check">
              <input
                type="checkbox"
                checked={state.statuses.includes(status)}
                onChange={(e) => toggleStatus(status, e.target.checked)}
              />
              {CLIENT_STATUS_LABELS[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field list-filters__clinician">
        <label htmlFor={clinicianId}>Clinician</label>
        <select
          id={clinicianId}
          value={state.clinicianId ?? ''}
          onChange={(e) => onStateChange((s) => withFilters(s, { clinicianId: e.target.value || null }))}
        >
          <option value="">All clinicians</option>
          {clinicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}
            </option>
          ))}
        </select>
      </div>
      {state.statuses.length === 0 && (
        <p className="list-filters__note muted">No status ticked: clients of every status are shown.</p>
      )}
    </div>
  );
});
