import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { documentSnapshots, documentUpdates } from '../schema';
import type { DocumentStore } from '../storage';
import type { Db } from './database';

export function sqliteDocumentStore(db: Db): DocumentStore {
  const insertUpdate = db
    .insert(documentUpdates)
    .values({ playbookId: sql.placeholder('playbookId'), update: sql.placeholder('update') })
    .returning({ seq: documentUpdates.seq })
    .prepare();
  return {
    async load(playbookId) {
      return db.transaction((tx) => {
        const snap = tx.select().from(documentSnapshots).where(eq(documentSnapshots.playbookId, playbookId)).get();
        const after = snap?.uptoSeq ?? 0;
        const rows = tx
          .select()
          .from(documentUpdates)
          .where(and(eq(documentUpdates.playbookId, playbookId), gt(documentUpdates.seq, after)))
          .orderBy(asc(documentUpdates.seq))
          .all();
        const updates = rows.map((r) => new Uint8Array(r.update));
        return {
          snapshot: snap ? new Uint8Array(snap.state) : undefined,
          updates,
          lastSeq: rows.at(-1)?.seq ?? after,
          storedBytes: (snap?.state.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0),
        };
      });
    },

    async append(playbookId, updates) {
      return db.transaction(() => {
        let seq = 0;
        for (const update of updates) {
          seq = (
            insertUpdate.get({ playbookId, update: Buffer.from(update.buffer, update.byteOffset, update.byteLength) }) as { seq: number }
          ).seq;
        }
        return seq;
      });
    },

    async compact(playbookId, state, uptoSeq) {
      db.transaction((tx) => {
        const row = { playbookId, state: Buffer.from(state), uptoSeq, compactedAt: new Date() };
        tx.insert(documentSnapshots)
          .values(row)
          .onConflictDoUpdate({ target: documentSnapshots.playbookId, set: { state: row.state, uptoSeq, compactedAt: row.compactedAt } })
          .run();
        tx.delete(documentUpdates)
          .where(and(eq(documentUpdates.playbookId, playbookId), lte(documentUpdates.seq, uptoSeq)))
          .run();
      });
    },
  };
}
