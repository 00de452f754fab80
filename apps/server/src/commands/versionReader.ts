import type { Publication, VersionKind, VersionListing, VersionRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/** A page of a playbook's versions, newest first, and which one is published. */
export async function listVersions(
  services: Services,
  actor: Actor,
  playbookId: string,
  page: { limit: number; before?: number; kind?: VersionKind },
): Promise<{ items: VersionListing[]; publication: Publication | undefined }> {
  await authorizePlaybook(services, actor, 'playbook.readLive', playbookId);
  const [publication, items] = await Promise.all([
    services.storage.versions.published(playbookId),
    services.storage.versions.list(playbookId, page),
  ]);
  return { items, publication };
}

/** One saved version with its JSON, and the id of the published version (to say whether this is it). */
export async function getVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  number: number,
): Promise<{ version: VersionRecord; publishedId: string | undefined }> {
  await authorizePlaybook(services, actor, 'playbook.readLive', playbookId);
  const version = await services.storage.versions.get(playbookId, number);
  if (!version) throw notFound(`version of playbook '${playbookId}'`, String(number));
  return { version, publishedId: await publishedVersionId(services, playbookId) };
}

/** The id of a playbook's published version, for presenting versions a command just returned (no access check of its own). */
export async function publishedVersionId(services: Services, playbookId: string): Promise<string | undefined> {
  return (await services.storage.versions.published(playbookId))?.version.id;
}
