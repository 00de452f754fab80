import { type Playbook, toJSON } from '@fullcourt/playbook';
import type { VersionRecord } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { getPlaybook } from './playbookReader';
import type { Services } from './services';

/** Which state of a playbook to read: the live document, the published version, or version n. */
export type VersionSelector = 'live' | 'published' | number;

export interface PlaybookSnapshot {
  json: Playbook;
  /** The saved version read, or undefined for the live document. */
  version: VersionRecord | undefined;
}

/** Reads a playbook's canonical JSON as it is live, as published, or as saved in version n. */
export async function readPlaybook(
  services: Services,
  actor: Actor,
  playbookId: string,
  which: VersionSelector,
): Promise<PlaybookSnapshot> {
  await getPlaybook(services, actor, playbookId);
  if (which === 'live') {
    const json = await services.collab.documents.use(playbookId, (document) => toJSON(document.doc));
    return { json, version: undefined };
  }
  const version =
    which === 'published'
      ? (await services.storage.versions.published(playbookId))?.version
      : await services.storage.versions.get(playbookId, which);
  if (!version) {
    if (which === 'published') {
      throw new AppError(
        404,
        'Not published',
        `Playbook '${playbookId}' has no published version yet. Publish one, or read ?version=live.`,
      );
    }
    throw notFound(`version of playbook '${playbookId}'`, String(which));
  }
  return { json: JSON.parse(version.json) as Playbook, version };
}
