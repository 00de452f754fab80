import { toJSON } from '@fullcourt/playbook';
import { systemActor } from '../identity/actor';
import { checkpointsToThin } from './checkpointThinning';
import type { Services } from './services';
import { saveVersion } from './versionCreator';

const checkpointActor = { ...systemActor, name: 'Automatic checkpoint' };

/**
 * Takes an automatic checkpoint of a playbook unless nothing changed since its latest version,
 * then thins old checkpoints. Called once a burst of editing has gone quiet.
 */
export async function takeCheckpoint(services: Services, playbookId: string): Promise<void> {
  const latest = await services.storage.versions.latest(playbookId);
  const live = JSON.stringify(await services.collab.documents.use(playbookId, (document) => toJSON(document.doc)));
  if (latest?.json === live) return;
  await saveVersion(services, checkpointActor, playbookId, { label: 'Automatic checkpoint', kind: 'checkpoint' });
  // Only the system's own checkpoints are thinned; one saved before a restore is kept.
  const thin = checkpointsToThin(await services.storage.versions.checkpoints(playbookId, checkpointActor.id), new Date());
  if (thin.length > 0) await services.storage.versions.deleteCheckpoints(playbookId, thin);
}
