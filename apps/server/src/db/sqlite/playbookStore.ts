import { count, desc, eq, sql } from 'drizzle-orm';
import { playbooks } from '../schema';
import type { PlaybookStore } from '../storage';
import type { Db } from './database';

export function sqlitePlaybookStore(db: Db): PlaybookStore {
  // Every request checks its playbook exists: keep that statement compiled.
  const byId = db
    .select()
    .from(playbooks)
    .where(eq(playbooks.id, sql.placeholder('id')))
    .prepare();
  const countAll = db.select({ total: count() }).from(playbooks).prepare();
  return {
    async create({ id, title }) {
      const now = new Date();
      return db.insert(playbooks).values({ id, title, createdAt: now, updatedAt: now }).returning().get();
    },
    async list({ limit, offset = 0, after }) {
      // One more row than asked says whether another page follows; the index gives rows in order.
      const rows = db
        .select()
        .from(playbooks)
        .where(after ? sql`(${playbooks.updatedAt}, ${playbooks.id}) < (${after.updatedAt.getTime()}, ${after.id})` : undefined)
        .orderBy(desc(playbooks.updatedAt), desc(playbooks.id))
        .limit(limit + 1)
        .offset(after ? 0 : offset)
        .all();
      const total = countAll.get()?.total ?? 0;
      return { items: rows.slice(0, limit), total, hasMore: rows.length > limit };
    },
    async get(id) {
      return byId.get({ id });
    },
    async noteEdited(id, title, at) {
      db.update(playbooks).set({ title, updatedAt: at }).where(eq(playbooks.id, id)).run();
    },
  };
}
