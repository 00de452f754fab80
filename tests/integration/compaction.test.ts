import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { queryStored } from './helpers/testStorage';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** What the server on `dataDir` stores of a playbook (SQLite or PostgreSQL, see helpers/testStorage). */
async function storedRows(dataDir: string, playbookId: string) {
  const [updates] = await queryStored<{ n: number; bytes: number }>(
    dataDir,
    'select count(*) as n, coalesce(sum(length("update")), 0) as bytes from document_updates where playbook_id = ?',
    [playbookId],
  );
  const [snapshot] = await queryStored<{ bytes: number }>(
    dataDir,
    'select length(state) as bytes from document_snapshots where playbook_id = ?',
    [playbookId],
  );
  return { updates: Number(updates?.n), updateBytes: Number(updates?.bytes), snapshotBytes: Number(snapshot?.bytes ?? 0) };
}

describe('compaction', () => {
  it('folds many updates into one snapshot and loads an identical state', async () => {
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: '100' });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    const reader = await openSyncedProvider(server.wsUrl, id);
    const text = writer.doc.getText('notes');
    for (let i = 0; i < 450; i++) {
      text.insert(Math.floor(text.length / 2), String.fromCharCode(97 + (i % 26)));
      if (i % 7 === 0) text.delete(0, 1);
    }
    await eventually(() => reader.doc.getText('notes').toString() === text.toString(), 5_000, 'reader caught up');

    // 450 inserts and 65 deletes were sent one by one; only the tail since the last compaction is left.
    // Compaction runs once the updates are stored and broadcast, so it may finish after the reader has them.
    let stored = await storedRows(server.dataDir, id);
    for (const started = Date.now(); stored.updates >= 100 && Date.now() - started < 10_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stored = await storedRows(server.dataDir, id);
    }
    expect(stored.updates).toBeLessThan(100);
    expect(stored.snapshotBytes).toBeGreaterThan(0);

    const expected = Y.encodeStateVector(writer.doc);
    destroyAllProviders();
    await server.stop();
    const restarted = await startTestServer({ COMPACT_AFTER_UPDATES: '100' }, server.dataDir);
    const fresh = await openSyncedProvider(restarted.wsUrl, id, new Y.Doc());
    expect(fresh.doc.getText('notes').toString()).toBe(text.toString());
    expect(Y.encodeStateVector(fresh.doc)).toEqual(expected);
  });

  it('compacts when the last client leaves and the document unloads', async () => {
    const server = await startTestServer({ UNLOAD_DELAY_MS: '50' });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    for (let i = 0; i < 30; i++) writer.doc.getArray('items').push([i]);
    const reader = await openSyncedProvider(server.wsUrl, id);
    await eventually(() => reader.doc.getArray('items').length === 30, 5_000, 'reader caught up');
    expect((await storedRows(server.dataDir, id)).updates).toBeGreaterThanOrEqual(30);

    destroyAllProviders();
    await eventually(() => server.services.collab.documents.openCount === 0, 5_000, 'document unloaded');
    const stored = await storedRows(server.dataDir, id);
    expect(stored.updates).toBe(0);
    expect(stored.snapshotBytes).toBeGreaterThan(0);

    const fresh = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    expect(fresh.doc.getArray('items').toArray()).toEqual([...Array(30).keys()]);
  });
});
