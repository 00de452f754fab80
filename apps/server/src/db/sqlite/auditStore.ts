import { desc, lt } from 'drizzle-orm';
import type { AuditStore } from '../accountStorage';
import { auditEvents } from '../schema';
import type { Db } from './database';

export function sqliteAuditStore(db: Db): AuditStore {
  return {
    async append(event) {
      db.insert(auditEvents).values(event).run();
    },
    async list({ limit, before }) {
      return db
        .select()
        .from(auditEvents)
        .where(before === undefined ? undefined : lt(auditEvents.seq, before))
        .orderBy(desc(auditEvents.seq))
        .limit(limit)
        .all();
    },
  };
}
