/**
 * One server per data folder: two processes on one DATA_DIR would each compact their own
 * memory over the shared snapshot and silently lose each other's edits. The SQLite build holds
 * an OS-level file lock (db/sqlite/dataDirLock.ts); a Postgres build would hold an advisory lock.
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

/** Another server already holds the data folder; starting a second one would lose edits. */
export class InstanceLockedError extends Error {
  override name = 'InstanceLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.host}, started ${holder.startedAt}`
      : 'another process (it has not said which yet)';
    super(
      `Another Fullcourt server is already using DATA_DIR ${dataDir}: ${who}. ` +
        "Two servers on one data folder lose each other's edits. Stop that one first, or give this one its own DATA_DIR.",
    );
  }
}
