import { toJSON } from '@fullcourt/playbook';
import { nanoid } from 'nanoid';
import * as Y from 'yjs';
import type { SharedDocument } from '../collab/sharedDocument';
import type { VersionKind, VersionRecord } from '../db';
import { AppError, invalidInput } from '../errors';
import type { Actor } from '../identity/actor';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';
import { emitVersionEvent } from './webhookEvents';

export interface CreateVersionInput {
  label: string;
  note?: string;
  kind?: VersionKind;
  /**
   * The saving client's Yjs state vector: the version then includes everything that client had,
   * even a keystroke still on its way over the WebSocket when the save was pressed.
   */
  clientStateVector?: Uint8Array;
}

const waitForClientMs = 5_000;

/** What a version keeps of the live document: its full Yjs state (to restore) and canonical JSON (to read and diff). */
export interface LiveSnapshot {
  state: Uint8Array;
  json: string;
}

function readStateVector(bytes: Uint8Array): Map<number, number> {
  try {
    return Y.decodeStateVector(bytes);
  } catch {
    throw invalidInput([{ field: 'stateVector', message: 'Not a Yjs state vector (base64 of Y.encodeStateVector)' }]);
  }
}

export function snapshotOf(document: SharedDocument): LiveSnapshot {
  return { state: Y.encodeStateAsUpdate(document.doc), json: JSON.stringify(toJSON(document.doc)) };
}

/** Saves the live document as a version, for someone who may (editors, tokens with `write`). */
export async function createVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: CreateVersionInput,
): Promise<VersionRecord> {
  await authorizePlaybook(services, actor, 'version.create', playbookId);
  return saveVersion(services, actor, playbookId, input);
}

/**
 * Saves the live document (or a snapshot of it the caller took) as a version. Callers have
 * authorized already: the checkpointer (the server) and restore (managers, `publish` tokens).
 */
export async function saveVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: CreateVersionInput,
  snapshot?: LiveSnapshot,
): Promise<VersionRecord> {
  const wanted = input.clientStateVector && readStateVector(input.clientStateVector);
  const { state, json } =
    snapshot ??
    (await services.collab.documents.use(playbookId, async (document) => {
      if (wanted) {
        if (!(await document.waitToCover(wanted, waitForClientMs))) {
          throw new AppError(
            'edits-in-flight',
            'Some of your latest edits have not reached the server yet. Check your connection, then save again.',
          );
        }
        await document.persistence.flush();
      }
      return snapshotOf(document);
    }));
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
