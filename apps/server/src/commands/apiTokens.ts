import type { ApiTokenRecord, TokenScope } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { hashSecret, newTokenSecret } from '../identity/tokenSecret';
import { authorize, can, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import { newResourceId } from './resourceId';
import type { Services } from './services';

export interface NewToken {
  name: string;
  scopes: TokenScope[];
  /** Playbook ids it is limited to; all the holder may use when absent. */
  playbooks?: string[];
  expiresAt?: Date;
  /** personal (acts as its creator, capped by their role) or integration (workspace-wide, admins only). */
  kind: 'personal' | 'integration';
}

/** Creates an API token and returns it with its secret, which is shown this once (only its SHA-256 is stored). */
export async function createApiToken(
  services: Services,
  actor: Actor,
  input: NewToken,
): Promise<{ record: ApiTokenRecord; secret: string }> {
  authorize(actor, input.kind === 'integration' ? 'token.manageAll' : 'profile.manage', workspace);
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError('invalid-input', 'expiresAt: give a time in the future', {
      errors: [{ field: 'expiresAt', message: 'in the past' }],
    });
  }
  if (input.playbooks) {
    const missing = [];
    for (const id of input.playbooks) if (!(await services.storage.access.get(id))) missing.push(id);
    if (missing.length > 0) throw notFound('playbook', missing.join(', '));
  }
  const secret = newTokenSecret();
  const record = await services.storage.tokens.create({
    id: newResourceId(),
    name: input.name,
    tokenHash: hashSecret(secret),
    prefix: secret.slice(0, 7),
    kind: input.kind,
    userId: actor.id,
    scopes: [...new Set(input.scopes)],
    playbookIds: input.playbooks ?? null,
    createdAt: new Date(),
    expiresAt: input.expiresAt ?? null,
  });
  await recordAudit(
    services,
    actor,
    'token.created',
    { kind: 'token', id: record.id },
    { name: record.name, kind: record.kind, scopes: record.scopes, playbookIds: record.playbookIds },
  );
  return { record, secret };
}

/** The caller's own tokens; owners and admins see everyone's. */
export async function listApiTokens(services: Services, actor: Actor): Promise<ApiTokenRecord[]> {
  authorize(actor, 'profile.manage', workspace);
  return services.storage.tokens.list(can(actor, 'token.manageAll', workspace) ? {} : { userId: actor.id });
}

/** Revokes a token (its holder, or an admin); sockets opened with it close within a second. */
export async function revokeApiToken(services: Services, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'profile.manage', workspace);
  const token = await services.storage.tokens.get(id);
  if (!token || token.revokedAt || (token.userId !== actor.id && !can(actor, 'token.manageAll', workspace))) throw notFound('token', id);
  await services.storage.tokens.revoke(id, new Date());
  await recordAudit(services, actor, 'token.revoked', { kind: 'token', id }, { name: token.name });
  services.accessChanged();
}
