import { openDatabase } from './sqlite/database';
import { sqliteDocumentStore } from './sqlite/documentStore';
import { sqlitePlaybookStore } from './sqlite/playbookStore';
import { sqliteVersionStore } from './sqlite/versionStore';
import { sqliteWebhookStore } from './sqlite/webhookStore';
import type { Storage } from './storage';

export type * from './storage';

/** Opens the embedded SQLite storage in `dataDir`, migrated and ready. */
export function openStorage(options: { dataDir: string; synchronous: 'NORMAL' | 'FULL' }): Storage {
  const { db, sqlite } = openDatabase(options.dataDir, options.synchronous);
  return {
    playbooks: sqlitePlaybookStore(db),
    documents: sqliteDocumentStore(db),
    versions: sqliteVersionStore(db),
    webhooks: sqliteWebhookStore(db),
    close: () => sqlite.close(),
  };
}
