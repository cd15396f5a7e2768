import { useId } from 'react';
import type { ReactTable } from '@tanstack/react-table';
import type { ClientListRow } from '../../../../shared/domain/clients';
import type { ClientTableFeatures } from './clientColumns';
import { pageRangeText } from './clientFormat';
import { PAGE_SIZES } from './listState';

/** Page size and page buttons under the client list; "26–50 of 60" is announced when the page changes. */
export function Pager({
  table,
  total,
}: {
  table: ReactTable<ClientTableFeatures, ClientListRow>;
  total: number;
}) {
  const sizeId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pageCount = Math.max(1, table.getPageCount());
  return (
    <nav className="pager" aria-label="Pages of the client list">
      <div className="pager__size">
        <label htmlFor={sizeId}>Rows per page</label>
        <select id={sizeId} value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <p className="pager__range" role="status" data-testid="page-range">
        {pageRangeText(pageIndex, pageSize, total)}
      </p>
      <div className="pager__buttons">
        <button type="button" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
          First
        </button>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
          Previous
        </button>
        <span className="pager__page">
          Page {pageIndex + 1} of {pageCount}
        </span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
          Next
        </button>
        <button type="button" onClick={() => table.lastPage()} disabled={!table.getCanLastPage()}>
          Last
        </button>
      </div>
    </nav>
  );
}
