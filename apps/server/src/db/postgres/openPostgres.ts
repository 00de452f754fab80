import type { Storage } from '../storage';
import { StorageError } from '../storageError';

export interface PostgresOptions {
  url: string;
  /** Several processes share the database (REDIS_URL is set); otherwise one holds an advisory lock. */
  shared: boolean;
  onHousekeepingError?: (error: unknown) => void;
}

/** Opens PostgreSQL storage at `url`, migrated and ready (being built in issue 11). */
export async function openPostgresStorage(_options: PostgresOptions): Promise<Storage> {
  throw new StorageError('unavailable', 'NOT_BUILT', 'PostgreSQL storage is not available in this build yet.');
}
