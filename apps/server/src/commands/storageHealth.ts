import { StorageError } from '../db';
import type { Services } from './services';

type Kind = { kind: 'sqlite' | 'postgres' };
export type StorageHealth = Kind & ({ status: 'ok' } | { status: 'failing'; reason: string; since?: string });

function reasonOf(error: unknown): string {
  return error instanceof StorageError ? error.advice : 'Storage is failing; the server log says why.';
}

/** Whether edits are being stored: none held back by a failing store, and a small write succeeds. */
export async function storageHealth(services: Services): Promise<StorageHealth> {
  const kind = services.storage.kind;
  const held = services.collab.documents.storageFailure;
  if (held) return { kind, status: 'failing', reason: reasonOf(held.error), since: held.since.toISOString() };
  try {
    await services.storage.checkWritable();
  } catch (error) {
    return { kind, status: 'failing', reason: reasonOf(error) };
  }
  return { kind, status: 'ok' };
}
