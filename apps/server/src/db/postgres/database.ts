import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from './schema';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction of `Db` (what `db.transaction` hands its callback). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function pgDatabase(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}

/**
 * Advisory lock spaces (the first key of PostgreSQL's two-key form; the second is the playbook's
 * hash, or 0). Fixed numbers, so every process of every version takes the same locks.
 */
export const lockSpace = {
  /** The one process on a database without REDIS_URL (a session lock). */
  instance: 0x46430001,
  /** One compaction at a time per playbook. */
  compaction: 0x46430002,
  /** Version numbers are taken one save at a time per playbook. */
  versions: 0x46430003,
  /** One process applies migrations at a time. */
  migrations: 0x46430004,
} as const;

/** The bytes of a Uint8Array as a Buffer, without copying (what node-postgres sends as bytea). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
