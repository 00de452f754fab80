import { desc, eq } from 'drizzle-orm';
import { playbooks } from '../schema';
import type { PlaybookStore } from '../storage';
import type { Db } from './database';

export function sqlitePlaybookStore(db: Db): PlaybookStore {
  return {
    async create({ id, title }) {
      const now = new Date();
      return db.insert(playbooks).values({ id, title, createdAt: now, updatedAt: now }).returning().get();
    },
    async list() {
      return db.select().from(playbooks).orderBy(desc(playbooks.updatedAt)).all();
    },
    async get(id) {
      return db.select().from(playbooks).where(eq(playbooks.id, id)).get();
    },
    async rename(id, title) {
      db.update(playbooks).set({ title }).where(eq(playbooks.id, id)).run();
    },
  };
}
