import type { PlaybookRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/** How long a deleted playbook can be restored before it is purged. */
export const trashDays = 30;
const trashMs = trashDays * 24 * 3600_000;

/** Moves a playbook to the trash (managers); everyone connected to it is disconnected. */
export async function deletePlaybook(services: Services, actor: Actor, playbookId: string): Promise<void> {
  await authorizePlaybook(services, actor, 'playbook.delete', playbookId);
  if (!(await services.storage.playbooks.trash(playbookId, actor.id, new Date()))) throw notFound('playbook', playbookId);
  await recordAudit(services, actor, 'playbook.deleted', { kind: 'playbook', id: playbookId });
  services.accessChanged();
}

/** What is in the trash, most recently deleted first, with when each will be purged (owners and admins). */
export async function listTrash(services: Services, actor: Actor): Promise<(PlaybookRecord & { purgeAt: Date })[]> {
  authorize(actor, 'trash.manage', workspace);
  const deleted = await services.storage.playbooks.list({ deleted: true });
  return deleted.map((p) => ({ ...p, purgeAt: new Date((p.deletedAt as Date).getTime() + trashMs) }));
}

export async function restoreFromTrash(services: Services, actor: Actor, playbookId: string): Promise<PlaybookRecord> {
  authorize(actor, 'trash.manage', workspace);
  if (!(await services.storage.playbooks.untrash(playbookId))) throw notFound('playbook in the trash', playbookId);
  await recordAudit(services, actor, 'playbook.restored_from_trash', { kind: 'playbook', id: playbookId });
  services.accessChanged();
  return (await services.storage.playbooks.get(playbookId)) as PlaybookRecord;
}

/** Deletes for good what has been in the trash for 30 days (run at boot and hourly). */
export async function purgeTrash(services: Services, now = new Date()): Promise<string[]> {
  const purged = await services.storage.playbooks.purgeTrash(new Date(now.getTime() - trashMs));
  if (purged.length > 0) {
    services.log.info({ playbookIds: purged }, 'purged playbooks deleted 30 days ago');
    services.accessChanged();
  }
  return purged;
}
