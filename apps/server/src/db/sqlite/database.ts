import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder } from '../../paths';
import * as schema from '../schema';

export type Db = BetterSQLite3Database<typeof schema>;

/** Opens (creating if needed) the SQLite file in WAL mode and applies pending migrations. */
export function openDatabase(dataDir: string, synchronous: 'NORMAL' | 'FULL', migrationsDir = migrationsFolder) {
  mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(join(dataDir, 'fullcourt.sqlite'));
  // WAL lets readers run beside the writer; with synchronous=NORMAL a committed transaction
  // survives a crash of this process, which is the promise made to editors.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  // Migrations that rebuild a table (SQLite's way to change a column) must run with foreign keys
  // off: the migrator's transaction makes the migration's own PRAGMA a no-op, and better-sqlite3
  // turns them on by default.
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: migrationsDir });
  const broken = sqlite.pragma('foreign_key_check') as unknown[];
  if (broken.length > 0)
    throw new Error(`Migrations left ${broken.length} broken references in ${dataDir}; the database was not changed further.`);
  sqlite.pragma('foreign_keys = ON');
  return { db, sqlite };
}
