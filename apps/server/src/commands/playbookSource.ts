import { clipTexts, type Playbook, PlaybookSchema, textLimitsOf, toJSON } from '@fullcourt/playbook';
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
  if (which === 'live') {
    await getPlaybook(services, actor, playbookId);
    const json = await services.collab.documents.use(playbookId, (document) => toJSON(document.doc));
    return { json, version: undefined };
  }
  const version = await savedVersion(services, playbookId, which, actor);
  // A version saved before the text limits existed may hold longer texts: read them clipped, as live reads are.
  return { json: clipTexts(JSON.parse(version.json) as Playbook, playbookLimits).json, version };
}

const playbookLimits = textLimitsOf(PlaybookSchema);

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
  const version = await savedVersion(services, playbookId, which, actor);
  return { text: version.json, version };
}

/** A saved version; the playbook's existence is only checked when none is found (reads of published versions are the hot path). */
async function savedVersion(services: Services, playbookId: string, which: 'published' | number, actor: Actor): Promise<VersionRecord> {
  const version =
    which === 'published'
      ? (await services.storage.versions.published(playbookId))?.version
      : await services.storage.versions.get(playbookId, which);
  if (version) return version;
  await getPlaybook(services, actor, playbookId);
  if (which === 'published') {
    throw new AppError('not-published', `Playbook '${playbookId}' has no published version yet. Publish one, or read ?version=live.`);
  }
  throw notFound(`version of playbook '${playbookId}'`, String(which));
}
