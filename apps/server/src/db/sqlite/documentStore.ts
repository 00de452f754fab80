import type Database from 'better-sqlite3';
import { and, asc, eq, gt, inArray, lte, max } from 'drizzle-orm';
import { documentSnapshots, documentUpdates } from '../schema';
import type { DocumentStore } from '../storage';
import type { Db } from './database';

/** Playbooks' Yjs state; `sqlite` is the connection under `db`, for the per-tick append. */
export function sqliteDocumentStore(db: Db, sqlite: Database.Database): DocumentStore {
  // Appends run once per tick of every open playbook: a prepared better-sqlite3 statement and
  // transaction, without drizzle's per-call query building and row mapping (a fifth of the
  // server's CPU per update went there). The SQL names the same table and columns as schema.ts.
  const insertUpdate = sqlite.prepare<[string, Buffer]>('INSERT INTO document_updates (playbook_id, "update") VALUES (?, ?)');
  const appendAll = sqlite.transaction((playbookId: string, updates: Uint8Array[]): number => {
    let seq = 0;
    for (const update of updates) {
      seq = Number(insertUpdate.run(playbookId, Buffer.from(update.buffer, update.byteOffset, update.byteLength)).lastInsertRowid);
    }
    return seq;
  });
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
      return appendAll(playbookId, updates);
    },

    async since(playbookId, afterSeq) {
      return db.transaction((tx) => {
        const snap = tx.select().from(documentSnapshots).where(eq(documentSnapshots.playbookId, playbookId)).get();
        const folded = snap && snap.uptoSeq > afterSeq;
        const from = folded ? snap.uptoSeq : afterSeq;
        const rows = tx
          .select()
          .from(documentUpdates)
          .where(and(eq(documentUpdates.playbookId, playbookId), gt(documentUpdates.seq, from)))
          .orderBy(asc(documentUpdates.seq))
          .all();
        return {
          snapshot: folded ? { state: new Uint8Array(snap.state), uptoSeq: snap.uptoSeq } : undefined,
          updates: rows.map((r) => ({ seq: r.seq, update: new Uint8Array(r.update) })),
        };
      });
    },

    async heads(playbookIds) {
      const heads = new Map<string, number>(playbookIds.map((id) => [id, 0]));
      if (playbookIds.length === 0) return heads;
      db.transaction((tx) => {
        const snaps = tx
          .select({ id: documentSnapshots.playbookId, seq: documentSnapshots.uptoSeq })
          .from(documentSnapshots)
          .where(inArray(documentSnapshots.playbookId, [...playbookIds]))
          .all();
        const rows = tx
          .select({ id: documentUpdates.playbookId, seq: max(documentUpdates.seq) })
          .from(documentUpdates)
          .where(inArray(documentUpdates.playbookId, [...playbookIds]))
          .groupBy(documentUpdates.playbookId)
          .all();
        for (const { id, seq } of [...snaps, ...rows]) heads.set(id, Math.max(heads.get(id) ?? 0, seq ?? 0));
      });
      return heads;
    },

    async compact(playbookId, state, uptoSeq) {
      return db.transaction((tx) => {
        const stored = tx
          .select({ uptoSeq: documentSnapshots.uptoSeq })
          .from(documentSnapshots)
          .where(eq(documentSnapshots.playbookId, playbookId))
          .get();
        if (stored && stored.uptoSeq >= uptoSeq) return false;
        const row = { playbookId, state: Buffer.from(state), uptoSeq, compactedAt: new Date() };
        tx.insert(documentSnapshots)
          .values(row)
          .onConflictDoUpdate({ target: documentSnapshots.playbookId, set: { state: row.state, uptoSeq, compactedAt: row.compactedAt } })
          .run();
        tx.delete(documentUpdates)
          .where(and(eq(documentUpdates.playbookId, playbookId), lte(documentUpdates.seq, uptoSeq)))
          .run();
        return true;
      });
    },
  };
}
