import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { SessionRecord, UserRecord, UserStore } from '../accountStorage';
import { pickColumns } from '../records/pickColumns';
import { sessionColumnNames, userColumnNames } from '../records/userRecords';
import type { Db } from './database';
import { sessions, teamMembers, users } from './schema';

const userColumns = pickColumns(users, userColumnNames);

const sessionColumns = pickColumns(sessions, sessionColumnNames);

/** People and their sessions. Accounts themselves are created by better-auth (identity/auth.ts). */
export function postgresUserStore(db: Db): UserStore {
  const withTeams = async (row: Omit<UserRecord, 'teamIds'> | undefined): Promise<UserRecord | undefined> => {
    if (!row) return undefined;
    const teams = await db.select({ teamId: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, row.id));
    return { ...row, teamIds: teams.map((r) => r.teamId) };
  };

  return {
    async count() {
      return db.$count(users);
    },
    async list() {
      const memberships = new Map<string, string[]>();
      for (const { userId, teamId } of await db.select().from(teamMembers)) {
        memberships.set(userId, [...(memberships.get(userId) ?? []), teamId]);
      }
      const rows = await db.select(userColumns).from(users).orderBy(asc(users.name));
      return rows.map((u) => ({ ...u, teamIds: memberships.get(u.id) ?? [] }));
    },
    async get(id) {
      return withTeams((await db.select(userColumns).from(users).where(eq(users.id, id)))[0]);
    },
    async getByEmail(email) {
      // Addresses are stored lower-cased (identity/auth.ts), as on SQLite.
      return withTeams((await db.select(userColumns).from(users).where(eq(users.email, email.toLowerCase())))[0]);
    },
    async update(id, patch) {
      if (Object.keys(patch).length === 0) return;
      await db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id));
    },
    async setTeams(id, teamIds) {
      await db.transaction(async (tx) => {
        await tx.delete(teamMembers).where(eq(teamMembers.userId, id));
        if (teamIds.length > 0) await tx.insert(teamMembers).values(teamIds.map((teamId) => ({ teamId, userId: id })));
      });
    },
    async listSessions(userId): Promise<SessionRecord[]> {
      return db
        .select(sessionColumns)
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
        .orderBy(asc(sessions.createdAt));
    },
    async liveSession(sessionId, now) {
      const [row] = await db
        .select(sessionColumns)
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
      return row;
    },
    async deleteSession(userId, sessionId) {
      const result = await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)));
      return (result.rowCount ?? 0) > 0;
    },
    async deleteSessions(userId, exceptSessionId) {
      const where = exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId);
      return (await db.delete(sessions).where(where)).rowCount ?? 0;
    },
  };
}
