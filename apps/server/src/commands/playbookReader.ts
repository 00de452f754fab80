import type { PlaybookRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import type { Services } from './services';

/** Every playbook, most recently edited first. */
export async function listPlaybooks(services: Services, _actor: Actor): Promise<PlaybookRecord[]> {
  return services.storage.playbooks.list();
}

/** One playbook's record, or a 404 problem naming the id. */
export async function getPlaybook(services: Services, _actor: Actor, id: string): Promise<PlaybookRecord> {
  const record = await services.storage.playbooks.get(id);
  if (!record) throw notFound('playbook', id);
  return record;
}
