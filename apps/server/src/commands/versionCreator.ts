import { toJSON } from '@fullcourt/playbook';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import type { SharedDocument } from '../collab/sharedDocument';
import type { VersionKind, VersionRecord } from '../db';
import type { Actor } from '../identity/actor';
import { getPlaybook } from './playbookReader';
import type { Services } from './services';
import { emitVersionEvent } from './webhookEvents';

export interface CreateVersionInput {
  label: string;
  note?: string;
  kind?: VersionKind;
}

/** What a version keeps of the live document: its full Yjs state (to restore) and canonical JSON (to read and diff). */
export interface LiveSnapshot {
  state: Uint8Array;
  json: string;
}

export function snapshotOf(document: SharedDocument): LiveSnapshot {
  return { state: Y.encodeStateAsUpdate(document.doc), json: JSON.stringify(toJSON(document.doc)) };
}

/** Saves the live document (or a snapshot of it the caller took) as a version. */
export async function createVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: CreateVersionInput,
  snapshot?: LiveSnapshot,
): Promise<VersionRecord> {
  await getPlaybook(services, actor, playbookId);
  const { state, json } = snapshot ?? (await services.collab.documents.use(playbookId, snapshotOf));
  const previous = await services.storage.versions.latest(playbookId);
  const version = await services.storage.versions.create({
    id: nanoid(),
    playbookId,
    kind: input.kind ?? 'named',
    label: input.label,
    note: input.note ?? '',
    state,
    json,
    authorId: actor.id,
    authorName: actor.name,
  });
  services.log.info(
    { playbookId, version: version.number, kind: version.kind, actor: actor.id, stateBytes: version.stateBytes },
    'version saved',
  );
  if (version.kind === 'named') await emitVersionEvent(services, 'version.created', version, previous);
  return version;
}
