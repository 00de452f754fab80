import type Database from 'better-sqlite3';

/** A storage failure a test can switch on in the running server, with the real SQLite underneath. */
export type StorageFault = 'full' | 'read-only';

const defaultMaxPages = new WeakMap<Database.Database, number>();

/**
 * Test-only. `full` caps the database at its current page count (`PRAGMA max_page_count`), so
 * any write that needs a new page fails with SQLITE_FULL, as on a full disk; `read-only` turns on
 * `PRAGMA query_only`, so every write fails with SQLITE_READONLY. `undefined` lifts both.
 * Tests run as root, for whom file modes change nothing, hence pragmas rather than chmod.
 */
export function injectSqliteFault(sqlite: Database.Database, fault: StorageFault | undefined): void {
  if (!defaultMaxPages.has(sqlite)) defaultMaxPages.set(sqlite, sqlite.pragma('max_page_count', { simple: true }) as number);
  const maxPages = fault === 'full' ? (sqlite.pragma('page_count', { simple: true }) as number) : defaultMaxPages.get(sqlite);
  sqlite.pragma(`max_page_count = ${maxPages}`);
  sqlite.pragma(`query_only = ${fault === 'read-only' ? 'ON' : 'OFF'}`);
}
