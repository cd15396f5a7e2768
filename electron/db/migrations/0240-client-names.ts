import { nameSearchText, nameSortKey } from '../../../shared/domain/names';
import type { Migration } from './types';

/**
 * Names from everywhere (issue 9, item 1).
 *
 * - `name_order`: whether the client writes the family name first (Vietnamese, Chinese, Korean, Hungarian...) or
 *   last, so a full name is never printed reversed. Existing clients are given-first, as they were shown.
 * - `sort_name` now holds the collation key of "Family, Given" (shared/domain/names.ts `nameSortKey`): byte order of
 *   the key is the order Intl.Collator gives, so "Łukasiewicz" sorts among the L's and "O’Brien" before "Okafor".
 *   The indexes behind every sort already end in (sort_name, id), so the list stays an index walk at 50,000 clients.
 * - `search_names`: the folded words the quick find and the list search match (`nameSearchText`: "Đặng" → "dang",
 *   "O’Brien" → "obrien o brien"), computed in the app and indexed by the FTS triggers, which now read this column
 *   instead of folding nothing themselves.
 *
 * The backfill runs in JavaScript because the fold table lives in shared code; the search index is rebuilt whole.
 */
export const clientNames: Migration = {
  version: 240,
  name: 'client-names',
  up(db) {
    db.exec(`
      ALTER TABLE clients ADD COLUMN name_order TEXT NOT NULL DEFAULT 'given-first'
        CHECK (name_order IN ('given-first', 'family-first'));
      ALTER TABLE clients ADD COLUMN search_names TEXT NOT NULL DEFAULT '';
      DROP TRIGGER clients_search_insert;
      DROP TRIGGER clients_search_update;
    `);
    const rows = db
      .prepare('SELECT id, legal_first_name, legal_last_name, preferred_name FROM clients')
      .all() as Array<{
      id: string;
      legal_first_name: string;
      legal_last_name: string;
      preferred_name: string;
    }>;
    const update = db.prepare('UPDATE clients SET sort_name = ?, search_names = ? WHERE id = ?');
    for (const r of rows) {
      const name = { legalFirstName: r.legal_first_name, legalLastName: r.legal_last_name };
      update.run(
        nameSortKey(name),
        nameSearchText([r.legal_first_name, r.legal_last_name, r.preferred_name]),
        r.id,
      );
    }
    db.exec(`
      DELETE FROM client_search;
      INSERT INTO client_search (client_id, names, chart_number) SELECT id, search_names, chart_number FROM clients;
      CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
        INSERT INTO client_search (client_id, names, chart_number) VALUES (new.id, new.search_names, new.chart_number);
      END;
      CREATE TRIGGER clients_search_update AFTER UPDATE OF search_names, chart_number ON clients BEGIN
        DELETE FROM client_search WHERE client_id = old.id;
        INSERT INTO client_search (client_id, names, chart_number) VALUES (new.id, new.search_names, new.chart_number);
      END;
    `);
  },
};
