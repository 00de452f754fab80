import type Database from 'better-sqlite3';
import { translateSqliteError } from './sqliteErrors';

/**
 * Copies the live database into `destination` with SQLite's online backup API while the server
 * keeps writing: pages are copied a batch at a time with the event loop free in between, and
 * writes made meanwhile on this same connection are copied too, so the file is one consistent
 * state holding at least everything committed before the backup began.
 */
export async function backupDatabase(sqlite: Database.Database, destination: string): Promise<void> {
  try {
    await sqlite.backup(destination);
  } catch (error) {
    throw translateSqliteError(error);
  }
}
