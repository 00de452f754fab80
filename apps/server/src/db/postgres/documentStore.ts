import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DocumentStore, StoredDocument, StoredTail } from '../storage';
import { asBuffer, type Db, lockSpace, type Tx } from './database';

/**
 * Increments the playbook's head by the batch size and inserts the updates numbered
 * head-n+1..head, in one statement (so one transaction and one round trip). The head row's lock
 * orders concurrent appends to one playbook: numbers are consecutive per batch and gap-free.
 */
function appendStatement(playbookId: string, updates: Uint8Array[]): SQL {
  const n = updates.length;
  return sql`WITH h AS (
    INSERT INTO document_heads (playbook_id, head) VALUES (${playbookId}, ${n})
    ON CONFLICT (playbook_id) DO UPDATE SET head = document_heads.head + EXCLUDED.head
    RETURNING head
  ), ins AS (
    INSERT INTO document_updates (playbook_id, seq, "update")
    SELECT ${playbookId}, h.head - ${n} + u.ord, u.bytes
    FROM h, unnest(${sql.param(updates.map(asBuffer))}::bytea[]) WITH ORDINALITY AS u(bytes, ord)
  )
  SELECT head::text AS head FROM h`;
}

/** Appends through the database or inside a transaction (createWithUpdate numbers its update through the same head); resolves to the head. */
export async function appendUpdates(db: Db | Tx, playbookId: string, updates: Uint8Array[]): Promise<number> {
  const { rows } = await db.execute<{ head: string }>(appendStatement(playbookId, updates));
  return Number(rows[0]?.head);
}

interface SnapshotRow {
  state: Buffer;
  upto_seq: string;
}
interface UpdateRow {
  seq: string;
  update: Buffer;
}

/** Playbooks' Yjs state on PostgreSQL. */
export function postgresDocumentStore(db: Db, pool: pg.Pool): DocumentStore {
  /** Reads in one snapshot of the database, so a compaction committing meanwhile is seen whole or not at all. */
  const consistently = async <T>(read: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const value = await read(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const snapshotOf = async (client: pg.PoolClient, playbookId: string) =>
    (
      await client.query<SnapshotRow>({
        name: 'fc_snapshot',
        text: 'SELECT state, upto_seq::text AS upto_seq FROM document_snapshots WHERE playbook_id = $1',
        values: [playbookId],
      })
    ).rows[0];
  const rowsAfter = async (client: pg.PoolClient, playbookId: string, after: number) =>
    (
      await client.query<UpdateRow>({
        name: 'fc_updates_after',
        text: 'SELECT seq::text AS seq, "update" FROM document_updates WHERE playbook_id = $1 AND seq > $2 ORDER BY seq',
        values: [playbookId, after],
      })
    ).rows;

  return {
    async load(playbookId): Promise<StoredDocument> {
      return consistently(async (client) => {
        const snap = await snapshotOf(client, playbookId);
        const after = snap ? Number(snap.upto_seq) : 0;
        const rows = await rowsAfter(client, playbookId, after);
        const head = await client.query<{ head: string }>({
          name: 'fc_head',
          text: 'SELECT head::text AS head FROM document_heads WHERE playbook_id = $1',
          values: [playbookId],
        });
        const updates = rows.map((r) => new Uint8Array(r.update));
        const lastRow = rows.length > 0 ? Number(rows[rows.length - 1]?.seq) : 0;
        return {
          snapshot: snap ? new Uint8Array(snap.state) : undefined,
          updates,
          lastSeq: Math.max(Number(head.rows[0]?.head ?? 0), after, lastRow),
          storedBytes: (snap?.state.byteLength ?? 0) + updates.reduce((n, u) => n + u.byteLength, 0),
        };
      });
    },

    async append(playbookId, updates) {
      if (updates.length === 0) return (await this.heads([playbookId])).get(playbookId) ?? 0;
      return appendUpdates(db, playbookId, updates);
    },

    async since(playbookId, afterSeq): Promise<StoredTail> {
      return consistently(async (client) => {
        const snap = await snapshotOf(client, playbookId);
        const uptoSeq = snap ? Number(snap.upto_seq) : 0;
        const folded = snap !== undefined && uptoSeq > afterSeq;
        const rows = await rowsAfter(client, playbookId, folded ? uptoSeq : afterSeq);
        return {
          snapshot: folded ? { state: new Uint8Array(snap.state), uptoSeq } : undefined,
          updates: rows.map((r) => ({ seq: Number(r.seq), update: new Uint8Array(r.update) })),
        };
      });
    },

    async heads(playbookIds) {
      const heads = new Map<string, number>(playbookIds.map((id) => [id, 0]));
      if (playbookIds.length === 0) return heads;
      // The head outlives the rows compaction deletes, so it alone says how far a playbook got.
      const { rows } = await pool.query<{ id: string; head: string }>({
        name: 'fc_heads',
        text: 'SELECT playbook_id AS id, head::text AS head FROM document_heads WHERE playbook_id = ANY($1::text[])',
        values: [[...playbookIds]],
      });
      for (const { id, head } of rows) heads.set(id, Number(head));
      return heads;
    },

    async compact(playbookId, state, uptoSeq) {
      return db.transaction(async (tx) => {
        // One compaction at a time per playbook, across processes; released at commit.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${lockSpace.compaction}, hashtext(${playbookId}))`);
        const stored = await tx.execute<{ upto_seq: string }>(
          sql`SELECT upto_seq::text AS upto_seq FROM document_snapshots WHERE playbook_id = ${playbookId}`,
        );
        const storedUpto = stored.rows[0] ? Number(stored.rows[0].upto_seq) : undefined;
        if (storedUpto !== undefined && storedUpto >= uptoSeq) return false;
        // The snapshot first, then the rows it folds; rows after uptoSeq stay.
        await tx.execute(sql`INSERT INTO document_snapshots (playbook_id, state, upto_seq, compacted_at)
          VALUES (${playbookId}, ${asBuffer(state)}, ${uptoSeq}, now())
          ON CONFLICT (playbook_id) DO UPDATE SET state = EXCLUDED.state, upto_seq = EXCLUDED.upto_seq, compacted_at = EXCLUDED.compacted_at`);
        await tx.execute(sql`DELETE FROM document_updates WHERE playbook_id = ${playbookId} AND seq <= ${uptoSeq}`);
        return true;
      });
    },
  };
}
