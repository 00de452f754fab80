import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
import { migrationsFolder } from '../../paths';
import { documentSnapshots, documentUpdates, playbooks, users } from '../schema';
import { lockDataDir } from './dataDirLock';

/** The file is not a Fullcourt database, or a damaged one: nothing was replaced. */
export class InvalidBackupError extends Error {
  override name = 'InvalidBackupError';
}

export interface RestoreResult {
  /** The database file the server will open. */
  database: string;
  /** Where the database that was there before now is (with its -wal file, if it had one); undefined for a fresh folder. */
  keptAside: string | undefined;
}

const databaseFile = 'fullcourt.sqlite';
// Tables every Fullcourt database has since the first migrations; a file without them is something else.
const requiredTables = [...[playbooks, documentUpdates, documentSnapshots, users].map((t) => getTableName(t)), '__drizzle_migrations'];

/**
 * Puts a backup (`fullcourt admin backup`) in place as the data folder's database, offline: it
 * takes the folder's lock first, so it refuses while a server runs there and no server starts
 * meanwhile. The backup is copied into the folder and checked there (`PRAGMA integrity_check`,
 * Fullcourt's tables) before anything is replaced; the old database is renamed aside, never deleted.
 */
export function restoreSqliteBackup(
  backupFile: string,
  dataDir: string,
  now = new Date(),
  migrationsDir = migrationsFolder,
): RestoreResult {
  if (!existsSync(backupFile)) throw new InvalidBackupError(`No file at ${backupFile}.`);
  const lock = lockDataDir(dataDir);
  const target = join(dataDir, databaseFile);
  const incoming = join(dataDir, `${databaseFile}.restoring`);
  try {
    removeWithCompanions(incoming);
    copyFileSync(backupFile, incoming);
    try {
      check(incoming, backupFile, latestMigration(migrationsDir));
    } catch (error) {
      removeWithCompanions(incoming);
      throw error;
    }
    // Checking opened the copy: an empty -wal/-shm of it may remain, and must not follow it under the new name.
    removeCompanions(incoming);
    let keptAside: string | undefined;
    if (existsSync(target)) {
      // Named so that SQLite finds its -wal beside it: the old folder's state stays openable as it was.
      keptAside = join(dataDir, `fullcourt-before-restore-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
      renameSync(target, keptAside);
      for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAside + suffix);
    }
    renameSync(incoming, target);
    return { database: target, keptAside };
  } finally {
    lock.release();
  }
}

/** When this build's newest migration was made (drizzle records it as each applied migration's `created_at`). */
function latestMigration(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

function check(file: string, shownAs: string, latestKnownMigration: number): void {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new InvalidBackupError(`${shownAs} cannot be opened as an SQLite database: ${(error as Error).message}.`);
  }
  try {
    const result = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = result.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new InvalidBackupError(`${shownAs} is damaged (integrity_check: ${problems.slice(0, 3).join('; ')}).`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    const missing = requiredTables.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new InvalidBackupError(`${shownAs} is not a Fullcourt database (it has no ${missing.join(', ')} table).`);
    // This build would start on tables it does not know: the backup must be restored by the version that made it, or a newer one.
    const { newest } = db.prepare('SELECT max(created_at) AS newest FROM __drizzle_migrations').get() as { newest: number | null };
    if ((newest ?? 0) > latestKnownMigration)
      throw new InvalidBackupError(`${shownAs} was made by a newer version of Fullcourt than this one: upgrade, then restore.`);
  } catch (error) {
    if (error instanceof InvalidBackupError) throw error;
    throw new InvalidBackupError(`${shownAs} is not a readable SQLite database: ${(error as Error).message}.`);
  } finally {
    db.close();
  }
}

function removeCompanions(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

function removeWithCompanions(file: string): void {
  rmSync(file, { force: true });
  removeCompanions(file);
}
