import type { PlaybookCursor, PlaybookPage, PlaybookRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, can, workspace } from '../policy/authorize';
import type { PlaybookAction } from '../policy/rules';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/**
 * One page of the playbooks the actor may read, most recently edited first, read from storage a
 * page at a time (tokens with only `read` see those they may read published).
 */
export async function listPlaybooks(
  services: Services,
  actor: Actor,
  page: { limit: number; offset?: number; after?: PlaybookCursor },
): Promise<PlaybookPage> {
  authorize(actor, 'playbook.list', workspace);
  // The policy decides per playbook from its access record (small: no content); storage then
  // pages over the readable ones in SQL. Someone who may read them all needs no id filter.
  const inUse = (await services.storage.access.all()).filter((a) => !a.deletedAt);
  const readable = inUse.filter((a) => can(actor, 'playbook.readPublished', { kind: 'playbook', access: a }));
  const ids = readable.length === inUse.length ? undefined : readable.map((a) => a.playbookId);
  return services.storage.playbooks.list({ ...page, ids });
}

/** One playbook's record, once the actor may do `action` on it (reading it by default). */
export async function getPlaybook(
  services: Services,
  actor: Actor,
  id: string,
  action: PlaybookAction = 'playbook.readPublished',
): Promise<PlaybookRecord> {
  await authorizePlaybook(services, actor, action, id);
  const record = await services.storage.playbooks.get(id);
  if (!record) throw notFound('playbook', id);
  return record;
}
