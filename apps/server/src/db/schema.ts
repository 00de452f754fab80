import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A playbook's record; its content lives in the Yjs state below. */
export const playbooks = sqliteTable(
  'playbooks',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  // The list's order (most recently edited first, id to break ties): a page is read from here, not sorted.
  (t) => [index('playbooks_updated_at_id').on(t.updatedAt, t.id)],
);

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
  /** Deliveries that failed in a row (after all their attempts); a success resets it. */
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** When and why the server turned the webhook off after too many failures (null when a person paused it). */
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  disabledReason: text('disabled_reason'),
});

/** One event's payload, stored once however many webhooks it goes to (the diff in it can be large). */
export const webhookEvents = sqliteTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: text('payload').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('webhook_events_playbook').on(t.playbookId, t.createdAt)],
);

/** One event for one webhook, with its attempts; the delivery log people see. */
export const webhookDeliveries = sqliteTable(
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
    /** `refused`: the destination may not be called (DestinationPolicy); not retried. */
    status: text('status', { enum: ['pending', 'delivered', 'failed', 'refused'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_webhook').on(t.webhookId, t.createdAt),
    index('webhook_deliveries_event').on(t.eventId),
  ],
);
