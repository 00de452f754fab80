import type { PlaybookRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, can, workspace } from '../policy/authorize';
import type { PlaybookAction } from '../policy/rules';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/** The playbooks the actor may read, most recently edited first (tokens with only `read` see those they may read published). */
export async function listPlaybooks(services: Services, actor: Actor): Promise<PlaybookRecord[]> {
  authorize(actor, 'playbook.list', workspace);
  const [records, access] = await Promise.all([services.storage.playbooks.list(), services.storage.access.all()]);
  const readable = new Set(
    access.filter((a) => can(actor, 'playbook.readPublished', { kind: 'playbook', access: a })).map((a) => a.playbookId),
  );
  return records.filter((r) => readable.has(r.id));
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
