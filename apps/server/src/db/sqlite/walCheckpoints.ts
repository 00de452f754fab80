import type Database from 'better-sqlite3';
import { translateSqliteError } from './sqliteErrors';

/**
 * SQLite's automatic checkpoints copy the WAL back into the database but never shrink the WAL
 * file: one burst of edits (or a long read) leaves it at its largest for good. A periodic
 * TRUNCATE checkpoint brings it back to zero while the server is quiet, and journal_size_limit
 * (set when opening) caps what is kept between checkpoints.
 */
export function startWalCheckpoints(sqlite: Database.Database, intervalMs: number, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    try {
      // Returns busy=1 when a reader (another process) holds the WAL; the next run tries again.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      onError(translateSqliteError(error));
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
