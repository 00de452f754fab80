import type { Connection } from '../collab/connection';
import type { PlaybookAccessRecord } from '../db';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import { refusal } from '../policy/authorize';
import { playbookAccess } from './playbookAccess';
import type { Services } from './services';

/**
 * Re-checks every open collaboration socket against the access that holds now, after a role,
 * team, grant, session or token changed (and periodically, for sessions that simply expire).
 * A socket whose credential is gone closes with 4401; one that lost the playbook closes with
 * 4403; one that may now only view closes with 4403 too, so its client reconnects read-only.
 * One that may now edit is simply allowed to.
 */
export async function recheckConnections(services: Services): Promise<void> {
  const actors = new Map<string, Promise<Actor | undefined>>();
  const access = new Map<string, Promise<PlaybookAccessRecord | undefined>>();
  const checks = [...services.collab.openConnections()].map(async (connection) => {
    const key = `${connection.actor.kind}:${connection.actor.id}:${connection.actor.sessionId ?? connection.actor.token?.id ?? ''}`;
    if (!actors.has(key)) actors.set(key, services.identity.refresh(connection.actor));
    if (!access.has(connection.playbookId)) access.set(connection.playbookId, playbookAccess(services, connection.playbookId));
    apply(connection, await actors.get(key), await access.get(connection.playbookId));
  });
  const results = await Promise.allSettled(checks);
  for (const result of results) {
    if (result.status === 'rejected') services.log.error({ err: result.reason }, 're-checking a connection failed');
  }
}

function apply(connection: Connection, actor: Actor | undefined, access: PlaybookAccessRecord | undefined): void {
  if (!actor) {
    connection.close(new CloseReason(CloseCode.unauthenticated, 'Your session ended or your access was revoked. Sign in again.'));
    return;
  }
  const resource = access ? ({ kind: 'playbook', access } as const) : undefined;
  if (!resource || refusal(actor, 'playbook.readLive', resource) !== null) {
    connection.close(new CloseReason(CloseCode.forbidden, 'You no longer have access to this playbook.'));
    return;
  }
  const mayEdit = refusal(actor, 'playbook.edit', resource) === null;
  if (!mayEdit && !connection.readOnly) {
    connection.close(new CloseReason(CloseCode.forbidden, 'You can now only view this playbook; edits since were not saved.'));
    return;
  }
  if (mayEdit && connection.readOnly) connection.readOnly = false;
}
