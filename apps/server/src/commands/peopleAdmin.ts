import type { UserRecord, WorkspaceRole } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import type { Services } from './services';

/** Everyone with an account, by name (deactivated people included, marked). */
export async function listPeople(services: Services, actor: Actor): Promise<UserRecord[]> {
  authorize(actor, 'people.read', workspace);
  return services.storage.users.list();
}

export interface NewPerson {
  email: string;
  name: string;
  password: string;
  role: WorkspaceRole;
  teamIds: string[];
}

/** Creates an account directly, with a password (admins provisioning people from a script). */
export async function provisionPerson(services: Services, actor: Actor, input: NewPerson): Promise<UserRecord> {
  authorize(actor, 'people.manage', workspace);
  checkRoleChange(actor, undefined, input.role);
  await checkTeams(services, input.teamIds);
  if (await services.storage.users.getByEmail(input.email)) {
    throw new AppError('conflict', `Someone already has an account with ${input.email}.`);
  }
  const user = await services.identity.createAccount(input);
  if (input.teamIds.length > 0) await services.storage.users.setTeams(user.id, input.teamIds);
  await recordAudit(
    services,
    actor,
    'user.created',
    { kind: 'user', id: user.id },
    { email: user.email, role: input.role, teamIds: input.teamIds },
  );
  return (await services.storage.users.get(user.id)) as UserRecord;
}

export interface PersonPatch {
  role?: WorkspaceRole;
  teamIds?: string[];
  deactivated?: boolean;
}

/**
 * Changes someone's role or teams, or deactivates them (their sessions end and their tokens
 * stop working) or reactivates them. Open sockets are re-checked at once.
 */
export async function updatePerson(services: Services, actor: Actor, id: string, patch: PersonPatch): Promise<UserRecord> {
  authorize(actor, 'people.manage', workspace);
  const person = await services.storage.users.get(id);
  if (!person) throw notFound('person', id);
  if (patch.role !== undefined && patch.role !== person.role) {
    checkRoleChange(actor, person, patch.role);
    if (person.role === 'owner') await checkNotLastOwner(services, person.id);
    await services.storage.users.update(id, { role: patch.role });
    await recordAudit(services, actor, 'user.role_changed', { kind: 'user', id }, { from: person.role, to: patch.role });
  }
  if (patch.teamIds !== undefined) {
    await checkTeams(services, patch.teamIds);
    await services.storage.users.setTeams(id, patch.teamIds);
    await recordAudit(services, actor, 'user.teams_changed', { kind: 'user', id }, { from: person.teamIds, to: patch.teamIds });
  }
  if (patch.deactivated !== undefined && patch.deactivated !== (person.deactivatedAt !== null)) {
    if (patch.deactivated) {
      if (id === actor.id) throw new AppError('invalid-request', 'You cannot deactivate yourself; ask another admin.');
      if (person.role === 'owner') checkRoleChange(actor, person, person.role);
      if (person.role === 'owner') await checkNotLastOwner(services, person.id);
      await services.storage.users.update(id, { deactivatedAt: new Date() });
      await services.storage.users.deleteSessions(id);
    } else {
      await services.storage.users.update(id, { deactivatedAt: null });
    }
    await recordAudit(services, actor, patch.deactivated ? 'user.deactivated' : 'user.reactivated', { kind: 'user', id });
  }
  services.accessChanged();
  return (await services.storage.users.get(id)) as UserRecord;
}

/** Only owners make owners or change an owner. */
function checkRoleChange(actor: Actor, person: UserRecord | undefined, to: WorkspaceRole): void {
  if ((to === 'owner' || person?.role === 'owner') && actor.role !== 'owner') {
    throw new AppError('forbidden', 'Only owners may make someone an owner or change an owner.');
  }
}

async function checkNotLastOwner(services: Services, userId: string): Promise<void> {
  const owners = (await services.storage.users.list()).filter((u) => u.role === 'owner' && !u.deactivatedAt && u.id !== userId);
  if (owners.length === 0) throw new AppError('invalid-request', 'The workspace needs at least one owner; make someone else owner first.');
}

export async function checkTeams(services: Services, teamIds: string[]): Promise<void> {
  const known = new Set((await services.storage.teams.list()).map((t) => t.id));
  const unknown = teamIds.filter((t) => !known.has(t));
  if (unknown.length > 0)
    throw new AppError('invalid-input', `No team with id ${unknown.map((t) => `'${t}'`).join(', ')}.`, {
      errors: [{ field: 'teamIds', message: 'unknown team' }],
    });
}
