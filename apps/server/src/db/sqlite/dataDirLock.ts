import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type InstanceLock, InstanceLockedError, type LockHolder } from '../instanceLock';
import { StorageError } from '../storageError';
import { translateSqliteError } from './sqliteErrors';

const lockFile = 'server.lock';
// The locked database cannot be read by anyone else, so who holds it is noted beside it.
const holderFile = 'server.lock.json';

/**
 * Takes the data folder's lock: a tiny SQLite database held in EXCLUSIVE locking mode, which
 * keeps an OS file lock (fcntl) for as long as the connection is open. The kernel drops it when
 * the process exits in any way, kill -9 included, so a crash never leaves a stale lock; the
 * holder note it leaves behind is simply overwritten by the next holder.
 */
export function lockDataDir(dataDir: string): InstanceLock {
  const db = new Database(join(dataDir, lockFile), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write transaction takes the EXCLUSIVE lock; exclusive mode then never gives it back.
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    db.close();
    const translated = translateSqliteError(error);
    if (translated instanceof StorageError && translated.kind === 'busy') {
      throw new InstanceLockedError(dataDir, readHolder(dataDir));
    }
    throw translated;
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  writeFileSync(join(dataDir, holderFile), `${JSON.stringify(holder)}\n`);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      rmSync(join(dataDir, holderFile), { force: true });
      db.close();
    },
  };
}

function readHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, holderFile), 'utf8')) as LockHolder;
  } catch {
    // The holder has locked but not yet written its note, or removed it while stopping.
    return undefined;
  }
}
