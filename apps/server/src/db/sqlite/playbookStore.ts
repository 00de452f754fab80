import { and, count, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { pickColumns } from '../records/pickColumns';
import { playbookColumnNames } from '../records/playbookRecords';
import { playbooks } from '../schema';
import type { PlaybookStore } from '../storage';
import type { Db } from './database';

const recordColumns = pickColumns(playbooks, playbookColumnNames);

export function sqlitePlaybookStore(db: Db): PlaybookStore {
  // Every request checks its playbook exists: keep that statement compiled.
  const byId = db
    .select(recordColumns)
    .from(playbooks)
    .where(eq(playbooks.id, sql.placeholder('id')))
    .prepare();
  return {
    async create({ id, title, createdBy = null, defaultAccess = 'edit' }) {
      const now = new Date();
      return db
        .insert(playbooks)
        .values({ id, title, createdAt: now, updatedAt: now, createdBy, defaultAccess })
        .returning(recordColumns)
        .get();
    },
    async list({ limit, offset = 0, after, ids }) {
      // Only those in use (and, given ids, only those): the ids travel as one JSON parameter, so
      // a long list never meets SQLite's limit on bound variables.
      const visible: SQL[] = [isNull(playbooks.deletedAt)];
      if (ids) visible.push(sql`${playbooks.id} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
      const where = and(...visible);
      // One more row than asked says whether another page follows; the index gives rows in order.
      const rows = db
        .select(recordColumns)
        .from(playbooks)
        .where(after ? and(where, sql`(${playbooks.updatedAt}, ${playbooks.id}) < (${after.updatedAt.getTime()}, ${after.id})`) : where)
        .orderBy(desc(playbooks.updatedAt), desc(playbooks.id))
        .limit(limit + 1)
        .offset(after ? 0 : offset)
        .all();
      const total = db.select({ total: count() }).from(playbooks).where(where).get()?.total ?? 0;
      return { items: rows.slice(0, limit), total, hasMore: rows.length > limit };
    },
    async listDeleted() {
      return db.select(recordColumns).from(playbooks).where(isNotNull(playbooks.deletedAt)).orderBy(desc(playbooks.deletedAt)).all();
    },
    async get(id) {
      return byId.get({ id });
    },
    async noteEdited(id, title, at) {
      db.update(playbooks).set({ title, updatedAt: at }).where(eq(playbooks.id, id)).run();
    },
    async trash(id, by, at) {
      return (
        db
          .update(playbooks)
          .set({ deletedAt: at, deletedBy: by })
          .where(and(eq(playbooks.id, id), isNull(playbooks.deletedAt)))
          .run().changes > 0
      );
    },
    async untrash(id) {
      return (
        db
          .update(playbooks)
          .set({ deletedAt: null, deletedBy: null })
          .where(and(eq(playbooks.id, id), isNotNull(playbooks.deletedAt)))
          .run().changes > 0
      );
    },
    async purgeTrash(before) {
      const purged = db
        .delete(playbooks)
        .where(and(isNotNull(playbooks.deletedAt), lt(playbooks.deletedAt, before)))
        .returning({ id: playbooks.id })
        .all();
      return purged.map((p) => p.id);
    },
  };
}
