import type { Actor } from '../identity/actor';
import { can } from '../policy/authorize';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/** Whether the actor may join a playbook's live session (401/403/404 otherwise), and whether only to view. */
export async function joinAccess(services: Services, actor: Actor, playbookId: string): Promise<{ readOnly: boolean }> {
  const access = await authorizePlaybook(services, actor, 'playbook.readLive', playbookId);
  return { readOnly: !can(actor, 'playbook.edit', { kind: 'playbook', access }) };
}
