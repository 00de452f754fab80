import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from '../schema';

export type Db = BetterSQLite3Database<typeof schema>;

const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../drizzle');

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(dataDir: string, synchronous: 'NORMAL' | 'FULL') {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, 'fullcourt.sqlite'));
  // WAL lets readers run beside the writer; with synchronous=NORMAL a committed transaction
  // survives a crash of this process, which is the promise made to editors.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return { db, sqlite };
}
