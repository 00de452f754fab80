/**
 * Storage failures the rest of the server can act on, without knowing which database raised
 * them: db/ translates its driver's errors into these, and http/problem.ts maps them to a 503
 * problem that says what to do. Anything else a store throws is a bug and stays a 500.
 */
export type StorageFailureKind = 'full' | 'read-only' | 'io' | 'busy' | 'corrupt' | 'unavailable';

/** What an operator should do about each kind of failure, for problems, health and boot messages. */
const advice: Record<StorageFailureKind, string> = {
  full: 'The disk holding the data folder (DATA_DIR) is full. Free some space; the server stores what it holds on its own once it can.',
  'read-only': 'The data folder (DATA_DIR) or its database is read-only for the server. Make it writable for the user the server runs as.',
  io: 'The disk holding the data folder (DATA_DIR) reported an I/O error. Check the disk and the system log.',
  busy: 'The database is locked by another process. Make sure only one Fullcourt server uses this DATA_DIR.',
  corrupt: 'The database file in DATA_DIR is damaged. Stop the server and restore the folder from a backup.',
  unavailable:
    'The database server (DATABASE_URL) cannot be reached or refuses the connection. Check that it is running and that the address and credentials are right.',
};

/** The same, for a server on PostgreSQL (DATABASE_URL), whose data folder is not where the data is. */
const postgresAdvice: Record<StorageFailureKind, string> = {
  full: 'The disk of the database server (DATABASE_URL) is full. Free some space there; the server stores what it holds on its own once it can.',
  'read-only':
    'The database (DATABASE_URL) accepts no writes: it is a standby, or read-only for this user. Point DATABASE_URL at the primary, with a user that may write.',
  io: 'The database server (DATABASE_URL) reported an I/O error. Check its disk and its log.',
  busy: 'The database (DATABASE_URL) kept a lock too long. Check for long-running transactions on it.',
  corrupt: 'The database server (DATABASE_URL) reports damaged data. Check its log and restore from a backup.',
  unavailable: advice.unavailable,
};

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageFailureKind,
    /** The driver's own code (e.g. SQLITE_FULL, or a PostgreSQL SQLSTATE), for logs. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown; database?: 'sqlite' | 'postgres' },
  ) {
    super(message, options);
    this.database = options?.database ?? 'sqlite';
  }

  /** Which database failed, so the advice points at the right place. */
  readonly database: 'sqlite' | 'postgres';

  /** One sentence an administrator can act on; never names files or internals beyond DATA_DIR or DATABASE_URL. */
  get advice(): string {
    return (this.database === 'postgres' ? postgresAdvice : advice)[this.kind];
  }
}
