import type Database from 'better-sqlite3';

export interface Migration {
  /** Also the schema's user_version once applied. Numbered in tens so a fix can slot in between. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
