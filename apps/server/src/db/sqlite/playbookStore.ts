import { desc, eq, sql } from 'drizzle-orm';
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
  return {
    async create({ id, title }) {
      const now = new Date();
      return db.insert(playbooks).values({ id, title, createdAt: now, updatedAt: now }).returning().get();
    },
    async list() {
      return db.select().from(playbooks).orderBy(desc(playbooks.updatedAt)).all();
    },
    async get(id) {
      return byId.get({ id });
    },
    async noteEdited(id, title, at) {
      db.update(playbooks).set({ title, updatedAt: at }).where(eq(playbooks.id, id)).run();
    },
  };
}
