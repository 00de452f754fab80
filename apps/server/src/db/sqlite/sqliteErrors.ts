import Database from 'better-sqlite3';
import { StorageError, type StorageFailureKind } from '../storageError';

/** SQLite result codes (and extended codes, by prefix) that mean storage itself is failing. */
const kinds: [prefix: string, kind: StorageFailureKind][] = [
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_CANTOPEN', 'read-only'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_IOERR', 'io'],
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
];

/** The StorageError for a failing database, or the error unchanged when it is not one (a constraint, a bug). */
export function translateSqliteError(error: unknown): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const match = kinds.find(([prefix]) => error.code.startsWith(prefix));
  return match ? new StorageError(match[1], error.code, `${error.code}: ${error.message}`, { cause: error }) : error;
}
