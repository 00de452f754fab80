import { asc, eq } from 'drizzle-orm';
import type { TeamRecord, TeamStore } from '../accountStorage';
import { teamMembers, teams } from '../schema';
import type { Db } from './database';

export function sqliteTeamStore(db: Db): TeamStore {
  const membersOf = (teamId: string) =>
    db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId))
      .all()
      .map((r) => r.userId);
  const withMembers = (row: Omit<TeamRecord, 'memberIds'> | undefined): TeamRecord | undefined =>
    row && { ...row, memberIds: membersOf(row.id) };

  return {
    async list() {
      const members = new Map<string, string[]>();
      for (const { teamId, userId } of db.select().from(teamMembers).all()) members.set(teamId, [...(members.get(teamId) ?? []), userId]);
      return db
        .select()
        .from(teams)
        .orderBy(asc(teams.name))
        .all()
        .map((t) => ({ ...t, memberIds: members.get(t.id) ?? [] }));
    },
    async get(id) {
      return withMembers(db.select().from(teams).where(eq(teams.id, id)).get());
    },
    async getByName(name) {
      return withMembers(db.select().from(teams).where(eq(teams.name, name)).get());
    },
    async create({ id, name }) {
      const createdAt = new Date();
      db.insert(teams).values({ id, name, createdAt }).run();
      return { id, name, createdAt, memberIds: [] };
    },
    async rename(id, name) {
      db.update(teams).set({ name }).where(eq(teams.id, id)).run();
    },
    async setMembers(id, userIds) {
      db.transaction((tx) => {
        tx.delete(teamMembers).where(eq(teamMembers.teamId, id)).run();
        if (userIds.length > 0)
          tx.insert(teamMembers)
            .values(userIds.map((userId) => ({ teamId: id, userId })))
            .run();
      });
    },
    async delete(id) {
      return db.delete(teams).where(eq(teams.id, id)).run().changes > 0;
    },
  };
}
