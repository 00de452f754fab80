import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { accounts, sessions, users, verifications } from './schema';
import { sqliteAccessStore } from './sqlite/accessStore';
import { sqliteAuditStore } from './sqlite/auditStore';
import { openDatabase } from './sqlite/database';
import { sqliteDocumentStore } from './sqlite/documentStore';
import { sqliteInvitationStore } from './sqlite/invitationStore';
import { sqlitePlaybookStore } from './sqlite/playbookStore';
import { sqliteTeamStore } from './sqlite/teamStore';
import { sqliteTokenStore } from './sqlite/tokenStore';
import { sqliteUserStore } from './sqlite/userStore';
import { sqliteVersionStore } from './sqlite/versionStore';
import { sqliteWebhookStore } from './sqlite/webhookStore';
import type { Storage } from './storage';

export type * from './storage';

/** Opens the embedded SQLite storage in `dataDir`, migrated and ready. */
export function openStorage(options: { dataDir: string; synchronous: 'NORMAL' | 'FULL' }): Storage {
  const { db, sqlite } = openDatabase(options.dataDir, options.synchronous);
  return {
    playbooks: sqlitePlaybookStore(db),
    documents: sqliteDocumentStore(db),
    versions: sqliteVersionStore(db),
    webhooks: sqliteWebhookStore(db),
    users: sqliteUserStore(db),
    teams: sqliteTeamStore(db),
    access: sqliteAccessStore(db),
    invitations: sqliteInvitationStore(db),
    tokens: sqliteTokenStore(db),
    audit: sqliteAuditStore(db),
    authAdapter: drizzleAdapter(db, {
      provider: 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    close: () => sqlite.close(),
  };
}
