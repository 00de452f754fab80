import { diff, emptyPlaybook, type Playbook, PlaybookSchema } from '@fullcourt/playbook';
import { nanoid } from 'nanoid';
import type { VersionRecord } from '../db';
import { presentVersion } from '../presenters/versionPresenter';
import type { Services } from './services';

export const webhookEvents = ['version.published', 'version.created'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/**
 * Queues an event about a version for every subscribed webhook, with the business diff
 * against `previous` (the version before it, or the previously published one).
 * Queuing is a local write; sending happens in the background dispatcher.
 */
export async function emitVersionEvent(
  services: Services,
  event: WebhookEvent,
  version: VersionRecord,
  previous?: VersionRecord,
): Promise<void> {
  const before = previous ? (JSON.parse(previous.json) as Playbook) : PlaybookSchema.parse(emptyPlaybook());
  const after = JSON.parse(version.json) as Playbook;
  const occurredAt = new Date().toISOString();
  const queued = await services.storage.webhooks.enqueue(
    version.playbookId,
    event,
    (webhookId, deliveryId) =>
      JSON.stringify({
        id: deliveryId,
        event,
        occurredAt,
        webhookId,
        playbook: { id: version.playbookId, title: after.title },
        version: presentVersion(version, event === 'version.published' ? version.id : undefined),
        previous: previous ? presentVersion(previous, undefined) : null,
        changes: diff(before, after),
      }),
    () => nanoid(),
  );
  if (queued > 0) services.webhooks.kick();
}
