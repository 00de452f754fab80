import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TokenStore } from '../accountStorage';
import { pickColumns } from '../records/pickColumns';
import { apiTokenColumnNames, toTokenRecord } from '../records/tokenRecords';
import { apiTokens } from '../schema';
import type { Db } from './database';

const columns = pickColumns(apiTokens, apiTokenColumnNames);

/** API tokens, stored as the SHA-256 of their secret. */
export function sqliteTokenStore(db: Db): TokenStore {
  // Every token-authenticated request looks its token up: keep it compiled.
  const byHash = db
    .select(columns)
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, sql.placeholder('hash')))
    .prepare();
  return {
    async create({ tokenHash, ...input }) {
      db.insert(apiTokens)
        .values({ ...input, tokenHash })
        .run();
      return { ...input, lastUsedAt: null, revokedAt: null };
    },
    async byHash(tokenHash) {
      const row = byHash.get({ hash: tokenHash });
      return row && toTokenRecord(row);
    },
    async get(id) {
      const row = db.select(columns).from(apiTokens).where(eq(apiTokens.id, id)).get();
      return row && toTokenRecord(row);
    },
    async list({ userId }) {
      const where = userId ? and(isNull(apiTokens.revokedAt), eq(apiTokens.userId, userId)) : isNull(apiTokens.revokedAt);
      return db.select(columns).from(apiTokens).where(where).orderBy(desc(apiTokens.createdAt)).all().map(toTokenRecord);
    },
    async revoke(id, now) {
      return (
        db
          .update(apiTokens)
          .set({ revokedAt: now })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .run().changes > 0
      );
    },
    async touch(id, at) {
      db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id)).run();
    },
  };
}
