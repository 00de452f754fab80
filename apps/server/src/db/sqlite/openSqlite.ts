import { mkdirSync } from 'node:fs';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type Database from 'better-sqlite3';
import { accounts, sessions, users, verifications } from '../schema';
import type { Storage } from '../storage';
import { translatingEachStore } from '../translatingErrors';
import { sqliteAccessStore } from './accessStore';
import { sqliteAuditStore } from './auditStore';
import { backupDatabase } from './backup';
import { openDatabase } from './database';
import { lockDataDir } from './dataDirLock';
import { sqliteDocumentStore } from './documentStore';
import { injectSqliteFault, type StorageFault } from './faultInjection';
import { sqliteInvitationStore } from './invitationStore';
import { sqlitePlaybookStore } from './playbookStore';
import { translateSqliteError } from './sqliteErrors';
import { sqliteTeamStore } from './teamStore';
import { sqliteTokenStore } from './tokenStore';
import { sqliteUserStore } from './userStore';
import { sqliteVersionStore } from './versionStore';
import { startWalCheckpoints } from './walCheckpoints';
import { sqliteWebhookStore } from './webhookStore';
import { probeDatabase, probeDataDir } from './writeProbe';

export type { StorageFault };

export interface SqliteOptions {
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
export function openSqliteStorage(options: SqliteOptions): Storage {
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
    kind: 'sqlite',
    ...translatingEachStore(
      {
        playbooks: sqlitePlaybookStore(db),
        documents: sqliteDocumentStore(db, sqlite),
        versions: sqliteVersionStore(db),
        webhooks: sqliteWebhookStore(db),
        users: sqliteUserStore(db),
        teams: sqliteTeamStore(db),
        access: sqliteAccessStore(db),
        invitations: sqliteInvitationStore(db),
        tokens: sqliteTokenStore(db),
        audit: sqliteAuditStore(db),
      },
      translateSqliteError,
    ),
    authAdapter: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    async sharedSecret() {
      return undefined;
    },
    async checkWritable() {
      probeDatabase(sqlite);
    },
    backup: (destination) => backupDatabase(sqlite, destination),
    async close() {
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

function openMigrated(options: SqliteOptions): ReturnType<typeof openDatabase> {
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
  if (!sqlite) throw new Error('simulateStorageFault needs an SQLite storage');
  injectSqliteFault(sqlite, fault);
}
