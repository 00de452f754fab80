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
 * The payload (and its diff, the costly part) is built once, only if someone listens, and
 * stored once: every webhook receives the same bytes; which webhook and which delivery travel
 * in headers. Queuing is a local write; sending happens in the background dispatcher.
 */
export async function emitVersionEvent(
  services: Services,
  event: WebhookEvent,
  version: VersionRecord,
  previous?: VersionRecord,
): Promise<void> {
  if (!(await services.storage.webhooks.subscribed(version.playbookId, event))) return;
  const id = nanoid();
  const createdAt = new Date();
  const payload = JSON.stringify(versionEventPayload(id, event, createdAt, version, previous));
  const queued = await services.storage.webhooks.enqueue({ id, playbookId: version.playbookId, event, payload, createdAt }, () => nanoid());
  if (queued > 0) services.webhooks.kick();
}

/** The body of a version event: the same for every webhook and every retry (`id` names the event). */
function versionEventPayload(id: string, event: WebhookEvent, occurredAt: Date, version: VersionRecord, previous?: VersionRecord) {
  const before = previous ? (JSON.parse(previous.json) as Playbook) : PlaybookSchema.parse(emptyPlaybook());
  const after = JSON.parse(version.json) as Playbook;
  return {
    id,
    event,
    occurredAt: occurredAt.toISOString(),
    playbook: { id: version.playbookId, title: after.title },
    version: presentVersion(version, event === 'version.published' ? version.id : undefined),
    previous: previous ? presentVersion(previous, undefined) : null,
    changes: diff(before, after),
  };
}
