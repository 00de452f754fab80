/**
 * Which storage the test servers use. By default the embedded SQLite in each server's DATA_DIR;
 * with FULLCOURT_TEST_STORAGE=postgres (the `postgres` vitest project) each data folder gets a
 * fresh database of the cluster that project's globalSetup started (./postgresGlobalSetup.ts),
 * the same one again when a test restarts a server on that folder. startTestServer and
 * startChildServer ask here, so the existing suites run on both without copies.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDatabaseAt } from './postgres';

export type TestStorageKind = 'sqlite' | 'postgres';

export const testStorage: TestStorageKind = process.env.FULLCOURT_TEST_STORAGE === 'postgres' ? 'postgres' : 'sqlite';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The admin URL of the cluster the postgres project's globalSetup started ('' without PostgreSQL binaries). */
    postgresUrl: string;
  }
}

const databases = new Map<string, Promise<string>>();

/** The cluster's admin URL (vitest's `inject`, loaded only here: bench scripts import the helpers outside vitest). */
async function clusterUrl(): Promise<string> {
  const { inject } = await import('vitest');
  const url = inject('postgresUrl');
  if (!url) throw new Error('FULLCOURT_TEST_STORAGE=postgres needs the postgres vitest project (its globalSetup starts the cluster)');
  return url;
}

/** The DATABASE_URL for a server on `dataDir` (one database per folder), or undefined on SQLite. */
export async function databaseUrlFor(dataDir: string): Promise<string | undefined> {
  if (testStorage === 'sqlite') return undefined;
  let url = databases.get(dataDir);
  if (!url) {
    url = clusterUrl().then((admin) => createDatabaseAt(admin));
    databases.set(dataDir, url);
  }
  return url;
}

/**
 * Runs one statement on what the server on `dataDir` stores (a test looking underneath the API).
 * Write it with `?` placeholders; Dates are passed as milliseconds to SQLite (how its schema stores
 * time) and as timestamps to PostgreSQL. Counts come back as numbers or numeric strings: wrap in Number().
 */
export async function queryStored<Row = Record<string, unknown>>(
  dataDir: string,
  statement: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const url = await databaseUrlFor(dataDir);
  if (!url) {
    const db = new Database(join(dataDir, 'fullcourt.sqlite'));
    try {
      const prepared = db.prepare(statement);
      const values = params.map((p) => (p instanceof Date ? p.getTime() : p));
      if (prepared.reader) return prepared.all(...values) as Row[];
      prepared.run(...values);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        statement.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as Row[];
  } finally {
    await client.end();
  }
}
