import type { AuditEvent } from '../db';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import type { Services } from './services';

/** What an audit event is about: a playbook, a person, a team, a token, a webhook, an invitation. */
export interface AuditTarget {
  kind: string;
  id: string;
}

/**
 * Records who did what, when, from where. Called after the action succeeded; a failure to
 * record is logged rather than turned into a failure of the action that already happened.
 */
export async function recordAudit(
  services: Services,
  actor: Actor,
  action: string,
  target: AuditTarget | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  try {
    await services.storage.audit.append({
      at: new Date(),
      actorId: actor.kind === 'anonymous' ? null : actor.id,
      actorName: actor.name,
      actorKind: actor.token ? `${actor.token.kind}-token` : actor.kind,
      action,
      targetKind: target?.kind ?? null,
      targetId: target?.id ?? null,
      detail,
      ip: actor.address ?? null,
    });
  } catch (error) {
    services.log.error({ err: error, action }, 'recording an audit event failed');
  }
}

/** A page of the audit log, newest first (owners and admins). */
export async function listAuditEvents(services: Services, actor: Actor, page: { limit: number; before?: number }): Promise<AuditEvent[]> {
  authorize(actor, 'audit.read', workspace);
  return services.storage.audit.list(page);
}
