import { eq } from 'drizzle-orm';
import type { AccessStore, Grant, PlaybookAccessRecord } from '../accountStorage';
import type { Db } from './database';
import { playbookGrants, playbooks } from './schema';

const accessColumns = {
  playbookId: playbooks.id,
  defaultAccess: playbooks.defaultAccess,
  createdBy: playbooks.createdBy,
  deletedAt: playbooks.deletedAt,
};
const grantColumns = { subjectKind: playbookGrants.subjectKind, subjectId: playbookGrants.subjectId, role: playbookGrants.role };

/** Who may do what on each playbook: its default access for members and its grants. */
export function postgresAccessStore(db: Db): AccessStore {
  return {
    async get(playbookId) {
      const [row] = await db.select(accessColumns).from(playbooks).where(eq(playbooks.id, playbookId));
      if (!row) return undefined;
      return { ...row, grants: await db.select(grantColumns).from(playbookGrants).where(eq(playbookGrants.playbookId, playbookId)) };
    },
    async all() {
      const grants = new Map<string, Grant[]>();
      for (const { playbookId, ...grant } of await db.select().from(playbookGrants)) {
        grants.set(playbookId, [...(grants.get(playbookId) ?? []), grant]);
      }
      const rows = await db.select(accessColumns).from(playbooks);
      return rows.map((row): PlaybookAccessRecord => ({ ...row, grants: grants.get(row.playbookId) ?? [] }));
    },
    async set(playbookId, defaultAccess, grants) {
      await db.transaction(async (tx) => {
        await tx.update(playbooks).set({ defaultAccess }).where(eq(playbooks.id, playbookId));
        await tx.delete(playbookGrants).where(eq(playbookGrants.playbookId, playbookId));
        if (grants.length > 0) await tx.insert(playbookGrants).values(grants.map((g) => ({ ...g, playbookId })));
      });
    },
  };
}
