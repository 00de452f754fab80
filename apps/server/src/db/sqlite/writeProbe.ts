import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { StorageError, type StorageFailureKind } from '../storageError';
import { translateSqliteError } from './sqliteErrors';

const errnoKinds: Record<string, StorageFailureKind> = {
  EACCES: 'read-only',
  EPERM: 'read-only',
  EROFS: 'read-only',
  ENOSPC: 'full',
  EDQUOT: 'full',
  EFBIG: 'full',
  EIO: 'io',
};

/**
 * Writes, syncs and deletes a small file in the data folder, so a folder the server cannot
 * write stops the boot with a clear message instead of a server that loses every edit. Root
 * ignores file modes, so this is the honest test: it asks the kernel, not the permission bits.
 */
export function probeDataDir(dataDir: string): void {
  const file = join(dataDir, `.write-probe-${process.pid}`);
  try {
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, 'fullcourt');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    rmSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';
    const kind = errnoKinds[code];
    if (!kind) throw error;
    throw new StorageError(kind, code, `Cannot write in DATA_DIR ${dataDir} (${code})`, { cause: error });
  }
}

/**
 * A real write transaction on the database (it rewrites its user_version, which nothing else
 * uses), so a read-only or failing database is noticed before anyone's edit depends on it.
 */
export function probeDatabase(sqlite: Database.Database): void {
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.transaction(() => sqlite.pragma(`user_version = ${version}`)).immediate();
  } catch (error) {
    throw translateSqliteError(error);
  }
}
