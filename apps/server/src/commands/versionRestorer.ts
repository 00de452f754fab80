import { applyJSON, toJSON } from '@fullcourt/playbook';
import * as Y from 'yjs';
import type { VersionRecord } from '../db';
import { notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { recordAudit } from './auditLog';
import { authorizePlaybook } from './playbookAccess';
import type { Services } from './services';
import { saveVersion, snapshotOf } from './versionCreator';

/**
 * Restores version `number` as a new forward change: the live document is edited to match
 * it, so everyone connected sees the restore at once, history keeps every version, and
 * edits made concurrently merge as usual. The state before the restore is saved first, so
 * a restore can itself be undone by restoring that version.
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
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, state);
  const target = toJSON(scratch, { tiptap: true });
  scratch.destroy();
  // Snapshot and restore in one synchronous step, so no edit lands between them unrecorded.
  const snapshot = await services.collab.documents.use(playbookId, async (document) => {
    const taken = snapshotOf(document);
    applyJSON(document.doc, target, actor);
    await document.persistence.flush();
    return taken;
  });
  // A checkpoint by the person restoring, not the system: thinning leaves it, as it is how a restore is undone.
  const before = await saveVersion(
    services,
    actor,
    playbookId,
    { label: `Before restoring version ${number}`, kind: 'checkpoint' },
    snapshot,
  );
  services.log.info({ playbookId, restored: number, backup: before.number, actor: actor.id }, 'version restored');
  await recordAudit(services, actor, 'version.restored', { kind: 'playbook', id: playbookId }, { version: number, backup: before.number });
  return { restored, before };
}
