import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { Actor } from '../identity/actor';
import { authorize, workspace } from '../policy/authorize';
import { recordAudit } from './auditLog';
import type { Services } from './services';

/** A finished backup file, to be sent and then removed. */
export interface BackupFile {
  path: string;
  /** A name to save it under: `fullcourt-<time>.sqlite`. */
  name: string;
  remove(): void;
}

/**
 * Takes a consistent copy of the embedded database while people edit (owners only). The copy is
 * written to a private temporary folder; the caller streams it and removes it. PostgreSQL has
 * its own tools (pg_dump), and the problem says so.
 */
export async function takeBackup(services: Services, actor: Actor, now = new Date()): Promise<BackupFile> {
  authorize(actor, 'instance.backup', workspace);
  const { storage } = services;
  if (!storage.backup) {
    throw new AppError(
      'backup-not-supported',
      'This server stores in PostgreSQL: back it up with `pg_dump --format=custom "$DATABASE_URL"` and restore with pg_restore (deploy/README.md has the recipe).',
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'fullcourt-backup-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  const name = `fullcourt-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`;
  const path = join(folder, name);
  try {
    const started = Date.now();
    await storage.backup(path);
    services.log.info({ ms: Date.now() - started }, 'database backup taken');
  } catch (error) {
    remove();
    throw error;
  }
  await recordAudit(services, actor, 'instance.backup_taken', null);
  return { path, name, remove };
}
