import { and, asc, eq, gt, ne } from 'drizzle-orm';
import type { SessionRecord, UserRecord, UserStore } from '../accountStorage';
import { pickColumns } from '../records/pickColumns';
import { sessionColumnNames, userColumnNames } from '../records/userRecords';
import { sessions, teamMembers, users } from '../schema';
import type { Db } from './database';

const userColumns = pickColumns(users, userColumnNames);

const sessionColumns = pickColumns(sessions, sessionColumnNames);

/** People and their sessions. Accounts themselves are created by better-auth (identity/auth.ts). */
export function sqliteUserStore(db: Db): UserStore {
  const teamsOf = (userId: string) =>
    db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(eq(teamMembers.userId, userId))
      .all()
      .map((r) => r.teamId);
  const withTeams = (row: Omit<UserRecord, 'teamIds'> | undefined): UserRecord | undefined => row && { ...row, teamIds: teamsOf(row.id) };

  return {
    async count() {
      return db.$count(users);
    },
    async list() {
      const memberships = new Map<string, string[]>();
      for (const { userId, teamId } of db.select().from(teamMembers).all()) {
        memberships.set(userId, [...(memberships.get(userId) ?? []), teamId]);
      }
      return db
        .select(userColumns)
        .from(users)
        .orderBy(asc(users.name))
        .all()
        .map((u) => ({ ...u, teamIds: memberships.get(u.id) ?? [] }));
    },
    async get(id) {
      return withTeams(db.select(userColumns).from(users).where(eq(users.id, id)).get());
    },
    async getByEmail(email) {
      return withTeams(db.select(userColumns).from(users).where(eq(users.email, email.toLowerCase())).get());
    },
    async update(id, patch) {
      if (Object.keys(patch).length === 0) return;
      db.update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id))
        .run();
    },
    async setTeams(id, teamIds) {
      db.transaction((tx) => {
        tx.delete(teamMembers).where(eq(teamMembers.userId, id)).run();
        if (teamIds.length > 0)
          tx.insert(teamMembers)
            .values(teamIds.map((teamId) => ({ teamId, userId: id })))
            .run();
      });
    },
    async listSessions(userId): Promise<SessionRecord[]> {
      return db
        .select(sessionColumns)
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
        .orderBy(asc(sessions.createdAt))
        .all();
    },
    async liveSession(sessionId, now) {
      return db
        .select(sessionColumns)
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)))
        .get();
    },
    async deleteSession(userId, sessionId) {
      return (
        db
          .delete(sessions)
          .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
          .run().changes > 0
      );
    },
    async deleteSessions(userId, exceptSessionId) {
      const where = exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId);
      return db.delete(sessions).where(where).run().changes;
    },
  };
}
