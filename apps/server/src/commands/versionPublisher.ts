import type { VersionRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { recordAudit } from './auditLog';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';
import { emitVersionEvent } from './webhookEvents';

/** Makes version `number` the published one and tells subscribed tools, with the diff against the previous publication. */
export async function publishVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  number: number,
): Promise<{ version: VersionRecord; previous: VersionRecord | undefined }> {
  await authorizePlaybook(services, actor, 'version.publish', playbookId);
  const version = await services.storage.versions.get(playbookId, number);
  if (!version) throw notFound(`version of playbook '${playbookId}'`, String(number));
  const previous = (await services.storage.versions.published(playbookId))?.version;
  await services.storage.versions.publish(playbookId, version.id, actor.name);
  services.log.info({ playbookId, version: number, previous: previous?.number, actor: actor.id }, 'version published');
  await recordAudit(
    services,
    actor,
    'version.published',
    { kind: 'playbook', id: playbookId },
    { version: number, previous: previous?.number ?? null },
  );
  await emitVersionEvent(services, 'version.published', version, previous);
  return { version, previous };
}
