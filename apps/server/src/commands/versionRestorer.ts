import { applyJSON, type PlaybookInput, toJSON } from '@fullcourt/playbook';
import * as Y from 'yjs';
import { documentFromStored } from '../collab/storedReplay';
import type { VersionRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { recordAudit } from './auditLog';
import { checkpointActor } from './checkpointer';
import { backupsToThin } from './checkpointThinning';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';
import { newVersion, snapshotOf } from './versionCreator';

/**
 * Restores version `number` as a new forward change: the live document is edited to match
 * it, so everyone connected sees the restore at once, history keeps every version, and
 * edits made concurrently merge as usual. The state before the restore is saved as a backup
 * in the same transaction as the restore itself, so a restore can be undone by restoring
 * that backup, and a restore that storage refuses (a full disk) changes nothing at all.
 */
export async function restoreVersion(
  services: Services,
  actor: Actor,
  playbookId: string,
  number: number,
): Promise<{ restored: VersionRecord; before: VersionRecord }> {
  await authorizePlaybook(services, actor, 'version.restore', playbookId);
  const restored = await services.storage.versions.get(playbookId, number);
  if (!restored) throw notFound(`version of playbook '${playbookId}'`, String(number));
  const state = await services.storage.versions.state(restored.id);
  if (!state) throw notFound(`version of playbook '${playbookId}'`, String(number));

  // Read the old state with rich text as Tiptap JSON, so formatting comes back exactly.
  const scratch = documentFromStored([state]);
  const target = toJSON(scratch, { tiptap: true });
  scratch.destroy();
  // `use` stores every earlier edit first, so the backup is exactly what everyone sees now.
  const before = await services.collab.documents.use(playbookId, async (document) => {
    const snapshot = snapshotOf(document);
    // The restore is worked out on a copy: memory changes only once storage holds both it and its backup.
    const update = restoreUpdate(snapshot.state, target, actor);
    const backup = newVersion(actor, playbookId, { label: `Before restoring version ${number}`, kind: 'checkpoint' }, snapshot);
    const { version, seq } = await services.storage.versions.createWithUpdate(backup, update);
    document.applyStored(update, seq);
    return version;
  });
  services.log.info({ playbookId, restored: number, backup: before.number, actor: actor.id }, 'version restored');
  await thinBackups(services, playbookId);
  await recordAudit(services, actor, 'version.restored', { kind: 'playbook', id: playbookId }, { version: number, backup: before.number });
  return { restored, before };
}

/** The Yjs update that turns `state` into `target`, made on a scratch copy. */
function restoreUpdate(state: Uint8Array, target: PlaybookInput, actor: Actor): Uint8Array {
  // Replayed as loading does, so content stored deep before nesting was limited cannot overflow here either.
  const copy = documentFromStored([state]);
  const from = Y.encodeStateVector(copy);
  applyJSON(copy, target, actor);
  const update = Y.encodeStateAsUpdate(copy, from);
  copy.destroy();
  return update;
}

/** Backups are checkpoints by whoever restored (never the system's own, thinned by age): keep the newest few. */
async function thinBackups(services: Services, playbookId: string): Promise<void> {
  try {
    const backups = await services.storage.versions.checkpoints(playbookId, { isNot: checkpointActor.id });
    const thin = backupsToThin(backups, services.versionLimits.maxRestoreBackups);
    if (thin.length > 0) await services.storage.versions.deleteCheckpoints(playbookId, thin);
  } catch (error) {
    // The restore and its backup are stored; extra old backups can wait for the next restore.
    services.log.warn({ err: error, playbookId }, 'thinning restore backups failed');
  }
}
