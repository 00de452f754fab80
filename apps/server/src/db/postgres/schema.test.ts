import { PgTable, getTableConfig as pgTableConfig } from 'drizzle-orm/pg-core';
import { SQLiteTable, getTableConfig as sqliteTableConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from '../schema';
import * as postgres from './schema';

/** Tables only PostgreSQL needs: the per-playbook head and the settings every process shares. */
const postgresOnly = ['document_heads', 'server_settings'];

const sqliteTables = Object.values(sqlite as Record<string, unknown>)
  .filter((t): t is SQLiteTable => t instanceof SQLiteTable)
  .map(sqliteTableConfig);
const postgresTables = Object.values(postgres as Record<string, unknown>)
  .filter((t): t is PgTable => t instanceof PgTable)
  .map(pgTableConfig);

describe('the PostgreSQL schema', () => {
  it('has every SQLite table, and only the two it needs besides', () => {
    expect(postgresTables.map((t) => t.name).sort()).toEqual([...sqliteTables.map((t) => t.name), ...postgresOnly].sort());
  });

  it.each(sqliteTables.map((t) => [t.name, t] as const))('%s has the same columns, nullability and indexes', (name, table) => {
    const twin = postgresTables.find((t) => t.name === name);
    const columns = (cs: { name: string; notNull: boolean }[]) => cs.map((c) => [c.name, c.notNull]).sort();
    expect(columns(twin?.columns ?? [])).toEqual(columns(table.columns));
    const indexes = (is: { config: { name?: string; unique?: boolean } }[]) =>
      is.map((i) => [i.config.name, Boolean(i.config.unique)]).sort();
    // document_updates is keyed by (playbook, seq) on PostgreSQL: its primary key is the SQLite index.
    if (name !== 'document_updates') expect(indexes(twin?.indexes ?? [])).toEqual(indexes(table.indexes));
  });
});
