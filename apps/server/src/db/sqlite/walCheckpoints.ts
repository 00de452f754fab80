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
    // TRUNCATE waits on the busy handler for readers to finish; on this thread that would stall
    // every client, so it gives up at once (busy=1) and the next interval tries again.
    const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
    try {
      sqlite.pragma('busy_timeout = 0');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      onError(translateSqliteError(error));
    } finally {
      sqlite.pragma(`busy_timeout = ${timeout}`);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
