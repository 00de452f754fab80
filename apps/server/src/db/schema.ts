import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A playbook's record; its content lives in the Yjs state below. */
export const playbooks = sqliteTable('playbooks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  /** What workspace members who hold no grant may do: edit, view, or nothing (restricted). */
  defaultAccess: text('default_access', { enum: ['edit', 'view', 'none'] })
    .notNull()
    .default('edit'),
  /** The account that created it (its first manager); null for playbooks from before accounts. */
  createdBy: text('created_by'),
  /** Set when a manager deletes it: it sits in the trash, restorable by admins for 30 days, then is purged. */
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
  deletedBy: text('deleted_by'),
});

/** Yjs updates appended one per edit, in order, until a compaction folds them into the snapshot. */
export const documentUpdates = sqliteTable(
  'document_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    update: blob('update', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('document_updates_playbook_seq').on(t.playbookId, t.seq)],
);

/** The compacted Yjs state of a playbook: every update up to and including `uptoSeq`. */
export const documentSnapshots = sqliteTable('document_snapshots', {
  playbookId: text('playbook_id')
    .primaryKey()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  uptoSeq: integer('upto_seq').notNull(),
  compactedAt: integer('compacted_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * A saved version of a playbook: the full Yjs state (to restore) and its canonical JSON
 * (to read, diff and publish without loading Yjs). Named versions are kept forever;
 * automatic checkpoints are thinned as they age.
 */
export const playbookVersions = sqliteTable(
  'playbook_versions',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per playbook, in order of creation; what people and `?version=<n>` use. */
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['named', 'checkpoint'] }).notNull(),
    label: text('label').notNull(),
    note: text('note').notNull().default(''),
    /** The Yjs state and the canonical JSON, compressed as `encoding` says (checkpoints add up). */
    state: blob('state', { mode: 'buffer' }).notNull(),
    json: blob('json', { mode: 'buffer' }).notNull(),
    encoding: text('encoding', { enum: ['identity', 'gzip'] })
      .notNull()
      .default('identity'),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('playbook_versions_number').on(t.playbookId, t.number),
    index('playbook_versions_created').on(t.playbookId, t.createdAt),
  ],
);

/** Which version of each playbook is published (at most one). */
export const publications = sqliteTable('publications', {
  playbookId: text('playbook_id')
    .primaryKey()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  versionId: text('version_id')
    .notNull()
    .references(() => playbookVersions.id),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  publishedBy: text('published_by').notNull(),
});

/** A URL that receives signed events for one playbook. The secret signs; it is shown once. */
export const webhooks = sqliteTable('webhooks', {
  id: text('id').primaryKey(),
  playbookId: text('playbook_id')
    .notNull()
    .references(() => playbooks.id, { onDelete: 'cascade' }),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events', { mode: 'json' }).$type<string[]>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** One event for one webhook, with its attempts; the delivery log people see. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    webhookId: text('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('webhook_deliveries_due').on(t.status, t.nextAttemptAt), index('webhook_deliveries_webhook').on(t.webhookId, t.createdAt)],
);

// ---------------------------------------------------------------------------------------------
// Accounts. The first four tables are better-auth's (users, sessions, accounts, verifications),
// in the shape its drizzle adapter expects (generated from its schema generator for SQLite);
// `role`, `color` and `deactivatedAt` are our additional user fields.

/** A person with an account. `role` is their workspace role; deactivated people cannot sign in. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: integer('email_verified', { mode: 'boolean' }).default(false).notNull(),
  image: text('image'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  role: text('role', { enum: ['owner', 'admin', 'member', 'viewer'] })
    .default('member')
    .notNull(),
  /** The colour collaborators see on this person's caret and avatar. */
  color: text('color'),
  deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
});

/** A signed-in browser or client; deleting the row signs it out (sessions are checked against the database). */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    token: text('token').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** How a person signs in; for email and password, `password` holds the library's scrypt hash. */
export const accounts = sqliteTable(
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
    accessTokenExpiresAt: integer('access_token_expires_at', { mode: 'timestamp_ms' }),
    refreshTokenExpiresAt: integer('refresh_token_expires_at', { mode: 'timestamp_ms' }),
    scope: text('scope'),
    password: text('password'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('accounts_user').on(t.userId)],
);

/** better-auth's one-time values (unused by email + password sign-in today, required by the library). */
export const verifications = sqliteTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('verifications_identifier').on(t.identifier)],
);

/** A group of people (Marketing, Sales, …) that playbooks are shared with and, later, that sign off changes. */
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const teamMembers = sqliteTable(
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

/** A role on one playbook given to a person or a team. */
export const playbookGrants = sqliteTable(
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

/** A single-use link to join the workspace; only the SHA-256 of its token is kept. */
export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  role: text('role', { enum: ['admin', 'member', 'viewer'] }).notNull(),
  teamIds: text('team_ids', { mode: 'json' }).$type<string[]>().notNull(),
  invitedBy: text('invited_by').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
  acceptedBy: text('accepted_by'),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

/**
 * An API token for another tool. Only the SHA-256 of the secret is stored (it is shown once);
 * personal tokens act as their user, integration tokens (made by admins) for the workspace.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so people can tell tokens apart in a list. */
    prefix: text('prefix').notNull(),
    kind: text('kind', { enum: ['personal', 'integration'] }).notNull(),
    /** The person it acts as (personal) or who created it (integration). */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scopes: text('scopes', { mode: 'json' }).$type<string[]>().notNull(),
    /** Playbook ids it is limited to, or null for every playbook its holder may use. */
    playbookIds: text('playbook_ids', { mode: 'json' }).$type<string[] | null>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('api_tokens_user').on(t.userId)],
);

/** Who did what, when, from where: sign-ins, people and sharing changes, tokens, publishing, deletes, webhooks. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    actorKind: text('actor_kind').notNull(),
    action: text('action').notNull(),
    targetKind: text('target_kind'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    ip: text('ip'),
  },
  (t) => [index('audit_events_at').on(t.at)],
);
