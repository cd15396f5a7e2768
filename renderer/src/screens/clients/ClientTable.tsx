/**
 * The client list as a table. Keyboard: the table is one Tab stop (the active row's name link, a roving
 * tabindex); Arrow Up/Down, Home and End move the highlighted row; Enter follows the link and opens the chart.
 * The rows stay plain table rows with a real link, so a screen reader's table and link commands work as usual.
 */
import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ReactTable } from '@tanstack/react-table';
import type { ClientListRow } from '../../../../shared/domain/clients';
import { navigate } from '../../router';
import type { ClientTableFeatures } from './clientColumns';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function ClientTable({
  table,
  activeRowId,
  onActiveRowChange,
  busy,
  caption,
}: {
  table: ReactTable<ClientTableFeatures, ClientListRow>;
  activeRowId: string | null;
  onActiveRowChange: (id: string) => void;
  busy: boolean;
  caption: string;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  const rows = table.getRowModel().rows;

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    onActiveRowChange(row.id);
    body.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(row.id)}"] .client-link`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const at = Math.max(
      0,
      rows.findIndex((r) => r.id === activeRowId),
    );
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    focusRow(Math.min(rows.length - 1, Math.max(0, target)));
  };

  // A click anywhere on a row opens the chart, as the link in its first cell does.
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    if (e.target instanceof Element && e.target.closest('a, button')) return;
    navigate({ name: 'client', id });
  };

  return (
    <table className="table client-table" aria-busy={busy || undefined}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={`client-table__col--${header.column.id}`}
                  aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      <table.FlexRender header={header} />
                      <span className="sort-button__mark" aria-hidden="true">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {rows.map((row) => (
          <tr
            key={row.id}
            data-row-id={row.id}
            className={row.id === activeRowId ? 'client-row client-row--active' : 'client-row'}
            onClick={(e) => onRowClick(e, row.id)}
            onFocus={() => onActiveRowChange(row.id)}
          >
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={`client-table__col--${cell.column.id}`}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
