import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import {
  clientListSql,
  ftsQuery,
  insertClient,
  listClients,
  quickFindClients,
} from '../../../../electron/db/repositories/clients';
import {
  CLIENT_SORT_COLUMNS,
  type ClientListQuery,
  type ClientStatus,
} from '../../../../shared/domain/clients';
import { aClient } from '../../../support/clients';

const N = 50_000;
const FIRST = [
  'Ana',
  'Bao',
  'Chiara',
  'Dmitri',
  'Efua',
  'Farid',
  'Greta',
  'Hiro',
  'Inès',
  'Jonas',
  'Kalani',
  'Léa',
];
const LAST = [
  'Abara',
  'Brennan',
  'Castillo',
  'Dubois',
  'Eklund',
  'Fujita',
  'García',
  'Haddad',
  'Ivanova',
  'Jensen',
];
const STATUSES: ClientStatus[] = ['active', 'active', 'on-hold', 'discharged'];

const query = (over: Partial<ClientListQuery> = {}): ClientListQuery => ({
  search: '',
  statuses: [],
  clinicianId: null,
  sort: { column: 'name', direction: 'asc' },
  page: 0,
  pageSize: 50,
  ...over,
});

describe('client list at 50,000 clients', () => {
  const db = new Database(':memory:');
  beforeAll(() => {
    migrate(db);
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u1', 'ana', 'Ana Ruiz', 'LPC', 'clinician', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, created_at_ms) VALUES ('u2', 'bo', 'Bo Lind', 'LCSW', 'supervisor', 1)`,
    ).run();
    db.transaction(() => {
      for (let i = 0; i < N; i += 1) {
        insertClient(
          db,
          `id-${i}`,
          {
            ...aClient({
              legalFirstName: FIRST[i % FIRST.length] ?? 'A',
              legalLastName: `${LAST[(i * 7) % LAST.length] ?? 'B'}${i}`,
              preferredName: '',
              dateOfBirth: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
              admissionDate: `2026-0${1 + (i % 9)}-2${i % 8}`,
              status: STATUSES[i % STATUSES.length] ?? 'active',
              assignedClinicianId: i % 3 === 0 ? 'u2' : 'u1',
            }),
            chartNumber: `C-${String(i + 1).padStart(6, '0')}`,
          },
          i,
        );
      }
    })();
    // Seeding 50,000 clients is the slow part; a busy 2-core machine must not fail it on time alone.
  }, 600_000);

  function plan(q: ClientListQuery): string {
    const { where, orderBy, params } = clientListSql(q);
    const rows = db
      .prepare(`EXPLAIN QUERY PLAN SELECT c.id FROM clients c ${where} ORDER BY ${orderBy} LIMIT 50 OFFSET 0`)
      .all(...params) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  }

  const shapes: Array<[string, Partial<ClientListQuery>]> = [
    ...CLIENT_SORT_COLUMNS.flatMap((column) =>
      (['asc', 'desc'] as const).map((direction): [string, Partial<ClientListQuery>] => [
        `sorted by ${column} ${direction}`,
        { sort: { column, direction } },
      ]),
    ),
    ['one status, by name', { statuses: ['active'] }],
    ['two statuses, by name', { statuses: ['active', 'on-hold'] }],
    ['one clinician, by name', { clinicianId: 'u2' }],
    ['search, by name', { search: 'gar' }],
    ['search and status and clinician', { search: 'inès', statuses: ['discharged'], clinicianId: 'u1' }],
  ];

  it.each(shapes)('uses an index and never sorts in a temp b-tree: %s', (_name, over) => {
    const p = plan(query(over));
    expect(p).toMatch(/USING (COVERING )?INDEX|VIRTUAL TABLE INDEX|USING INTEGER PRIMARY KEY/);
    expect(p).not.toMatch(/^SCAN c$/m);
    if (!over.search) expect(p).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('pages in order with the right total', () => {
    const first = listClients(db, query({ statuses: ['active'], pageSize: 100 }));
    expect(first.total).toBe(N / 2);
    const second = listClients(db, query({ statuses: ['active'], pageSize: 100, page: 1 }));
    const names = [...first.rows, ...second.rows].map((r) =>
      `${r.legalLastName}, ${r.legalFirstName}`.toLowerCase(),
    );
    expect(names).toEqual(
      [...names].sort((a, b) => a.normalize('NFKD').localeCompare(b.normalize('NFKD'), 'en')),
    );
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(200);
  });

  it('finds by any part of a name, ignoring accents and case, and by chart number', () => {
    const byAccent = listClients(db, query({ search: 'ines', pageSize: 5 }));
    expect(byAccent.total).toBe(Math.ceil(N / FIRST.length) - (N % FIRST.length > 8 ? 0 : 1));
    expect(byAccent.rows.every((r) => r.legalFirstName === 'Inès')).toBe(true);
    expect(quickFindClients(db, 'C-012345', 3)[0]?.chartNumber).toBe('C-012345');
    expect(quickFindClients(db, 'garc 1', 5).every((r) => r.legalLastName.startsWith('García1'))).toBe(true);
  });

  it('builds safe FTS queries from anything typed', () => {
    expect(ftsQuery('  ')).toBeNull();
    expect(ftsQuery('"; DROP TABLE clients; --')).toBe('"drop"* "table"* "clients"*');
    expect(ftsQuery('Núñez-Ortiz')).toBe('"nunez"* "ortiz"*');
    expect(() => listClients(db, query({ search: 'AND OR NOT ( ) * " ^' }))).not.toThrow();
  });
});
