import type { Connection } from '../collab/connection';
import type { PlaybookAccessRecord } from '../db';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import { refusal } from '../policy/authorize';
import { playbookAccess } from './playbookAccess';
import { type FeedReader, feedFrames } from './readerFeeds';
import type { Services } from './services';

/**
 * Re-checks every open collaboration socket against the access that holds now, after a role,
 * team, grant, session or token changed (and periodically, for sessions that simply expire).
 * A socket whose credential is gone closes with 4401; one that lost the playbook closes with
 * 4403; one that may now only view closes with 4403 too, so its client reconnects read-only.
 * One that may now edit is simply allowed to. Reader pages' streams (readerFeeds.ts) end
 * the same way, with an event saying why.
 */
export async function recheckConnections(services: Services): Promise<void> {
  const actors = new Map<string, Promise<Actor | undefined>>();
  const access = new Map<string, Promise<PlaybookAccessRecord | undefined>>();
  const current = (holder: { actor: Actor; playbookId: string }) => {
    const key = `${holder.actor.kind}:${holder.actor.id}:${holder.actor.sessionId ?? holder.actor.token?.id ?? ''}`;
    if (!actors.has(key)) actors.set(key, services.identity.refresh(holder.actor));
    if (!access.has(holder.playbookId)) access.set(holder.playbookId, playbookAccess(services, holder.playbookId));
    return Promise.all([actors.get(key), access.get(holder.playbookId)]);
  };
  const checks = [...services.collab.openConnections()].map(async (connection) => {
    apply(connection, ...(await current(connection)));
  });
  const readers = [...services.readerFeeds.readers()].map(async (reader) => {
    applyToReader(reader, ...(await current(reader)));
  });
  const results = await Promise.allSettled([...checks, ...readers]);
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

function applyToReader(reader: FeedReader, actor: Actor | undefined, access: PlaybookAccessRecord | undefined): void {
  if (!actor) {
    reader.end(feedFrames.denied('Your session ended or your access was revoked. Sign in again.'));
    return;
  }
  const resource = access ? ({ kind: 'playbook', access } as const) : undefined;
  if (!resource || refusal(actor, 'playbook.readLive', resource) !== null) {
    reader.end(feedFrames.denied('You no longer have access to this playbook.'));
  }
}
