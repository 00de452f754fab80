import { desc, lt } from 'drizzle-orm';
import type { AuditStore } from '../accountStorage';
import type { Db } from './database';
import { auditEvents } from './schema';

export function postgresAuditStore(db: Db): AuditStore {
  return {
    async append(event) {
      await db.insert(auditEvents).values(event);
    },
    async list({ limit, before }) {
      return db
        .select()
        .from(auditEvents)
        .where(before === undefined ? undefined : lt(auditEvents.seq, before))
        .orderBy(desc(auditEvents.seq))
        .limit(limit);
    },
  };
}
