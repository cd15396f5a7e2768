/**
 * The client list as a table. Keyboard: the table is one Tab stop (the active row's name link, a roving
 * tabindex); Arrow Up/Down, Home and End move the highlighted row; Enter follows the link and opens the chart.
 * The rows stay plain table rows with a real link, so a screen reader's table and link commands work as usual.
 */
import { memo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { FlexRender, type ReactTable, type Row } from '@tanstack/react-table';
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

  const today = table.options.meta?.today ?? '';
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
          <ClientRow
            key={row.id}
            row={row}
            active={row.id === activeRowId}
            today={today}
            onActiveRowChange={onActiveRowChange}
          />
        ))}
      </tbody>
    </table>
  );
}

interface ClientRowProps {
  row: Row<ClientTableFeatures, ClientListRow>;
  /** Everything a cell reads besides its client: whether the row has the roving focus, and today for ages. */
  active: boolean;
  today: string;
  onActiveRowChange: (id: string) => void;
}

/**
 * One client's row. Memoised on what its cells show, not on the row object (each answer is new objects): a key
 * in the search box, or an answer that keeps some of the same clients, renders only the rows that changed.
 */
const ClientRow = memo(
  function ClientRow({ row, active, onActiveRowChange }: ClientRowProps) {
    // A click anywhere on a row opens the chart, as the link in its first cell does.
    const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
      if (e.target instanceof Element && e.target.closest('a, button')) return;
      navigate({ name: 'client', id: row.id });
    };
    return (
      <tr
        data-row-id={row.id}
        className={active ? 'client-row client-row--active' : 'client-row'}
        onClick={onClick}
        onFocus={() => onActiveRowChange(row.id)}
      >
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className={`client-table__col--${cell.column.id}`}>
            <FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.active === b.active &&
    a.today === b.today &&
    a.onActiveRowChange === b.onActiveRowChange &&
    sameFields(a.row.original, b.row.original),
);

function sameFields(a: ClientListRow, b: ClientListRow): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as Array<keyof ClientListRow>;
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
