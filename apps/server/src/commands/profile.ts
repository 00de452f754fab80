import type { SessionRecord, UserRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import type { Services } from './services';

/** The signed-in person's own account. */
export async function getProfile(services: Services, actor: Actor): Promise<UserRecord> {
  authorize(actor, 'profile.manage', workspace);
  const user = await services.storage.users.get(actor.id);
  if (!user) throw notFound('person', actor.id);
  return user;
}

/** Changes one's name or colour (what collaborators see on carets and avatars). */
export async function updateProfile(services: Services, actor: Actor, patch: { name?: string; color?: string }): Promise<UserRecord> {
  authorize(actor, 'profile.manage', workspace);
  await services.storage.users.update(actor.id, patch);
  // Tokens resolved earlier carry the old name.
  services.accessChanged();
  return getProfile(services, actor);
}

/** Changes one's password; every other session of theirs ends (and its sockets close). Returns the new session's cookie headers. */
export async function changePassword(
  services: Services,
  actor: Actor,
  requestHeaders: Headers,
  input: { currentPassword: string; newPassword: string },
): Promise<Headers> {
  authorize(actor, 'profile.manage', workspace);
  const headers = await services.identity.changePassword(requestHeaders, input.currentPassword, input.newPassword);
  await recordAudit(services, actor, 'user.password_changed', { kind: 'user', id: actor.id });
  services.accessChanged();
  return headers;
}

export async function listOwnSessions(services: Services, actor: Actor): Promise<SessionRecord[]> {
  authorize(actor, 'profile.manage', workspace);
  return services.storage.users.listSessions(actor.id);
}

export async function revokeOwnSession(services: Services, actor: Actor, sessionId: string): Promise<void> {
  authorize(actor, 'profile.manage', workspace);
  if (!(await services.storage.users.deleteSession(actor.id, sessionId))) throw notFound('session', sessionId);
  await recordAudit(services, actor, 'session.revoked', { kind: 'session', id: sessionId });
  services.accessChanged();
}

/** Ends every session of the caller, this one included. */
export async function signOutEverywhere(services: Services, actor: Actor): Promise<number> {
  authorize(actor, 'profile.manage', workspace);
  const ended = await services.storage.users.deleteSessions(actor.id);
  await recordAudit(services, actor, 'session.signed_out_everywhere', { kind: 'user', id: actor.id }, { sessions: ended });
  services.accessChanged();
  return ended;
}
