import { and, count, desc, eq, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { pickColumns } from '../records/pickColumns';
import { playbookColumnNames } from '../records/playbookRecords';
import type { PlaybookStore } from '../storage';
import type { Db } from './database';
import { playbooks } from './schema';

const recordColumns = pickColumns(playbooks, playbookColumnNames);

export function postgresPlaybookStore(db: Db): PlaybookStore {
  return {
    async create({ id, title, createdBy = null, defaultAccess = 'edit' }) {
      const now = new Date();
      const [row] = await db
        .insert(playbooks)
        .values({ id, title, createdAt: now, updatedAt: now, createdBy, defaultAccess })
        .returning(recordColumns);
      if (!row) throw new Error(`creating playbook ${id} returned no row`);
      return row;
    },
    async list({ limit, offset = 0, after, ids }) {
      // The ids travel as one array parameter, so a long list never meets the limit on bound parameters.
      const visible: SQL[] = [isNull(playbooks.deletedAt)];
      if (ids) visible.push(sql`${playbooks.id} = ANY(${sql.param([...ids])}::text[])`);
      const where = and(...visible);
      const rows = await db
        .select(recordColumns)
        .from(playbooks)
        .where(
          after
            ? and(where, sql`(${playbooks.updatedAt}, ${playbooks.id}) < (${after.updatedAt.toISOString()}::timestamptz, ${after.id})`)
            : where,
        )
        .orderBy(desc(playbooks.updatedAt), desc(playbooks.id))
        .limit(limit + 1)
        .offset(after ? 0 : offset);
      const [counted] = await db.select({ total: count() }).from(playbooks).where(where);
      return { items: rows.slice(0, limit), total: counted?.total ?? 0, hasMore: rows.length > limit };
    },
    async listDeleted() {
      return db.select(recordColumns).from(playbooks).where(isNotNull(playbooks.deletedAt)).orderBy(desc(playbooks.deletedAt));
    },
    async get(id) {
      const [row] = await db.select(recordColumns).from(playbooks).where(eq(playbooks.id, id));
      return row;
    },
    async noteEdited(id, title, at) {
      await db.update(playbooks).set({ title, updatedAt: at }).where(eq(playbooks.id, id));
    },
    async trash(id, by, at) {
      const result = await db
        .update(playbooks)
        .set({ deletedAt: at, deletedBy: by })
        .where(and(eq(playbooks.id, id), isNull(playbooks.deletedAt)));
      return (result.rowCount ?? 0) > 0;
    },
    async untrash(id) {
      const result = await db
        .update(playbooks)
        .set({ deletedAt: null, deletedBy: null })
        .where(and(eq(playbooks.id, id), isNotNull(playbooks.deletedAt)));
      return (result.rowCount ?? 0) > 0;
    },
    async purgeTrash(before) {
      const purged = await db
        .delete(playbooks)
        .where(and(isNotNull(playbooks.deletedAt), lt(playbooks.deletedAt, before)))
        .returning({ id: playbooks.id });
      return purged.map((p) => p.id);
    },
  };
}
