/**
 * One server per data folder: two processes on one DATA_DIR would each compact their own
 * memory over the shared snapshot and silently lose each other's edits. The SQLite build holds
 * an OS-level file lock (db/sqlite/dataDirLock.ts); on PostgreSQL without REDIS_URL a process holds
 * an advisory lock (db/postgres/instanceLock.ts).
 * Either way the operating system or the database drops it when the holder dies.
 */
export interface InstanceLock {
  release(): void;
}

/** Who holds the lock, as that process noted it when it took the lock. */
export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

/** Another server already holds the data folder (or, on PostgreSQL, the database); starting a second one would lose edits. */
export class InstanceLockedError extends Error {
  override name = 'InstanceLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
    /** On PostgreSQL: the database (its address without credentials) another process holds. */
    readonly database?: string,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}`
      : 'another process (it has not said which yet)';
    super(
      database
        ? `Another Fullcourt process is already using the database ${database}: ${who}. ` +
            "Several processes on one database need REDIS_URL (the bus that carries edits between them); without it they lose each other's edits. " +
            'Stop that one first, or set REDIS_URL on every process.'
        : `Another Fullcourt server is already using DATA_DIR ${dataDir}: ${who}. ` +
            "Two servers on one data folder lose each other's edits. Stop that one first, or give this one its own DATA_DIR.",
    );
  }
}
