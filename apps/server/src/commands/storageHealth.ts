import { StorageError } from '../db';
import type { Services } from './services';

export type StorageHealth = { status: 'ok' } | { status: 'failing'; reason: string; since?: string };

function reasonOf(error: unknown): string {
  return error instanceof StorageError ? error.advice : 'Storage is failing; the server log says why.';
}

/** Whether edits are being stored: none held back by a failing store, and a small write succeeds. */
export async function storageHealth(services: Services): Promise<StorageHealth> {
  const held = services.collab.documents.storageFailure;
  if (held) return { status: 'failing', reason: reasonOf(held.error), since: held.since.toISOString() };
  try {
    await services.storage.checkWritable();
  } catch (error) {
    return { status: 'failing', reason: reasonOf(error) };
  }
  return { status: 'ok' };
}
