import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The PostgreSQL schema: the same tables, columns and indexes as the SQLite one (db/schema.ts,
 * which documents each table), plus what several processes on one database need: a per-playbook
 * head that numbers document updates without gaps, and settings every process shares.
 */

/** Bytes (Yjs state, compressed versions), read back as Buffers like better-sqlite3's blobs. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** A point in time; JavaScript Dates carry milliseconds, which a timestamptz holds exactly. */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const playbooks = pgTable(
  'playbooks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    defaultAccess: text('default_access', { enum: ['edit', 'view', 'none'] })
      .notNull()
      .default('edit'),
    createdBy: text('created_by'),
    deletedAt: at('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (t) => [index('playbooks_updated_at_id').on(t.updatedAt, t.id)],
);

/**
 * The newest sequence number given to a playbook's updates. Appends increment it in their own
 * transaction (its row lock orders concurrent appends), so numbers are gap-free per playbook,
 * and it stays when compaction deletes the rows it counted.
 */
export const documentHeads = pgTable('document_heads', {
  playbookId: text('playbook_id')
    .primaryKey()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  head: bigint('head', { mode: 'number' }).notNull(),
});

/** Yjs updates numbered 1, 2, 3… per playbook (by document_heads), until a compaction folds them. */
export const documentUpdates = pgTable(
  'document_updates',
  {
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    update: bytea('update').notNull(),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.seq] })],
);

export const documentSnapshots = pgTable('document_snapshots', {
  playbookId: text('playbook_id')
    .primaryKey()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  state: bytea('state').notNull(),
  uptoSeq: bigint('upto_seq', { mode: 'number' }).notNull(),
  compactedAt: at('compacted_at').notNull(),
});

export const playbookVersions = pgTable(
  'playbook_versions',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['named', 'checkpoint'] }).notNull(),
    label: text('label').notNull(),
    note: text('note').notNull().default(''),
    state: bytea('state').notNull(),
    json: bytea('json').notNull(),
    encoding: text('encoding', { enum: ['identity', 'gzip'] })
      .notNull()
      .default('identity'),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('playbook_versions_number').on(t.playbookId, t.number),
    index('playbook_versions_created').on(t.playbookId, t.createdAt),
  ],
);

export const publications = pgTable('publications', {
  playbookId: text('playbook_id')
    .primaryKey()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  versionId: text('version_id')
    .notNull()
    .references(() => playbookVersions.id),
  publishedAt: at('published_at').notNull(),
  publishedBy: text('published_by').notNull(),
});

export const webhooks = pgTable('webhooks', {
  id: text('id').primaryKey(),
  playbookId: text('playbook_id')
    .notNull()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: jsonb('events').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: at('created_at').notNull(),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  disabledAt: at('disabled_at'),
  disabledReason: text('disabled_reason'),
});

export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('webhook_events_playbook').on(t.playbookId, t.createdAt)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'refused'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook').on(t.webhookId, t.createdAt),
    index('webhook_deliveries_event').on(t.eventId),
  ],
);

// Accounts: better-auth's four tables in the shape its drizzle adapter expects for `pg`, then ours.

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').default(false).notNull(),
  image: text('image'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
  role: text('role', { enum: ['owner', 'admin', 'member', 'viewer'] })
    .default('member')
    .notNull(),
  color: text('color'),
  deactivatedAt: at('deactivated_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: at('expires_at').notNull(),
    token: text('token').notNull().unique(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: at('access_token_expires_at'),
    refreshTokenExpiresAt: at('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('accounts_user').on(t.userId)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('verifications_identifier').on(t.identifier)],
);

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: at('created_at').notNull(),
});

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)],
);

export const playbookGrants = pgTable(
  'playbook_grants',
  {
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind', { enum: ['user', 'team'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    role: text('role', { enum: ['viewer', 'editor', 'manager'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.playbookId, t.subjectKind, t.subjectId] }),
    index('playbook_grants_subject').on(t.subjectKind, t.subjectId),
  ],
);

export const invitations = pgTable('invitations', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  role: text('role', { enum: ['admin', 'member', 'viewer'] }).notNull(),
  teamIds: jsonb('team_ids').$type<string[]>().notNull(),
  invitedBy: text('invited_by').notNull(),
  createdAt: at('created_at').notNull(),
  expiresAt: at('expires_at').notNull(),
  acceptedAt: at('accepted_at'),
  acceptedBy: text('accepted_by'),
  revokedAt: at('revoked_at'),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    kind: text('kind', { enum: ['personal', 'integration'] }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    playbookIds: jsonb('playbook_ids').$type<string[] | null>(),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at'),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    actorKind: text('actor_kind').notNull(),
    action: text('action').notNull(),
    targetKind: text('target_kind'),
    targetId: text('target_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
  },
  (t) => [index('audit_events_at').on(t.at)],
);

/**
 * Values every process must share and nobody configured, made once (the auth secret without
 * AUTH_SECRET: processes that signed cookies differently would sign each other's people out).
 */
export const serverSettings = pgTable('server_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: at('created_at').notNull().default(sql`now()`),
});
