import { openSqliteStorage, type SqliteOptions } from './sqlite/openSqlite';
import type { Storage } from './storage';

export type * from './instanceLock';
export { InstanceLockedError } from './instanceLock';
export { type StorageFault, simulateStorageFault } from './sqlite/openSqlite';
export { InvalidBackupError, type RestoreResult, restoreSqliteBackup } from './sqlite/restoreBackup';
export type * from './storage';
export type { StorageFailureKind } from './storageError';
export { StorageError } from './storageError';

export interface StorageOptions extends SqliteOptions {
  /** `postgres://…`: store in PostgreSQL instead of the embedded SQLite file in `dataDir`. */
  databaseUrl?: string;
  /**
   * Several processes share the database (a bus carries edits between them). Without it a
   * process on PostgreSQL holds an advisory lock, so a second one refuses to start.
   */
  shared?: boolean;
}

/**
 * Opens the storage the settings name, migrated and ready: PostgreSQL when `databaseUrl` is set,
 * otherwise the embedded SQLite in `dataDir`. Refuses storage it cannot write (StorageError) or
 * that another server holds (InstanceLockedError).
 */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  if (!options.databaseUrl) return openSqliteStorage(options);
  // Loaded only when asked for: a server on SQLite never pays for the Postgres driver.
  const { openPostgresStorage } = await import('./postgres/openPostgres');
  return openPostgresStorage({
    url: options.databaseUrl,
    shared: options.shared ?? false,
    onHousekeepingError: options.onHousekeepingError,
  });
}
