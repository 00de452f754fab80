import { nanoid } from 'nanoid';
import type { TeamRecord } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import type { Services } from './services';

export async function listTeams(services: Services, actor: Actor): Promise<TeamRecord[]> {
  authorize(actor, 'people.read', workspace);
  return services.storage.teams.list();
}

export async function createTeam(services: Services, actor: Actor, input: { name: string; memberIds: string[] }): Promise<TeamRecord> {
  authorize(actor, 'people.manage', workspace);
  if (await services.storage.teams.getByName(input.name)) throw new AppError('conflict', `There is already a team called ${input.name}.`);
  await checkPeople(services, input.memberIds);
  const team = await services.storage.teams.create({ id: nanoid(10), name: input.name });
  if (input.memberIds.length > 0) await services.storage.teams.setMembers(team.id, input.memberIds);
  await recordAudit(services, actor, 'team.created', { kind: 'team', id: team.id }, { name: input.name, memberIds: input.memberIds });
  return (await services.storage.teams.get(team.id)) as TeamRecord;
}

/** Renames a team or replaces its members; sockets of people who gained or lost access through it are re-checked. */
export async function updateTeam(
  services: Services,
  actor: Actor,
  id: string,
  patch: { name?: string; memberIds?: string[] },
): Promise<TeamRecord> {
  authorize(actor, 'people.manage', workspace);
  const team = await services.storage.teams.get(id);
  if (!team) throw notFound('team', id);
  if (patch.name !== undefined && patch.name !== team.name) {
    if (await services.storage.teams.getByName(patch.name)) throw new AppError('conflict', `There is already a team called ${patch.name}.`);
    await services.storage.teams.rename(id, patch.name);
  }
  if (patch.memberIds !== undefined) {
    await checkPeople(services, patch.memberIds);
    await services.storage.teams.setMembers(id, patch.memberIds);
    services.accessChanged();
  }
  await recordAudit(services, actor, 'team.updated', { kind: 'team', id }, { ...patch, previousMemberIds: team.memberIds });
  return (await services.storage.teams.get(id)) as TeamRecord;
}

export async function deleteTeam(services: Services, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'people.manage', workspace);
  if (!(await services.storage.teams.delete(id))) throw notFound('team', id);
  await recordAudit(services, actor, 'team.deleted', { kind: 'team', id });
  services.accessChanged();
}

async function checkPeople(services: Services, userIds: string[]): Promise<void> {
  const known = new Set((await services.storage.users.list()).map((u) => u.id));
  const unknown = userIds.filter((u) => !known.has(u));
  if (unknown.length > 0)
    throw new AppError('invalid-input', `No person with id ${unknown.map((u) => `'${u}'`).join(', ')}.`, {
      errors: [{ field: 'memberIds', message: 'unknown person' }],
    });
}
