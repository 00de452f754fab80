import { and, count, desc, eq, inArray, lt, max, ne, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { pickColumns } from '../records/pickColumns';
import { toVersionRecord, versionListingColumnNames } from '../records/versionRecords';
import { documentUpdates, playbookVersions, publications } from '../schema';
import type { NewVersion, VersionRecord, VersionStore } from '../storage';
import type { Db } from './database';
import { decodeState, encodeVersion } from './versionCodec';

// What a listing needs: no JSON, no state (its stored size is enough).
const listingColumns = {
  ...pickColumns(playbookVersions, versionListingColumnNames),
  stateBytes: sql<number>`length(${playbookVersions.state})`,
};
const recordColumns = { ...listingColumns, json: playbookVersions.json, encoding: playbookVersions.encoding };

export function sqliteVersionStore(db: Db): VersionStore {
  // Tools read published and numbered versions on every request. A saved version never changes,
  // so its record is cached by id and each read costs one small indexed lookup of that id.
  const cache = new LRUCache<string, VersionRecord>({ maxSize: 32 * 1024 * 1024, sizeCalculation: (v) => v.json.length + 256 });
  const idByNumber = db
    .select({ id: playbookVersions.id })
    .from(playbookVersions)
    .where(and(eq(playbookVersions.playbookId, sql.placeholder('playbookId')), eq(playbookVersions.number, sql.placeholder('number'))))
    .prepare();
  const publication = db
    .select({ versionId: publications.versionId, publishedAt: publications.publishedAt, publishedBy: publications.publishedBy })
    .from(publications)
    .where(eq(publications.playbookId, sql.placeholder('playbookId')))
    .prepare();
  const recordById = db
    .select(recordColumns)
    .from(playbookVersions)
    .where(eq(playbookVersions.id, sql.placeholder('id')))
    .prepare();
  const byId = (id: string): VersionRecord | undefined => {
    let record = cache.get(id);
    if (!record) {
      const row = recordById.get({ id });
      record = row && toVersionRecord(row);
      if (record) cache.set(id, record);
    }
    return record;
  };

  // Runs inside the caller's transaction.
  const insertVersion = (tx: Pick<Db, 'select' | 'insert'>, input: NewVersion): VersionRecord => {
    const last = tx
      .select({ n: max(playbookVersions.number) })
      .from(playbookVersions)
      .where(eq(playbookVersions.playbookId, input.playbookId))
      .get();
    const number = (last?.n ?? 0) + 1;
    const createdAt = input.createdAt ?? new Date();
    const stored = encodeVersion(input.state, input.json);
    tx.insert(playbookVersions)
      .values({ ...input, ...stored, number, createdAt })
      .run();
    const { state: _state, ...rest } = input;
    return { ...rest, number, createdAt, stateBytes: stored.state.byteLength } satisfies VersionRecord;
  };

  return {
    async create(input) {
      return db.transaction((tx) => insertVersion(tx, input));
    },

    async createWithUpdate(input, update) {
      return db.transaction((tx) => {
        const version = insertVersion(tx, input);
        const row = tx
          .insert(documentUpdates)
          .values({ playbookId: input.playbookId, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength) })
          .returning({ seq: documentUpdates.seq })
          .get();
        return { version, seq: row.seq };
      });
    },

    async count(playbookId, kind) {
      const row = db
        .select({ n: count() })
        .from(playbookVersions)
        .where(and(eq(playbookVersions.playbookId, playbookId), eq(playbookVersions.kind, kind)))
        .get();
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
        .limit(limit)
        .all();
    },

    async get(playbookId, number) {
      const row = idByNumber.get({ playbookId, number });
      return row ? byId(row.id) : undefined;
    },

    async latest(playbookId) {
      const row = db
        .select({ id: playbookVersions.id })
        .from(playbookVersions)
        .where(eq(playbookVersions.playbookId, playbookId))
        .orderBy(desc(playbookVersions.number))
        .limit(1)
        .get();
      return row && byId(row.id);
    },

    async state(versionId) {
      const row = db
        .select({ state: playbookVersions.state, encoding: playbookVersions.encoding })
        .from(playbookVersions)
        .where(eq(playbookVersions.id, versionId))
        .get();
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
        )
        .all();
    },

    async deleteCheckpoints(playbookId, ids) {
      if (ids.length === 0) return 0;
      const published = db.select({ id: publications.versionId }).from(publications).where(eq(publications.playbookId, playbookId)).get();
      const result = db
        .delete(playbookVersions)
        .where(
          and(
            eq(playbookVersions.playbookId, playbookId),
            eq(playbookVersions.kind, 'checkpoint'),
            inArray(playbookVersions.id, ids),
            ne(playbookVersions.id, published?.id ?? ''),
          ),
        )
        .run();
      for (const id of ids) cache.delete(id);
      return result.changes;
    },

    async publish(playbookId, versionId, by) {
      const row = { playbookId, versionId, publishedAt: new Date(), publishedBy: by };
      db.insert(publications)
        .values(row)
        .onConflictDoUpdate({ target: publications.playbookId, set: { versionId, publishedAt: row.publishedAt, publishedBy: by } })
        .run();
    },

    async published(playbookId) {
      const row = publication.get({ playbookId });
      const version = row && byId(row.versionId);
      return version && row ? { version, publishedAt: row.publishedAt, publishedBy: row.publishedBy } : undefined;
    },

    async storedBytes(versionId) {
      const row = db
        .select({ bytes: sql<number>`length(${playbookVersions.state}) + length(${playbookVersions.json})` })
        .from(playbookVersions)
        .where(eq(playbookVersions.id, versionId))
        .get();
      return row?.bytes ?? 0;
    },
  };
}
