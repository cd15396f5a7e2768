import type { Migration } from './types';

/**
 * Clients. `sort_name` is the folded "last, first" the list sorts and pages on; every sortable column has an index
 * (with sort_name as tie-break) so list queries never sort in a temp b-tree. `client_search` is an FTS5 index of
 * names and chart numbers kept in step by triggers, for search by any part of a name or number.
 */
export const clients: Migration = {
  version: 50,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id TEXT PRIMARY KEY,
        chart_number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        legal_first_name TEXT NOT NULL,
        legal_last_name TEXT NOT NULL,
        preferred_name TEXT NOT NULL DEFAULT '',
        sort_name TEXT NOT NULL,
        date_of_birth TEXT NOT NULL,
        pronouns TEXT NOT NULL DEFAULT '',
        sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'intersex', 'not-recorded')),
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        emergency_name TEXT NOT NULL DEFAULT '',
        emergency_relationship TEXT NOT NULL DEFAULT '',
        emergency_phone TEXT NOT NULL DEFAULT '',
        admission_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'on-hold', 'discharged')),
        assigned_clinician_id TEXT REFERENCES users (id),
        created_at_ms INTEGER NOT NULL,
        updated_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX clients_by_name ON clients (sort_name, id);
      CREATE INDEX clients_by_status ON clients (status, sort_name, id);
      CREATE INDEX clients_by_clinician ON clients (assigned_clinician_id, sort_name, id);
      CREATE INDEX clients_by_birth ON clients (date_of_birth, sort_name, id);
      CREATE INDEX clients_by_admission ON clients (admission_date, sort_name, id);

      CREATE VIRTUAL TABLE client_search USING fts5 (
        client_id UNINDEXED, names, chart_number,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
        INSERT INTO client_search (client_id, names, chart_number)
        VALUES (new.id, new.legal_first_name || ' ' || new.legal_last_name || ' ' || new.preferred_name, new.chart_number);
      END;
      CREATE TRIGGER clients_search_update AFTER UPDATE ON clients BEGIN
        DELETE FROM client_search WHERE client_id = old.id;
        INSERT INTO client_search (client_id, names, chart_number)
        VALUES (new.id, new.legal_first_name || ' ' || new.legal_last_name || ' ' || new.preferred_name, new.chart_number);
      END;
      CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
        DELETE FROM client_search WHERE client_id = old.id;
      END;
    `);
  },
};
