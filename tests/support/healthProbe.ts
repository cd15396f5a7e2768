/** Runs the database health check on argv[2] in this process and prints the error code (used under setpriv). */
import { randomBytes } from 'node:crypto';
import { checkDatabaseFile } from '../../electron/db/connection';
import { AppError } from '../../electron/errors';

try {
  checkDatabaseFile(process.argv[2] ?? '', randomBytes(32));
  process.stdout.write('opened');
} catch (err) {
  process.stdout.write(err instanceof AppError ? err.code : 'unexpected');
}
