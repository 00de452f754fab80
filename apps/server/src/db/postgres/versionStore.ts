import { and, count, desc, eq, inArray, lt, max, ne, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { pickColumns } from '../records/pickColumns';
import { toVersionRecord, versionListingColumnNames } from '../records/versionRecords';
import { decodeState, encodeVersion } from '../sqlite/versionCodec';
import type { NewVersion, VersionRecord, VersionStore } from '../storage';
import { type Db, lockSpace, type Tx } from './database';
import { appendInTransaction } from './documentStore';
import { playbookVersions, publications } from './schema';

const listingColumns = {
  ...pickColumns(playbookVersions, versionListingColumnNames),
  stateBytes: sql<number>`octet_length(${playbookVersions.state})`.mapWith(Number),
};
const recordColumns = { ...listingColumns, json: playbookVersions.json, encoding: playbookVersions.encoding };

/** Saved versions on PostgreSQL (the SQLite store, db/sqlite/versionStore.ts, says why each part is as it is). */
export function postgresVersionStore(db: Db): VersionStore {
  // A saved version never changes: its record is cached by id (per process; deletions are by id too).
  const cache = new LRUCache<string, VersionRecord>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (v) => v.json.length + 256 });
  const byId = async (id: string): Promise<VersionRecord | undefined> => {
    let record = cache.get(id);
    if (!record) {
      const [row] = await db.select(recordColumns).from(playbookVersions).where(eq(playbookVersions.id, id));
      record = row && toVersionRecord(row);
      if (record) cache.set(id, record);
    }
    return record;
  };

  // Inside the caller's transaction: the per-playbook lock (held to commit) makes the next number
  // one save's at a time, so two processes saving at once never take the same one.
  const insertVersion = async (tx: Tx, input: NewVersion): Promise<VersionRecord> => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockSpace.versions}, hashtext(${input.playbookId}))`);
    const [last] = await tx
      .select({ n: max(playbookVersions.number) })
      .from(playbookVersions)
      .where(eq(playbookVersions.playbookId, input.playbookId));
    const number = (last?.n ?? 0) + 1;
    const createdAt = input.createdAt ?? new Date();
    const stored = encodeVersion(input.state, input.json);
    await tx.insert(playbookVersions).values({ ...input, ...stored, number, createdAt });
    const { state: _state, ...rest } = input;
    return { ...rest, number, createdAt, stateBytes: stored.state.byteLength } satisfies VersionRecord;
  };

  return {
    async create(input) {
      return db.transaction((tx) => insertVersion(tx, input));
    },

    async createWithUpdate(input, update) {
      return db.transaction(async (tx) => {
        const version = await insertVersion(tx, input);
        const seq = await appendInTransaction(tx, input.playbookId, [update]);
        return { version, seq };
      });
    },

    async count(playbookId, kind) {
      const [row] = await db
        .select({ n: count() })
        .from(playbookVersions)
        .where(and(eq(playbookVersions.playbookId, playbookId), eq(playbookVersions.kind, kind)));
      return row?.n ?? 0;
    },

    async list(playbookId, { limit, before, kind }) {
      const conditions = [eq(playbookVersions.playbookId, playbookId)];
      if (before !== undefined) conditions.push(lt(playbookVersions.number, before));
      if (kind) conditions.push(eq(playbookVersions.kind, kind));
      return db
        .select(listingColumns)
        .from(playbookVersions)
        .where(and(...conditions))
        .orderBy(desc(playbookVersions.number))
        .limit(limit);
    },

    async get(playbookId, number) {
      const [row] = await db
        .select({ id: playbookVersions.id })
        .from(playbookVersions)
        .where(and(eq(playbookVersions.playbookId, playbookId), eq(playbookVersions.number, number)));
      return row ? byId(row.id) : undefined;
    },

    async latest(playbookId) {
      const [row] = await db
        .select({ id: playbookVersions.id })
        .from(playbookVersions)
        .where(eq(playbookVersions.playbookId, playbookId))
        .orderBy(desc(playbookVersions.number))
        .limit(1);
      return row && byId(row.id);
    },

    async state(versionId) {
      const [row] = await db
        .select({ state: playbookVersions.state, encoding: playbookVersions.encoding })
        .from(playbookVersions)
        .where(eq(playbookVersions.id, versionId));
      return row && decodeState(row.state, row.encoding);
    },

    async checkpoints(playbookId, author) {
      return db
        .select({ id: playbookVersions.id, number: playbookVersions.number, createdAt: playbookVersions.createdAt })
        .from(playbookVersions)
        .where(
          and(
            eq(playbookVersions.playbookId, playbookId),
            eq(playbookVersions.kind, 'checkpoint'),
            'is' in author ? eq(playbookVersions.authorId, author.is) : ne(playbookVersions.authorId, author.isNot),
          ),
        );
    },

    async deleteCheckpoints(playbookId, ids) {
      if (ids.length === 0) return 0;
      const [published] = await db.select({ id: publications.versionId }).from(publications).where(eq(publications.playbookId, playbookId));
      const result = await db
        .delete(playbookVersions)
        .where(
          and(
            eq(playbookVersions.playbookId, playbookId),
            eq(playbookVersions.kind, 'checkpoint'),
            inArray(playbookVersions.id, ids),
            ne(playbookVersions.id, published?.id ?? ''),
          ),
        );
      for (const id of ids) cache.delete(id);
      return result.rowCount ?? 0;
    },

    async publish(playbookId, versionId, by) {
      const row = { playbookId, versionId, publishedAt: new Date(), publishedBy: by };
      await db
        .insert(publications)
        .values(row)
        .onConflictDoUpdate({ target: publications.playbookId, set: { versionId, publishedAt: row.publishedAt, publishedBy: by } });
    },

    async published(playbookId) {
      const [row] = await db
        .select({ versionId: publications.versionId, publishedAt: publications.publishedAt, publishedBy: publications.publishedBy })
        .from(publications)
        .where(eq(publications.playbookId, playbookId));
      const version = row && (await byId(row.versionId));
      return version && row ? { version, publishedAt: row.publishedAt, publishedBy: row.publishedBy } : undefined;
    },

    async storedBytes(versionId) {
      const [row] = await db
        .select({ bytes: sql<number>`octet_length(${playbookVersions.state}) + octet_length(${playbookVersions.json})`.mapWith(Number) })
        .from(playbookVersions)
        .where(eq(playbookVersions.id, versionId));
      return row?.bytes ?? 0;
    },
  };
}
