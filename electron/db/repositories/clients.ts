/** Clients: the record, the list (filtered, sorted and paged in SQL) and quick find. */
import type { Db } from '../connection';
import { CLIENT_STATUSES } from '../../../shared/domain/clients';
import type { DocumentLanguage } from '../../../shared/i18n/languages';
import { nameSearchText, nameSortKey, searchWords, type NameOrder } from '../../../shared/domain/names';
import type {
  Client,
  Discharge,
  DischargeType,
  ClientInput,
  ClientListPage,
  ClientListQuery,
  ClientListRow,
  ClientSortColumn,
  ClientStatus,
  Sex,
} from '../../../shared/domain/clients';

export interface ClientRow {
  id: string;
  chart_number: string;
  legal_first_name: string;
  legal_last_name: string;
  name_order: NameOrder;
  preferred_name: string;
  sort_name: string;
  search_names: string;
  date_of_birth: string;
  pronouns: string;
  sex: Sex;
  phone: string;
  email: string;
  address: string;
  emergency_name: string;
  emergency_relationship: string;
  emergency_phone: string;
  admission_date: string;
  status: ClientStatus;
  assigned_clinician_id: string | null;
  document_language: DocumentLanguage;
  interpreter_needed: 0 | 1;
  created_at_ms: number;
  updated_at_ms: number;
}

type ClientRowWithClinician = ClientRow & {
  clinician_name: string | null;
  discharged_on: string | null;
  discharge_type: DischargeType | null;
  discharge_recorded_at_ms: number | null;
};

export const clientFromRow = (r: ClientRowWithClinician): Client => ({
  id: r.id,
  chartNumber: r.chart_number,
  legalFirstName: r.legal_first_name,
  legalLastName: r.legal_last_name,
  nameOrder: r.name_order,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  pronouns: r.pronouns,
  sex: r.sex,
  phone: r.phone,
  email: r.email,
  address: r.address,
  emergencyContact: {
    name: r.emergency_name,
    relationship: r.emergency_relationship,
    phone: r.emergency_phone,
  },
  admissionDate: r.admission_date,
  status: r.status,
  discharge:
    r.status === 'discharged' && r.discharged_on !== null && r.discharge_type !== null
      ? {
          dischargedOn: r.discharged_on,
          type: r.discharge_type,
          recordedAtMs: r.discharge_recorded_at_ms ?? 0,
        }
      : null,
  assignedClinicianId: r.assigned_clinician_id,
  documentLanguage: r.document_language,
  interpreterNeeded: r.interpreter_needed === 1,
  assignedClinicianName: r.clinician_name,
  createdAtMs: r.created_at_ms,
  updatedAtMs: r.updated_at_ms,
});

/**
 * Lower case without accents, for note search (whose FTS index folds with the unicode61 tokenizer alone). Client
 * names fold with shared/domain/names.ts instead, on both sides of their own index.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function rowParams(id: string, c: ClientInput & { chartNumber: string }, atMs: number) {
  return {
    id,
    chart_number: c.chartNumber,
    legal_first_name: c.legalFirstName,
    legal_last_name: c.legalLastName,
    name_order: c.nameOrder,
    preferred_name: c.preferredName,
    sort_name: nameSortKey(c),
    search_names: nameSearchText([c.legalFirstName, c.legalLastName, c.preferredName]),
    date_of_birth: c.dateOfBirth,
    pronouns: c.pronouns,
    sex: c.sex,
    phone: c.phone,
    email: c.email,
    address: c.address,
    emergency_name: c.emergencyContact.name,
    emergency_relationship: c.emergencyContact.relationship,
    emergency_phone: c.emergencyContact.phone,
    admission_date: c.admissionDate,
    status: c.status,
    assigned_clinician_id: c.assignedClinicianId,
    document_language: c.documentLanguage,
    interpreter_needed: c.interpreterNeeded ? 1 : 0,
    at_ms: atMs,
  };
}

export function insertClient(
  db: Db,
  id: string,
  c: ClientInput & { chartNumber: string },
  atMs: number,
): void {
  db.prepare(
    `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, name_order, preferred_name, sort_name,
       search_names, date_of_birth, pronouns, sex, phone, email, address, emergency_name, emergency_relationship, emergency_phone,
       admission_date, status, assigned_clinician_id, document_language, interpreter_needed, created_at_ms, updated_at_ms)
     VALUES (@id, @chart_number, @legal_first_name, @legal_last_name, @name_order, @preferred_name, @sort_name,
       @search_names, @date_of_birth, @pronouns, @sex, @phone, @email, @address, @emergency_name, @emergency_relationship,
       @emergency_phone, @admission_date, @status, @assigned_clinician_id, @document_language, @interpreter_needed,
       @at_ms, @at_ms)`,
  ).run(rowParams(id, c, atMs));
}

export function updateClient(
  db: Db,
  id: string,
  c: ClientInput & { chartNumber: string },
  atMs: number,
): void {
  db.prepare(
    `UPDATE clients SET chart_number = @chart_number, legal_first_name = @legal_first_name,
       legal_last_name = @legal_last_name, name_order = @name_order, preferred_name = @preferred_name,
       sort_name = @sort_name, search_names = @search_names,
       date_of_birth = @date_of_birth, pronouns = @pronouns, sex = @sex, phone = @phone, email = @email,
       address = @address, emergency_name = @emergency_name, emergency_relationship = @emergency_relationship,
       emergency_phone = @emergency_phone, admission_date = @admission_date, status = @status,
       assigned_clinician_id = @assigned_clinician_id, document_language = @document_language,
       interpreter_needed = @interpreter_needed, updated_at_ms = @at_ms
     WHERE id = @id`,
  ).run(rowParams(id, c, atMs));
}

export function getClient(db: Db, id: string): Client | null {
  const row = db
    .prepare(
      `SELECT c.*, u.display_name AS clinician_name, d.discharged_on, d.discharge_type,
         d.recorded_at_ms AS discharge_recorded_at_ms
       FROM clients c
       LEFT JOIN users u ON u.id = c.assigned_clinician_id
       LEFT JOIN client_discharges d ON d.id = (
         SELECT id FROM client_discharges WHERE client_id = c.id ORDER BY recorded_at_ms DESC, rowid DESC LIMIT 1)
       WHERE c.id = ?`,
    )
    .get(id) as ClientRowWithClinician | undefined;
  return row ? clientFromRow(row) : null;
}

export function getClientByChartNumber(db: Db, chartNumber: string): Client | null {
  const row = db.prepare('SELECT id FROM clients WHERE chart_number = ?').get(chartNumber) as
    { id: string } | undefined;
  return row ? getClient(db, row.id) : null;
}

export function chartNumberTaken(db: Db, chartNumber: string, exceptId: string | null): boolean {
  return (
    db.prepare('SELECT 1 FROM clients WHERE chart_number = ? AND id IS NOT ?').get(chartNumber, exceptId) !==
    undefined
  );
}

/**
 * The next generated chart number: C- and at least six digits, one past the highest all-digit C- number. Numbers
 * typed by hand with more than 15 significant digits are left out: they are not safe integers in JavaScript (one
 * of them would make every later number collide), and a sequence never reaches them. Should such a number sit
 * exactly where the sequence arrives, it is stepped over, so the result is always free.
 */
export function nextChartNumber(db: Db): string {
  const row = db
    .prepare(
      `SELECT max(CAST(substr(chart_number, 3) AS INTEGER)) AS n FROM clients
       WHERE chart_number GLOB 'C-[0-9][0-9][0-9][0-9][0-9][0-9]*'
         AND substr(chart_number, 3) NOT GLOB '*[^0-9]*'
         AND length(ltrim(substr(chart_number, 3), '0')) <= 15`,
    )
    .get() as { n: number | null };
  let n = (row.n ?? 0) + 1;
  // Unreachable with the filter above; without it, n + 1 could equal n and the loop below would never end.
  if (!Number.isSafeInteger(n)) throw new Error('the chart number sequence is out of range');
  while (chartNumberTaken(db, chartNumberOf(n), null)) n += 1;
  return chartNumberOf(n);
}

const chartNumberOf = (n: number) => `C-${String(n).padStart(6, '0')}`;

/**
 * An FTS5 query matching every word of `search` as a prefix, or null when there is nothing to search for. Words
 * fold exactly as the index does (shared/domain/names.ts), so "dang" finds "Đặng" and "obrien" "O’Brien".
 */
export function ftsQuery(search: string): string | null {
  const tokens = searchWords(search).slice(0, 8);
  return tokens.length === 0 ? null : tokens.map((t) => `"${t}"*`).join(' ');
}

const ORDER_BY: Record<ClientSortColumn, string> = {
  name: 'c.sort_name',
  chartNumber: 'c.chart_number',
  dateOfBirth: 'c.date_of_birth',
  admissionDate: 'c.admission_date',
  status: 'c.status',
};

/** The SQL and parameters of one list page; exported so a test can check its query plan. */
export function clientListSql(q: ClientListQuery): { where: string; orderBy: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const match = ftsQuery(q.search);
  if (match) {
    clauses.push('c.id IN (SELECT client_id FROM client_search WHERE client_search MATCH ?)');
    params.push(match);
  }
  const statuses = new Set(q.statuses);
  if (statuses.size === 1) {
    clauses.push('c.status = ?');
    params.push(...statuses);
  } else if (statuses.size === 2) {
    // "Not the third" rather than IN (a, b): the planner then walks the sort index and filters, instead of
    // gathering both statuses and sorting them in a temp b-tree.
    clauses.push('c.status <> ?');
    params.push(CLIENT_STATUSES.find((s) => !statuses.has(s)));
  }
  if (q.clinicianId !== null) {
    clauses.push('c.assigned_clinician_id = ?');
    params.push(q.clinicianId);
  }
  const dir = q.sort.direction === 'desc' ? 'DESC' : 'ASC';
  const column = ORDER_BY[q.sort.column];
  const orderBy =
    column === 'c.sort_name'
      ? `c.sort_name ${dir}, c.id ${dir}`
      : `${column} ${dir}, c.sort_name ${dir}, c.id ${dir}`;
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', orderBy, params };
}

interface ListRow {
  id: string;
  chart_number: string;
  legal_first_name: string;
  legal_last_name: string;
  name_order: NameOrder;
  preferred_name: string;
  date_of_birth: string;
  admission_date: string;
  status: ClientStatus;
  clinician_name: string | null;
}

const listRowFromRow = (r: ListRow): ClientListRow => ({
  id: r.id,
  chartNumber: r.chart_number,
  legalFirstName: r.legal_first_name,
  legalLastName: r.legal_last_name,
  nameOrder: r.name_order,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  admissionDate: r.admission_date,
  status: r.status,
  assignedClinicianName: r.clinician_name,
});

export function listClients(db: Db, q: ClientListQuery): ClientListPage {
  const { where, orderBy, params } = clientListSql(q);
  const rows = db
    .prepare(clientPageSql(where, orderBy))
    .all(...params, q.pageSize, q.page * q.pageSize) as ListRow[];
  const { n } = db.prepare(clientCountSql(where)).get(...params) as { n: number };
  return { rows: rows.map(listRowFromRow), total: n };
}

/** One page of the list and its total, for clientListSql's clauses (exported for the benchmark's raw baseline). */
export const clientPageSql = (where: string, orderBy: string): string =>
  `SELECT c.id, c.chart_number, c.legal_first_name, c.legal_last_name, c.name_order, c.preferred_name,
     c.date_of_birth, c.admission_date, c.status, u.display_name AS clinician_name
   FROM clients c LEFT JOIN users u ON u.id = c.assigned_clinician_id
   ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
export const clientCountSql = (where: string): string => `SELECT count(*) AS n FROM clients c ${where}`;

/** Quick find (Ctrl/Cmd+K): best matches by name or chart number, active clients first. */
export function quickFindClients(db: Db, search: string, limit: number): ClientListRow[] {
  const match = ftsQuery(search);
  if (!match) return [];
  const rows = db.prepare(QUICK_FIND_SQL).all(match, limit) as ListRow[];
  return rows.map(listRowFromRow);
}

/** Quick find's statement (exported for the benchmark's raw baseline: the same statement without the app). */
export const QUICK_FIND_SQL = `SELECT c.id, c.chart_number, c.legal_first_name, c.legal_last_name, c.name_order,
    c.preferred_name, c.date_of_birth, c.admission_date, c.status, u.display_name AS clinician_name
  FROM client_search s JOIN clients c ON c.id = s.client_id
  LEFT JOIN users u ON u.id = c.assigned_clinician_id
  WHERE client_search MATCH ?
  ORDER BY (c.status = 'active') DESC, s.rank, c.sort_name LIMIT ?`;

export interface DischargeRecord extends Discharge {
  id: string;
  clientId: string;
  recordedAtMs: number;
  recordedBy: string;
}

export function insertDischarge(db: Db, d: DischargeRecord): void {
  db.prepare(
    `INSERT INTO client_discharges (id, client_id, discharged_on, discharge_type, recorded_at_ms, recorded_by)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.clientId, d.dischargedOn, d.type, d.recordedAtMs, d.recordedBy);
}

/** The id of the client's latest recorded discharge, or null. */
export function latestDischargeId(db: Db, clientId: string): string | null {
  const row = db
    .prepare(
      'SELECT id FROM client_discharges WHERE client_id = ? ORDER BY recorded_at_ms DESC, rowid DESC LIMIT 1',
    )
    .get(clientId) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The date of the client's latest recorded discharge, or null. */
export function latestDischargedOn(db: Db, clientId: string): string | null {
  const row = db
    .prepare(
      `SELECT discharged_on FROM client_discharges WHERE client_id = ?
       ORDER BY recorded_at_ms DESC, rowid DESC LIMIT 1`,
    )
    .get(clientId) as { discharged_on: string } | undefined;
  return row?.discharged_on ?? null;
}

/** The date of the discharge that closed the client's latest earlier episode of care (migration 0850), or null. */
export function closedEpisodeEndedOn(db: Db, clientId: string): string | null {
  const row = db
    .prepare(`SELECT ended_on FROM closed_episodes WHERE client_id = ? ORDER BY seq DESC LIMIT 1`)
    .get(clientId) as { ended_on: string } | undefined;
  return row?.ended_on ?? null;
}

export interface ClosedEpisodeEnd {
  /** Null for an episode closed before version 0850; `knownFrom` is then the earliest day on record. */
  admittedOn: string | null;
  knownFrom: string;
  endedOn: string;
  type: DischargeType;
  endedBy: string;
}

/**
 * The episode of care a discharge dated `on` ended, when the client has since been re-admitted (migration 0850):
 * dated before the current admission, or on its day while the client is not discharged again. Else null.
 */
export function closedEpisodeFor(db: Db, client: Client, on: string): ClosedEpisodeEnd | null {
  if (on > client.admissionDate || (on === client.admissionDate && client.status === 'discharged'))
    return null;
  const row = db
    .prepare(
      `SELECT e.admitted_on, e.known_from, e.ended_on, e.ended_by, d.discharge_type
       FROM closed_episodes e JOIN client_discharges d ON d.id = e.ended_by
       WHERE e.client_id = ? AND e.ended_on >= ? ORDER BY e.seq LIMIT 1`,
    )
    .get(client.id, on) as
    | {
        admitted_on: string | null;
        known_from: string;
        ended_on: string;
        ended_by: string;
        discharge_type: DischargeType;
      }
    | undefined;
  return row
    ? {
        admittedOn: row.admitted_on,
        knownFrom: row.known_from,
        endedOn: row.ended_on,
        type: row.discharge_type,
        endedBy: row.ended_by,
      }
    : null;
}

/** Sets the status alone (a signed discharge summary discharges the client); the caller audits it. */
export function setClientStatus(db: Db, id: string, status: ClientStatus, atMs: number): void {
  db.prepare('UPDATE clients SET status = ?, updated_at_ms = ? WHERE id = ?').run(status, atMs, id);
}
