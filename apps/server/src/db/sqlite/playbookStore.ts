import { and, desc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { playbooks } from '../schema';
import type { PlaybookStore } from '../storage';
import type { Db } from './database';

const recordColumns = {
  id: playbooks.id,
  title: playbooks.title,
  createdAt: playbooks.createdAt,
  updatedAt: playbooks.updatedAt,
  deletedAt: playbooks.deletedAt,
  deletedBy: playbooks.deletedBy,
};

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
    async list(filter = {}) {
      return db
        .select(recordColumns)
        .from(playbooks)
        .where(filter.deleted ? isNotNull(playbooks.deletedAt) : isNull(playbooks.deletedAt))
        .orderBy(desc(filter.deleted ? playbooks.deletedAt : playbooks.updatedAt))
        .all();
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
