import { nanoid } from 'nanoid';
import type { PlaybookRecord } from '../db';
import type { Actor } from '../identity/actor';
import type { Services } from './services';

export interface CreatePlaybookInput {
  title: string;
}

/** Creates a playbook record; its shared document starts empty. */
export async function createPlaybook(services: Services, actor: Actor, input: CreatePlaybookInput): Promise<PlaybookRecord> {
  const record = await services.storage.playbooks.create({ id: nanoid(12), title: input.title });
  services.log.info({ playbookId: record.id, actor: actor.id }, 'playbook created');
  return record;
}
