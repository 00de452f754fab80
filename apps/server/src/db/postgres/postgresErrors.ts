import { StorageError, type StorageFailureKind } from '../storageError';

/** SQLSTATE codes (exact, or by class: the first two characters) that mean storage itself is failing. */
const byCode: Record<string, StorageFailureKind> = {
  '53100': 'full', // disk_full
  '25006': 'read-only', // read_only_sql_transaction (a standby, or default_transaction_read_only)
  '55P03': 'busy', // lock_not_available (lock_timeout)
  '57014': 'busy', // query_canceled (statement_timeout)
  '40P01': 'busy', // deadlock_detected
  '57P01': 'unavailable', // admin_shutdown
  '57P02': 'unavailable', // crash_shutdown
  '57P03': 'unavailable', // cannot_connect_now (starting up, shutting down)
  '53300': 'unavailable', // too_many_connections
  '58030': 'io', // io_error
  XX001: 'corrupt', // data_corrupted
  XX002: 'corrupt', // index_corrupted
};
const byClass: Record<string, StorageFailureKind> = {
  '08': 'unavailable', // connection exceptions
  '28': 'unavailable', // invalid authorization (wrong password in DATABASE_URL)
  '3D': 'unavailable', // invalid catalog name (the database does not exist)
};
/** Node's socket errors when the server is down or the connection drops. */
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** What node-postgres says (without a code) when a connection ends under a query or cannot be had in time. */
const connectionMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

/** The StorageError for a failing database, or the error unchanged when it is not one (a constraint, a bug). */
export function translatePostgresError(error: unknown): unknown {
  if (error instanceof StorageError || !(error instanceof Error)) return error;
  // drizzle wraps driver errors ("Failed query: …") with the driver's error as the cause.
  const driver = error.cause instanceof Error ? error.cause : error;
  const code = (driver as { code?: unknown }).code;
  let kind: StorageFailureKind | undefined;
  if (typeof code === 'string') kind = byCode[code] ?? byClass[code.slice(0, 2)] ?? (socketCodes.has(code) ? 'unavailable' : undefined);
  if (!kind && connectionMessages.some((m) => m.test(driver.message))) kind = 'unavailable';
  if (!kind) return error;
  return new StorageError(
    kind,
    typeof code === 'string' ? code : 'CONNECTION',
    `${typeof code === 'string' ? `${code}: ` : ''}${driver.message}`,
    { cause: error, database: 'postgres' },
  );
}
