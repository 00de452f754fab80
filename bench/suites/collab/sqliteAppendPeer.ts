import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../apps/server/src/db/sqlite/database';
import { type WrittenBytes, writtenBytes, writtenPer } from './processIo';

export interface AppendRate {
  batchSize: number;
  updates: number;
  updatesPerSecond: number;
  /** Bytes written per update, from /proc/self/io; undefined off Linux. */
  writtenPerUpdate: WrittenBytes | undefined;
}

/**
 * The throughput peer: the same update bytes appended with better-sqlite3 directly, into a
 * database opened the way the server opens its own (same migrations, WAL, synchronous), with
 * `batchSize` inserts per transaction and nothing else: no Yjs, no drizzle, no WebSocket.
 * Stops after `maxUpdates` or `maxMs`, whichever comes first, to stay inside the time budget.
 */
export function measureSqliteAppends(
  updates: Uint8Array[],
  options: { batchSize: number; synchronous: 'NORMAL' | 'FULL'; maxUpdates: number; maxMs: number },
): AppendRate {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-bench-sqlite-'));
  const { sqlite } = openDatabase(dataDir, options.synchronous);
  try {
    sqlite.prepare('INSERT INTO playbooks (id, title) VALUES (?, ?)').run('peer', 'peer');
    const insert = sqlite.prepare('INSERT INTO document_updates (playbook_id, "update") VALUES (?, ?)');
    const appendBatch = sqlite.transaction((batch: Uint8Array[]) => {
      for (const update of batch) insert.run('peer', Buffer.from(update.buffer, update.byteOffset, update.byteLength));
    });
    const limit = Math.min(options.maxUpdates, updates.length);
    const before = writtenBytes();
    const started = performance.now();
    let done = 0;
    while (done < limit && performance.now() - started < options.maxMs) {
      const batch = updates.slice(done, Math.min(limit, done + options.batchSize));
      appendBatch(batch);
      done += batch.length;
    }
    const elapsedMs = performance.now() - started;
    return {
      batchSize: options.batchSize,
      updates: done,
      updatesPerSecond: Math.round((done / elapsedMs) * 1000),
      writtenPerUpdate: writtenPer(before, writtenBytes(), done),
    };
  } finally {
    sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
