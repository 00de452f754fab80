import { toJSON } from '@fullcourt/playbook';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
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

/** Saves the live document as a version: its full Yjs state (to restore) and canonical JSON (to read and diff). */
export async function createVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: CreateVersionInput,
): Promise<VersionRecord> {
  await getPlaybook(services, actor, playbookId);
  const { state, json } = await services.collab.documents.use(playbookId, (document) => ({
    state: Y.encodeStateAsUpdate(document.doc),
    json: JSON.stringify(toJSON(document.doc)),
  }));
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
  if (version.kind === 'named') await emitVersionEvent(services, 'version.created', version);
  return version;
}
