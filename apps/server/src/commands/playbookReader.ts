import type { PlaybookCursor, PlaybookPage, PlaybookRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import type { Services } from './services';

/** One page of playbooks, most recently edited first, read from storage a page at a time. */
export async function listPlaybooks(
  services: Services,
  _actor: Actor,
  page: { limit: number; offset?: number; after?: PlaybookCursor },
): Promise<PlaybookPage> {
  return services.storage.playbooks.list(page);
}

/** One playbook's record, or a 404 problem naming the id. */
export async function getPlaybook(services: Services, _actor: Actor, id: string): Promise<PlaybookRecord> {
  const record = await services.storage.playbooks.get(id);
  if (!record) throw notFound('playbook', id);
  return record;
}
