import type { Migration } from './types';

/**
 * What a group session covered (CLINICAL.md §5, the group note's shared block), beside its topic. Existing groups
 * start with it empty; it is edited with the group until the first attendee's note is signed.
 */
export const groupCovered: Migration = {
  version: 200,
  name: 'group-covered',
  up(db) {
    db.exec(`ALTER TABLE group_sessions ADD COLUMN covered TEXT NOT NULL DEFAULT '';`);
  },
};
