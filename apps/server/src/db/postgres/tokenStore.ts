import { and, desc, eq, isNull } from 'drizzle-orm';
import type { TokenStore } from '../accountStorage';
import { pickColumns } from '../records/pickColumns';
import { apiTokenColumnNames, toTokenRecord } from '../records/tokenRecords';
import type { Db } from './database';
import { apiTokens } from './schema';

const columns = pickColumns(apiTokens, apiTokenColumnNames);

/** API tokens, stored as the SHA-256 of their secret. */
export function postgresTokenStore(db: Db): TokenStore {
  return {
    async create({ tokenHash, ...input }) {
      await db.insert(apiTokens).values({ ...input, tokenHash });
      return { ...input, lastUsedAt: null, revokedAt: null };
    },
    async byHash(tokenHash) {
      const [row] = await db.select(columns).from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
      return row && toTokenRecord(row);
    },
    async get(id) {
      const [row] = await db.select(columns).from(apiTokens).where(eq(apiTokens.id, id));
      return row && toTokenRecord(row);
    },
    async list({ userId }) {
      const where = userId ? and(isNull(apiTokens.revokedAt), eq(apiTokens.userId, userId)) : isNull(apiTokens.revokedAt);
      return (await db.select(columns).from(apiTokens).where(where).orderBy(desc(apiTokens.createdAt))).map(toTokenRecord);
    },
    async revoke(id, now) {
      const result = await db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
      return (result.rowCount ?? 0) > 0;
    },
    async touch(id, at) {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
    },
  };
}
