/** Search and sort of names from everywhere through the client list and quick find (shared/domain/names.ts). */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import {
  getClient,
  insertClient,
  listClients,
  quickFindClients,
  updateClient,
} from '../../../../electron/db/repositories/clients';
import type { ClientListQuery } from '../../../../shared/domain/clients';
import { listName } from '../../../../shared/domain/names';
import { aClient } from '../../../support/clients';

const PEOPLE: Array<[first: string, last: string]> = [
  ['Văn Minh', 'Đặng'],
  ['Anh', 'Dang'],
  ['Zofia', 'Łukasiewicz'],
  ['Min', 'Lee'],
  ['Emre', 'Yılmaz'],
  ['Lars', 'Øberg'],
  ['Siobhan', 'O’Brien'],
  ['Chidi', 'Okafor'],
  ['Wei', 'Zhou'],
  ['Thị Ánh', 'Nguyễn'],
];

function practice() {
  const db = new Database(':memory:');
  migrate(db);
  PEOPLE.forEach(([first, last], i) =>
    insertClient(
      db,
      `c${i}`,
      {
        ...aClient({
          legalFirstName: first,
          legalLastName: last,
          preferredName: '',
          nameOrder: last === 'Nguyễn' || last === 'Đặng' ? 'family-first' : 'given-first',
        }),
        chartNumber: `C-00000${i}`,
      },
      i,
    ),
  );
  return db;
}

const query = (over: Partial<ClientListQuery>): ClientListQuery => ({
  search: '',
  statuses: [],
  clinicianId: null,
  sort: { column: 'name', direction: 'asc' },
  page: 0,
  pageSize: 50,
  ...over,
});

describe('client names in the list and quick find', () => {
  it.each([
    ['dang', ['Dang, Anh', 'Đặng, Văn Minh']],
    ['đặng văn', ['Đặng, Văn Minh']],
    ['lukasiewicz', ['Łukasiewicz, Zofia']],
    ['yilmaz', ['Yılmaz, Emre']],
    ['oberg', ['Øberg, Lars']],
    ['obrien', ['O’Brien, Siobhan']],
    ["o'brien", ['O’Brien, Siobhan']],
    ['nguyen thi', ['Nguyễn, Thị Ánh']],
  ])('"%s" finds %j in the list and in quick find', (search, names) => {
    const db = practice();
    expect(listClients(db, query({ search })).rows.map(listName)).toEqual(names);
    expect(quickFindClients(db, search, 10).map(listName).sort()).toEqual([...names].sort());
  });

  it('sorts by the collation key in both directions, as Intl.Collator orders "Family, Given"', () => {
    const db = practice();
    const collator = new Intl.Collator('en');
    const expected = PEOPLE.map(([first, last]) =>
      listName({ legalFirstName: first, legalLastName: last }),
    ).sort(collator.compare);
    const asc = listClients(db, query({})).rows.map(listName);
    expect(asc).toEqual(expected);
    const desc = listClients(db, query({ sort: { column: 'name', direction: 'desc' } })).rows.map(listName);
    expect(desc).toEqual([...expected].reverse());
    expect(asc.indexOf('Łukasiewicz, Zofia')).toBeLessThan(asc.indexOf('Nguyễn, Thị Ánh'));
    expect(asc.indexOf('O’Brien, Siobhan')).toBeLessThan(asc.indexOf('Okafor, Chidi'));
  });

  it('keeps the name order and re-indexes a renamed client', () => {
    const db = practice();
    const anh = getClient(db, 'c9');
    expect(anh?.nameOrder).toBe('family-first');
    if (!anh) throw new Error('missing');
    updateClient(db, 'c9', { ...anh, discharge: null, legalLastName: 'Trần' }, 99);
    expect(quickFindClients(db, 'nguyen', 5)).toEqual([]);
    expect(quickFindClients(db, 'tran', 5).map((r) => r.nameOrder)).toEqual(['family-first']);
  });
});
