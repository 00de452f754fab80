import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getTableName } from 'drizzle-orm';
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
const requiredTables = [playbooks, documentUpdates, documentSnapshots, users].map((t) => getTableName(t));

/**
 * Puts a backup (`fullcourt admin backup`) in place as the data folder's database, offline: it
 * takes the folder's lock first, so it refuses while a server runs there and no server starts
 * meanwhile. The backup is copied into the folder and checked there (`PRAGMA integrity_check`,
 * Fullcourt's tables) before anything is replaced; the old database is renamed aside, never deleted.
 */
export function restoreSqliteBackup(backupFile: string, dataDir: string, now = new Date()): RestoreResult {
  if (!existsSync(backupFile)) throw new InvalidBackupError(`No file at ${backupFile}.`);
  const lock = lockDataDir(dataDir);
  const target = join(dataDir, databaseFile);
  const incoming = join(dataDir, `${databaseFile}.restoring`);
  try {
    removeWithCompanions(incoming);
    copyFileSync(backupFile, incoming);
    try {
      check(incoming, backupFile);
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

function check(file: string, shownAs: string): void {
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
