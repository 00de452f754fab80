import type { InvitationRecord, UserRecord } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { hashSecret, newLinkToken } from '../identity/tokenSecret';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import { checkTeams } from './peopleAdmin';
import { newResourceId } from './resourceId';
import type { Services } from './services';

const invitationDays = 7;

/** Invites someone by email: returns the invitation and its single-use token (only its hash is kept). */
export async function createInvitation(
  services: Services,
  actor: Actor,
  input: { email: string; role: InvitationRecord['role']; teamIds: string[] },
): Promise<{ invitation: InvitationRecord; token: string }> {
  authorize(actor, 'people.manage', workspace);
  await checkTeams(services, input.teamIds);
  if (await services.storage.users.getByEmail(input.email)) throw new AppError('conflict', `${input.email} already has an account.`);
  const token = newLinkToken();
  const now = new Date();
  const invitation = await services.storage.invitations.create({
    id: newResourceId(),
    tokenHash: hashSecret(token),
    email: input.email.toLowerCase(),
    role: input.role,
    teamIds: input.teamIds,
    invitedBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + invitationDays * 24 * 3600_000),
  });
  await recordAudit(
    services,
    actor,
    'invitation.created',
    { kind: 'invitation', id: invitation.id },
    { email: invitation.email, role: input.role, teamIds: input.teamIds },
  );
  return { invitation, token };
}

export async function listInvitations(services: Services, actor: Actor): Promise<InvitationRecord[]> {
  authorize(actor, 'people.manage', workspace);
  return services.storage.invitations.list();
}

export async function revokeInvitation(services: Services, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'people.manage', workspace);
  if (!(await services.storage.invitations.revoke(id, new Date()))) throw notFound('open invitation', id);
  await recordAudit(services, actor, 'invitation.revoked', { kind: 'invitation', id });
}

/** What the accept page shows: whom the link is for. Used, revoked or expired links get 410. */
export async function lookUpInvitation(services: Services, token: string): Promise<InvitationRecord> {
  const invitation = await services.storage.invitations.byTokenHash(hashSecret(token));
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
    throw new AppError('link-expired', 'This invitation link was already used, was revoked, or has expired. Ask an admin for a new one.');
  }
  return invitation;
}

/** Creates the invited person's account (name and password of their choosing); the link works once. */
export async function acceptInvitation(
  services: Services,
  actor: Actor,
  input: { token: string; name: string; password: string },
): Promise<UserRecord> {
  const invitation = await lookUpInvitation(services, input.token);
  if (await services.storage.users.getByEmail(invitation.email))
    throw new AppError('conflict', `${invitation.email} already has an account; sign in.`);
  // The invitation is for one email and emails are unique: of two people racing with the link, one account is made.
  const user = await services.identity.createAccount({
    email: invitation.email,
    name: input.name,
    password: input.password,
    role: invitation.role,
  });
  await services.storage.invitations.markAccepted(invitation.id, user.id, new Date());
  if (invitation.teamIds.length > 0) await services.storage.users.setTeams(user.id, invitation.teamIds);
  await recordAudit(
    services,
    { ...actor, id: user.id, name: user.name },
    'invitation.accepted',
    { kind: 'invitation', id: invitation.id },
    { userId: user.id, email: user.email },
  );
  return user;
}
