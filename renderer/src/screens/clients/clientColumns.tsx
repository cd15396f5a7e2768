/**
 * The client list's TanStack Table (v9) definition: features, columns, row ids. Module-level so the table's
 * inputs stay stable between renders. Only sorting and pagination are registered, both manual: the server sorts,
 * filters and pages in SQL, so no client-side row model is ever built from a partial page.
 */
import {
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import { clientDisplayName, type ClientListRow } from '../../../../shared/domain/clients';
import { formatRoute } from '../../router';
import { ageInYears, formatDateOnly } from './clientFormat';
import { StatusBadge } from './StatusBadge';

export interface ClientTableMeta {
  /** The row with the roving focus: its name link is the table's one Tab stop. */
  activeRowId: string | null;
  /** Today, 'YYYY-MM-DD' in the clinician's time zone, for ages. */
  today: string;
}

export const clientTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  tableMeta: metaHelper<ClientTableMeta>(),
});
export type ClientTableFeatures = typeof clientTableFeatures;

const column = createColumnHelper<ClientTableFeatures, ClientListRow>();

export const clientColumns = column.columns([
  column.accessor((row) => clientDisplayName(row), {
    id: 'name',
    header: 'Name',
    cell: ({ row, table, getValue }) => (
      <a
        className="client-link"
        href={formatRoute({ name: 'client', id: row.id })}
        tabIndex={table.options.meta?.activeRowId === row.id ? 0 : -1}
      >
        {getValue()}
      </a>
    ),
  }),
  column.accessor('chartNumber', {
    id: 'chartNumber',
    header: 'Chart number',
    cell: ({ getValue }) => <span className="chart-number">{getValue()}</span>,
  }),
  column.accessor('dateOfBirth', {
    id: 'dateOfBirth',
    header: 'Date of birth',
    cell: ({ getValue, table }) => {
      const age = ageInYears(getValue(), table.options.meta?.today ?? '');
      return (
        <>
          {formatDateOnly(getValue())}
          {age !== null && (
            <span className="muted">
              {' ('}
              <span className="visually-hidden">age </span>
              {age})
            </span>
          )}
        </>
      );
    },
  }),
  column.accessor('admissionDate', {
    id: 'admissionDate',
    header: 'Admitted',
    cell: ({ getValue }) => formatDateOnly(getValue()),
  }),
  column.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  // The server cannot sort by clinician (no index serves it), so this header is not a sort button.
  column.accessor('assignedClinicianName', {
    id: 'clinician',
    header: 'Clinician',
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? <span className="muted">Not assigned</span>,
  }),
]);

export const clientRowId = (row: ClientListRow): string => row.id;

export const NO_ROWS: ClientListRow[] = [];
