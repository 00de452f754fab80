import { mkdirSync } from 'node:fs';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type Database from 'better-sqlite3';
import { accounts, sessions, users, verifications } from './schema';
import { sqliteAccessStore } from './sqlite/accessStore';
import { sqliteAuditStore } from './sqlite/auditStore';
import { openDatabase } from './sqlite/database';
import { lockDataDir } from './sqlite/dataDirLock';
import { sqliteDocumentStore } from './sqlite/documentStore';
import { injectSqliteFault, type StorageFault } from './sqlite/faultInjection';
import { sqliteInvitationStore } from './sqlite/invitationStore';
import { sqlitePlaybookStore } from './sqlite/playbookStore';
import { translateSqliteError, translatingErrors } from './sqlite/sqliteErrors';
import { sqliteTeamStore } from './sqlite/teamStore';
import { sqliteTokenStore } from './sqlite/tokenStore';
import { sqliteUserStore } from './sqlite/userStore';
import { sqliteVersionStore } from './sqlite/versionStore';
import { startWalCheckpoints } from './sqlite/walCheckpoints';
import { sqliteWebhookStore } from './sqlite/webhookStore';
import { probeDatabase, probeDataDir } from './sqlite/writeProbe';
import type { Storage } from './storage';

export type * from './instanceLock';
export { InstanceLockedError } from './instanceLock';
export type * from './storage';
export type { StorageFailureKind } from './storageError';
export { StorageError } from './storageError';
export type { StorageFault };

export interface StorageOptions {
  dataDir: string;
  synchronous: 'NORMAL' | 'FULL';
  /** How often the WAL is checkpointed and truncated back to zero bytes. */
  walCheckpointMs: number;
  /** The most bytes of WAL file kept after a checkpoint (SQLite `journal_size_limit`). */
  journalSizeLimitBytes: number;
  /** Reports a failed background checkpoint (it is retried on the next interval). */
  onHousekeepingError?: (error: unknown) => void;
}

const handles = new WeakMap<Storage, Database.Database>();

/**
 * Opens the embedded SQLite storage in `dataDir`, migrated and ready. Refuses to open a folder
 * it cannot write (StorageError) or one another server holds (InstanceLockedError).
 */
export function openStorage(options: StorageOptions): Storage {
  const { dataDir } = options;
  // Probe, then lock, then migrate: a second server must not even run migrations on the folder.
  mkdirSync(dataDir, { recursive: true });
  probeDataDir(dataDir);
  const lock = lockDataDir(dataDir);
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openMigrated(options);
  } catch (error) {
    lock.release();
    throw translateSqliteError(error);
  }
  const { db, sqlite } = opened;
  const stopCheckpoints = startWalCheckpoints(sqlite, options.walCheckpointMs, options.onHousekeepingError ?? (() => {}));
  const storage: Storage = {
    playbooks: translatingErrors(sqlitePlaybookStore(db)),
    documents: translatingErrors(sqliteDocumentStore(db, sqlite)),
    versions: translatingErrors(sqliteVersionStore(db)),
    webhooks: translatingErrors(sqliteWebhookStore(db)),
    users: translatingErrors(sqliteUserStore(db)),
    teams: translatingErrors(sqliteTeamStore(db)),
    access: translatingErrors(sqliteAccessStore(db)),
    invitations: translatingErrors(sqliteInvitationStore(db)),
    tokens: translatingErrors(sqliteTokenStore(db)),
    audit: translatingErrors(sqliteAuditStore(db)),
    authAdapter: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    async checkWritable() {
      probeDatabase(sqlite);
    },
    close() {
      stopCheckpoints();
      try {
        // Closing the last connection checkpoints and removes the WAL file.
        sqlite.close();
      } finally {
        lock.release();
      }
    },
  };
  handles.set(storage, sqlite);
  return storage;
}

function openMigrated(options: StorageOptions): ReturnType<typeof openDatabase> {
  const opened = openDatabase(options.dataDir, options.synchronous);
  try {
    opened.sqlite.pragma(`journal_size_limit = ${options.journalSizeLimitBytes}`);
    probeDatabase(opened.sqlite);
    return opened;
  } catch (error) {
    opened.sqlite.close();
    throw error;
  }
}

/** Test-only: makes the running storage fail as a full disk or a read-only folder would, or heals it. */
export function simulateStorageFault(storage: Storage, fault: StorageFault | undefined): void {
  const sqlite = handles.get(storage);
  if (!sqlite) throw new Error('simulateStorageFault needs a storage opened by openStorage');
  injectSqliteFault(sqlite, fault);
}
