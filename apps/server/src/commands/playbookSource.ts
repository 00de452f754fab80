import { type Playbook, toJSON } from '@fullcourt/playbook';
import type { VersionRecord } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';

/** Reading the published version takes less than reading the live document or any other version (tokens with only `read`). */
export const readAction = (which: VersionSelector) => (which === 'published' ? 'playbook.readPublished' : 'playbook.readLive');

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
  await authorizePlaybook(services, actor, readAction(which), playbookId);
  if (which === 'live') {
    const json = await services.collab.documents.use(playbookId, (document) => toJSON(document.doc));
    return { json, version: undefined };
  }
  const version = await savedVersion(services, playbookId, which);
  return { json: JSON.parse(version.json) as Playbook, version };
}

/**
 * The canonical JSON as text, for responses: a saved version's stored text is sent as it is,
 * with no parse and re-serialise, since tools read published versions far more than they change.
 */
export async function readPlaybookText(
  services: Services,
  actor: Actor,
  playbookId: string,
  which: VersionSelector,
): Promise<{ text: string; version: VersionRecord | undefined }> {
  if (which === 'live') {
    const { json } = await readPlaybook(services, actor, playbookId, which);
    return { text: JSON.stringify(json), version: undefined };
  }
  await authorizePlaybook(services, actor, readAction(which), playbookId);
  const version = await savedVersion(services, playbookId, which);
  return { text: version.json, version };
}

/** A saved version of a playbook the caller was allowed to read. */
export async function savedVersion(services: Services, playbookId: string, which: 'published' | number): Promise<VersionRecord> {
  const version =
    which === 'published'
      ? (await services.storage.versions.published(playbookId))?.version
      : await services.storage.versions.get(playbookId, which);
  if (version) return version;
  if (which === 'published') {
    throw new AppError('not-published', `Playbook '${playbookId}' has no published version yet. Publish one, or read ?version=live.`);
  }
  throw notFound(`version of playbook '${playbookId}'`, String(which));
}
