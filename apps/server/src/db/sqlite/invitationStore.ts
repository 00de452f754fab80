import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationRecord, InvitationStore } from '../accountStorage';
import { invitationColumnNames } from '../records/invitationRecords';
import { pickColumns } from '../records/pickColumns';
import { invitations } from '../schema';
import type { Db } from './database';

const columns = pickColumns(invitations, invitationColumnNames);

export function sqliteInvitationStore(db: Db): InvitationStore {
  return {
    async create({ tokenHash, ...input }) {
      db.insert(invitations)
        .values({ ...input, tokenHash })
        .run();
      return { ...input, acceptedAt: null, acceptedBy: null, revokedAt: null } satisfies InvitationRecord;
    },
    async list() {
      return db.select(columns).from(invitations).orderBy(desc(invitations.createdAt)).all();
    },
    async byTokenHash(tokenHash) {
      return db.select(columns).from(invitations).where(eq(invitations.tokenHash, tokenHash)).get();
    },
    async markAccepted(id, userId, now) {
      // One statement, so two people racing with the same link cannot both use it.
      const open = and(
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      );
      return db.update(invitations).set({ acceptedAt: now, acceptedBy: userId }).where(open).run().changes > 0;
    },
    async revoke(id, now) {
      const open = and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
      return db.update(invitations).set({ revokedAt: now }).where(open).run().changes > 0;
    },
  };
}
