import type { UserRecord } from '../db';
import { AppError } from '../errors';
import { systemActor } from '../identity/actor';
import { hashSecret, newLinkToken } from '../identity/tokenSecret';
import { recordAudit } from './auditLog';
import type { Services } from './services';

/** The teams a new workspace starts with; admins add more. */
export const starterTeams = ['Marketing', 'Sales', 'Product', 'Community'];

const setupLinkMs = 60 * 60_000;

/**
 * A server with no accounts yet: either FULLCOURT_OWNER_EMAIL/PASSWORD create the owner at
 * boot, or a one-time setup link (valid for an hour, or until used) is printed, where the
 * first person creates the owner account. Nobody else can sign up: people join by invitation.
 */
export class FirstRun {
  private pending: { tokenHash: string; expiresAt: number } | undefined;

  /** Whether the server still waits for its owner. */
  get open(): boolean {
    return this.pending !== undefined && this.pending.expiresAt > Date.now();
  }

  /** Makes a new setup token (the previous one stops working) and returns it. */
  issue(): string {
    const token = newLinkToken();
    this.pending = { tokenHash: hashSecret(token), expiresAt: Date.now() + setupLinkMs };
    return token;
  }

  /** Uses the token up if it is the current one and still valid. */
  consume(token: string): boolean {
    if (!this.open || this.pending?.tokenHash !== hashSecret(token)) return false;
    this.pending = undefined;
    return true;
  }
}

/** At boot: seed the starter teams and create the owner from the environment, or return a setup link token when no one exists yet. */
export async function prepareFirstRun(
  services: Services,
  owner: { email: string; password: string; name: string | undefined } | undefined,
): Promise<{ setupToken: string | undefined }> {
  if ((await services.storage.users.count()) > 0) return { setupToken: undefined };
  await seedTeams(services);
  if (owner) {
    const name = owner.name ?? owner.email.split('@')[0] ?? 'Owner';
    const user = await services.identity.createAccount({ email: owner.email, name, password: owner.password, role: 'owner' });
    await recordAudit(
      services,
      systemActor,
      'user.created',
      { kind: 'user', id: user.id },
      { role: 'owner', via: 'FULLCOURT_OWNER_EMAIL' },
    );
    return { setupToken: undefined };
  }
  return { setupToken: services.firstRun.issue() };
}

async function seedTeams(services: Services): Promise<void> {
  if ((await services.storage.teams.list()).length > 0) return;
  for (const name of starterTeams) await services.storage.teams.create({ id: name.toLowerCase(), name });
}

/** Creates the owner from the setup page; the link works once. */
/** Whether the server still waits for its owner: the setup link is open and nobody has an account. */
export async function setupRequired(services: Services): Promise<boolean> {
  return services.firstRun.open && (await services.storage.users.count()) === 0;
}

export async function completeSetup(
  services: Services,
  input: { token: string; email: string; name: string; password: string },
): Promise<UserRecord> {
  if ((await services.storage.users.count()) > 0) {
    throw new AppError('conflict', 'This server is already set up. Sign in, or ask an admin for an invitation.');
  }
  if (!services.firstRun.consume(input.token)) {
    throw new AppError('link-expired', 'This setup link was already used or has expired. Restart the server for a new one.');
  }
  const user = await services.identity.createAccount({ email: input.email, name: input.name, password: input.password, role: 'owner' });
  await recordAudit(
    services,
    { ...systemActor, id: user.id, name: user.name },
    'user.created',
    { kind: 'user', id: user.id },
    { role: 'owner', via: 'setup' },
  );
  return user;
}
