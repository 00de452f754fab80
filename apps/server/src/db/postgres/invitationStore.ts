import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { InvitationRecord, InvitationStore } from '../accountStorage';
import { invitationColumnNames } from '../records/invitationRecords';
import { pickColumns } from '../records/pickColumns';
import type { Db } from './database';
import { invitations } from './schema';

const columns = pickColumns(invitations, invitationColumnNames);

export function postgresInvitationStore(db: Db): InvitationStore {
  return {
    async create({ tokenHash, ...input }) {
      await db.insert(invitations).values({ ...input, tokenHash });
      return { ...input, acceptedAt: null, acceptedBy: null, revokedAt: null } satisfies InvitationRecord;
    },
    async list() {
      return db.select(columns).from(invitations).orderBy(desc(invitations.createdAt));
    },
    async byTokenHash(tokenHash) {
      const [row] = await db.select(columns).from(invitations).where(eq(invitations.tokenHash, tokenHash));
      return row;
    },
    async markAccepted(id, userId, now) {
      // One statement, so two people racing with the same link cannot both use it.
      const open = and(
        eq(invitations.id, id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      );
      return ((await db.update(invitations).set({ acceptedAt: now, acceptedBy: userId }).where(open)).rowCount ?? 0) > 0;
    },
    async revoke(id, now) {
      const open = and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
      return ((await db.update(invitations).set({ revokedAt: now }).where(open)).rowCount ?? 0) > 0;
    },
  };
}
