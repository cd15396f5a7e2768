/**
 * 0810 wording-history: existing versions are described from what they hold (a shipped version right after the
 * clinic's own went back to it; any other shipped version reviewed it; a clinic text was written by its reviewer, its
 * shipped base unknown), and the versions stay unchangeable.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../electron/db/migrations';
import { wordingHistory } from '../../../../electron/db/migrations/0810-wording-history';
import { databaseBefore, seedClinician, versionBefore } from '../../../support/migrations';

describe('migration 0810 wording-history', () => {
  it('comes right after the migration before it', () => {
    expect(versionBefore(wordingHistory)).toBeGreaterThan(0);
    expect(wordingHistory.version).toBe(810);
  });

  it('describes existing versions and keeps them unchangeable', () => {
    const db = databaseBefore(wordingHistory);
    seedClinician(db);
    const insert = db.prepare(
      `INSERT INTO clinic_wording (language, message_id, version, source, text, reviewed_by, reviewed_at_ms)
       VALUES ('es', ?, ?, ?, ?, 'u1', ?)`,
    );
    insert.run('taper.steps', 1, 'shipped', 'Sus pasos', 10);
    insert.run('safety.signs', 1, 'clinic', 'Señales de un mal momento', 20);
    insert.run('safety.signs', 2, 'shipped', 'Señales de que puede empezar un momento difícil', 30);
    // Reviewed again after going back: a review, not a second restore.
    insert.run('safety.signs', 3, 'shipped', 'Señales de que puede empezar un momento difícil', 40);
    migrate(db, wordingHistory.version);
    expect(
      db
        .prepare(
          'SELECT message_id, version, kind, based_on, written_by FROM clinic_wording ORDER BY message_id, version',
        )
        .all(),
    ).toEqual([
      { message_id: 'safety.signs', version: 1, kind: 'written', based_on: null, written_by: 'u1' },
      {
        message_id: 'safety.signs',
        version: 2,
        kind: 'restored',
        based_on: 'Señales de que puede empezar un momento difícil',
        written_by: null,
      },
      {
        message_id: 'safety.signs',
        version: 3,
        kind: 'reviewed',
        based_on: 'Señales de que puede empezar un momento difícil',
        written_by: null,
      },
      { message_id: 'taper.steps', version: 1, kind: 'reviewed', based_on: 'Sus pasos', written_by: null },
    ]);
    expect(() => db.prepare(`UPDATE clinic_wording SET kind = 'reviewed'`).run()).toThrow(/never changed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO clinic_wording (language, message_id, version, source, kind, text, reviewed_by, reviewed_at_ms)
           VALUES ('en', 'taper.stop', 1, 'clinic', 'edited', 'Stop', 'u1', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });
});
