import { randomBytes } from 'node:crypto';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { postgresMigrationsFolder } from '../../paths';
import type { Storage } from '../storage';
import { translatingEachStore } from '../translatingErrors';
import { postgresAccessStore } from './accessStore';
import { postgresAuditStore } from './auditStore';
import { lockSpace, pgDatabase } from './database';
import { postgresDocumentStore } from './documentStore';
import { applicationName, type HeldLock, holdInstanceLock } from './instanceLock';
import { postgresInvitationStore } from './invitationStore';
import { postgresPlaybookStore } from './playbookStore';
import { translatePostgresError } from './postgresErrors';
import { accounts, sessions, users, verifications } from './schema';
import { postgresTeamStore } from './teamStore';
import { postgresTokenStore } from './tokenStore';
import { postgresUserStore } from './userStore';
import { postgresVersionStore } from './versionStore';
import { postgresWebhookStore } from './webhookStore';

export interface PostgresOptions {
  url: string;
  /** Several processes share the database (REDIS_URL is set); otherwise one holds an advisory lock. */
  shared: boolean;
  onHousekeepingError?: (error: unknown) => void;
  /** Test-only: the migrations to apply (default: drizzle/postgres). */
  migrationsFolder?: string;
}

/**
 * Opens PostgreSQL storage at `url`, migrated and ready. Without `shared`, refuses a database
 * another process holds (InstanceLockedError); refuses one it cannot reach or write (StorageError).
 */
export async function openPostgresStorage(options: PostgresOptions): Promise<Storage> {
  const onError = options.onHousekeepingError ?? (() => {});
  let lock: HeldLock | undefined;
  let pool: pg.Pool | undefined;
  try {
    // Lock, then migrate: a second process must not even run migrations on the database.
    if (!options.shared) lock = await holdInstanceLock(options.url, onError);
    await migrateDatabase(options.url, options.migrationsFolder ?? postgresMigrationsFolder);
    pool = new pg.Pool({ connectionString: options.url, application_name: applicationName, max: 10, connectionTimeoutMillis: 10_000 });
    // An idle connection that drops (the database restarted) is only logged; the pool opens a new one.
    pool.on('error', (error) => onError(translatePostgresError(error)));
    const storage = postgresStorage(pool, () => lock?.release());
    await storage.checkWritable();
    return storage;
  } catch (error) {
    await pool?.end().catch(() => {});
    await lock?.release();
    throw translatePostgresError(error);
  }
}

/** Applies pending migrations, one process at a time (a session advisory lock on a connection of its own). */
async function migrateDatabase(url: string, migrationsFolder: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {}); // a query under way rejects on its own
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, 0)', [lockSpace.migrations]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.end().catch(() => {});
  }
}

function postgresStorage(pool: pg.Pool, releaseLock: () => Promise<void> | undefined): Storage {
  const db = pgDatabase(pool);
  return {
    kind: 'postgres',
    ...translatingEachStore(
      {
        playbooks: postgresPlaybookStore(db),
        documents: postgresDocumentStore(db, pool),
        versions: postgresVersionStore(db),
        webhooks: postgresWebhookStore(db),
        users: postgresUserStore(db),
        teams: postgresTeamStore(db),
        access: postgresAccessStore(db),
        invitations: postgresInvitationStore(db),
        tokens: postgresTokenStore(db),
        audit: postgresAuditStore(db),
      },
      translatePostgresError,
    ),
    authAdapter: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    async sharedSecret(name) {
      // Get-or-create in one statement: DO UPDATE returns the row that won, even when another
      // process inserted it a moment ago (DO NOTHING would return nothing then).
      try {
        const { rows } = await db.execute<{ value: string }>(
          sql`INSERT INTO server_settings (name, value) VALUES (${`${name}-secret`}, ${randomBytes(32).toString('base64url')})
              ON CONFLICT (name) DO UPDATE SET value = server_settings.value RETURNING value`,
        );
        const value = rows[0]?.value;
        if (!value) throw new Error(`server setting ${name}-secret was not stored`);
        return value;
      } catch (error) {
        throw translatePostgresError(error);
      }
    },
    async checkWritable() {
      try {
        await db.execute(
          sql`INSERT INTO server_settings (name, value) VALUES ('write-probe', now()::text) ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
        );
      } catch (error) {
        throw translatePostgresError(error);
      }
    },
    async close() {
      try {
        await pool.end();
      } finally {
        await releaseLock();
      }
    },
  };
}
