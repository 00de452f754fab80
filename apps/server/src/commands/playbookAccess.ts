import type { PlaybookAccessRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, unauthenticated } from '../policy/authorize';
import type { PlaybookAction } from '../policy/rules';
import type { Services } from './services';

/**
 * A playbook's sharing, cached: every request on a playbook reads it and it rarely changes.
 * Every command that changes it (sharing, trash, restore) calls `services.accessChanged()`,
 * which empties the cache; a playbook not found is never cached.
 */
export async function playbookAccess(services: Services, playbookId: string): Promise<PlaybookAccessRecord | undefined> {
  const cached = services.accessCache.get(playbookId);
  if (cached) return cached;
  const access = await services.storage.access.get(playbookId);
  if (access) {
    if (services.accessCache.size > 10_000) services.accessCache.clear();
    services.accessCache.set(playbookId, access);
  }
  return access;
}

/**
 * Loads a playbook's sharing and asks the policy whether the actor may do `action` on it:
 * 401 without credentials, 404 when it does not exist (or is hidden from them, or in the
 * trash), 403 when they may see it but not do this. Every playbook command starts here.
 */
export async function authorizePlaybook(
  services: Services,
  actor: Actor,
  action: PlaybookAction,
  playbookId: string,
): Promise<PlaybookAccessRecord> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const access = await playbookAccess(services, playbookId);
  if (!access) throw notFound('playbook', playbookId);
  authorize(actor, action, { kind: 'playbook', access });
  return access;
}
