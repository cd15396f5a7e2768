import type { Db } from '../connection';
import type { Role, User } from '../../../shared/domain/identity';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  credentials: string;
  role: Role;
  administrator: number;
  created_at_ms: number;
}

export const userFromRow = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  credentials: r.credentials,
  role: r.role,
  administrator: r.administrator === 1,
  createdAtMs: r.created_at_ms,
});

export function insertUser(db: Db, user: User): void {
  db.prepare(
    `INSERT INTO users (id, username, display_name, credentials, role, administrator, created_at_ms)
     VALUES (@id, @username, @displayName, @credentials, @role, @administrator, @createdAtMs)`,
  ).run({ ...user, administrator: user.administrator ? 1 : 0 });
}

export function setUserRole(db: Db, id: string, role: Role, administrator: boolean): void {
  db.prepare('UPDATE users SET role = ?, administrator = ? WHERE id = ?').run(
    role,
    administrator ? 1 : 0,
    id,
  );
}

export function countAdministrators(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM users WHERE administrator = 1').get() as { n: number }).n;
}

export function getUser(db: Db, id: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? userFromRow(row) : null;
}

export function findUserByUsername(db: Db, username: string): User | null {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row ? userFromRow(row) : null;
}

export function listUsers(db: Db): User[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name').all() as UserRow[]).map(userFromRow);
}
