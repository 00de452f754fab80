import { eq, sql } from 'drizzle-orm';
import type { AccessStore, Grant, PlaybookAccessRecord } from '../accountStorage';
import { playbookGrants, playbooks } from '../schema';
import type { Db } from './database';

/** Who may do what on each playbook: its default access for members and its grants. */
export function sqliteAccessStore(db: Db): AccessStore {
  // Every request on a playbook reads its access: keep both statements compiled.
  const record = db
    .select({
      playbookId: playbooks.id,
      defaultAccess: playbooks.defaultAccess,
      createdBy: playbooks.createdBy,
      deletedAt: playbooks.deletedAt,
    })
    .from(playbooks)
    .where(eq(playbooks.id, sql.placeholder('id')))
    .prepare();
  const grantsOf = db
    .select({ subjectKind: playbookGrants.subjectKind, subjectId: playbookGrants.subjectId, role: playbookGrants.role })
    .from(playbookGrants)
    .where(eq(playbookGrants.playbookId, sql.placeholder('id')))
    .prepare();

  return {
    async get(playbookId) {
      const row = record.get({ id: playbookId });
      return row && { ...row, grants: grantsOf.all({ id: playbookId }) };
    },
    async all() {
      const grants = new Map<string, Grant[]>();
      for (const { playbookId, ...grant } of db.select().from(playbookGrants).all()) {
        grants.set(playbookId, [...(grants.get(playbookId) ?? []), grant]);
      }
      return db
        .select({
          playbookId: playbooks.id,
          defaultAccess: playbooks.defaultAccess,
          createdBy: playbooks.createdBy,
          deletedAt: playbooks.deletedAt,
        })
        .from(playbooks)
        .all()
        .map((row): PlaybookAccessRecord => ({ ...row, grants: grants.get(row.playbookId) ?? [] }));
    },
    async set(playbookId, defaultAccess, grants) {
      db.transaction((tx) => {
        tx.update(playbooks).set({ defaultAccess }).where(eq(playbooks.id, playbookId)).run();
        tx.delete(playbookGrants).where(eq(playbookGrants.playbookId, playbookId)).run();
        if (grants.length > 0)
          tx.insert(playbookGrants)
            .values(grants.map((g) => ({ ...g, playbookId })))
            .run();
      });
    },
  };
}
