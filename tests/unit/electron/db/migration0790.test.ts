/**
 * 0790 client-language: existing clients keep English documents and no interpreter; the columns take only the
 * known languages and a yes/no.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { clientLanguage } from '../../../../electron/db/migrations/0790-client-language';
import { databaseBefore, versionBefore } from '../../../support/migrations';

describe('migration 0790 client-language', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(clientLanguage)).toBeGreaterThan(0);
    expect(clientLanguage.version).toBe(790);
  });

  it('gives existing clients English documents and no interpreter, and refuses unknown values', () => {
    const db = databaseBefore(clientLanguage);
    db.prepare(
      `INSERT INTO clients (id, chart_number, legal_first_name, legal_last_name, sort_name, date_of_birth, sex,
         admission_date, status, created_at_ms, updated_at_ms)
       VALUES ('c1', 'C-000001', 'Thị Ánh', 'Nguyễn', 'nguyễn, thị ánh', '1990-03-14', 'female', '2026-11-01',
         'active', 1, 1)`,
    ).run();
    migrate(db, clientLanguage.version);
    expect(
      db.prepare('SELECT legal_first_name, document_language, interpreter_needed FROM clients').get(),
    ).toEqual({ legal_first_name: 'Thị Ánh', document_language: 'en', interpreter_needed: 0 });
    db.prepare(`UPDATE clients SET document_language = 'es', interpreter_needed = 1`).run();
    expect(() => db.prepare(`UPDATE clients SET document_language = 'fr'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE clients SET interpreter_needed = 2`).run()).toThrow(/CHECK/);
  });
});
