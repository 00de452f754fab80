import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A playbook's record; its content lives in the Yjs state below. */
export const playbooks = sqliteTable('playbooks', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
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
