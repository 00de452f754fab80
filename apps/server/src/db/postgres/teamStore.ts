import { asc, eq } from 'drizzle-orm';
import type { TeamRecord, TeamStore } from '../accountStorage';
import type { Db } from './database';
import { teamMembers, teams } from './schema';

export function postgresTeamStore(db: Db): TeamStore {
  const withMembers = async (row: Omit<TeamRecord, 'memberIds'> | undefined): Promise<TeamRecord | undefined> => {
    if (!row) return undefined;
    const members = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, row.id));
    return { ...row, memberIds: members.map((r) => r.userId) };
  };

  return {
    async list() {
      const members = new Map<string, string[]>();
      for (const { teamId, userId } of await db.select().from(teamMembers)) members.set(teamId, [...(members.get(teamId) ?? []), userId]);
      const rows = await db.select().from(teams).orderBy(asc(teams.name));
      return rows.map((t) => ({ ...t, memberIds: members.get(t.id) ?? [] }));
    },
    async get(id) {
      return withMembers((await db.select().from(teams).where(eq(teams.id, id)))[0]);
    },
    async getByName(name) {
      return withMembers((await db.select().from(teams).where(eq(teams.name, name)))[0]);
    },
    async create({ id, name }) {
      const createdAt = new Date();
      await db.insert(teams).values({ id, name, createdAt });
      return { id, name, createdAt, memberIds: [] };
    },
    async rename(id, name) {
      await db.update(teams).set({ name }).where(eq(teams.id, id));
    },
    async setMembers(id, userIds) {
      await db.transaction(async (tx) => {
        await tx.delete(teamMembers).where(eq(teamMembers.teamId, id));
        if (userIds.length > 0) await tx.insert(teamMembers).values(userIds.map((userId) => ({ teamId: id, userId })));
      });
    },
    async delete(id) {
      return ((await db.delete(teams).where(eq(teams.id, id))).rowCount ?? 0) > 0;
    },
  };
}
