import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { destroyAllProviders, eventually, openProvider, openSyncedProvider } from './helpers/providers';
import { openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

describe('limits and failures on the collaboration socket', () => {
  it('drops a connection that stops answering pings', async () => {
    const server = await startTestServer({ PING_INTERVAL_MS: '100' });
    const id = await server.createPlaybook();
    const raw = await openRawSocket(server.wsUrl, id);
    await eventually(() => server.services.collab.connectionCount === 1, 5_000, 'connection registered');
    // Stop reading from the TCP socket: the client can no longer see pings or answer them.
    (raw.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await eventually(() => server.services.collab.connectionCount === 0, 5_000, 'dead connection dropped');
  });

  it('drops a client that stops reading once too much waits for it, and keeps serving the others', async () => {
    // The writer sends tens of megabytes at once: lift its per-client rate limits, which are not what this tests.
    const server = await startTestServer({
      MAX_BUFFERED_BYTES: '200000',
      PING_INTERVAL_MS: '60000',
      WS_BYTES_PER_SECOND: '1000000000',
      WS_MESSAGES_PER_SECOND: '1000000',
    });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    const stalled = await openRawSocket(server.wsUrl, id);
    await eventually(() => server.services.collab.connectionCount === 2, 5_000, 'both connected');
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // It also keeps asking for the full state, which must not pile up replies either.
    for (let i = 0; i < 200; i++) stalled.ws.send(Uint8Array.from([0, 0, 1, 0]));

    const text = writer.doc.getText('notes');
    // Kernel socket buffers take several megabytes before the server has to hold anything itself.
    const chunk = 'x'.repeat(64_000);
    for (let i = 0; i < 1_000 && server.services.collab.connectionCount > 1; i++) {
      text.insert(0, chunk);
      text.delete(0, chunk.length);
      if (i % 10 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    await eventually(() => server.services.collab.connectionCount === 1, 10_000, 'the stalled client dropped');
    const reader = await openSyncedProvider(server.wsUrl, id);
    text.insert(0, 'still here');
    await eventually(() => reader.doc.getText('notes').toString() === 'still here', 5_000, 'others keep working');
  });

  it('refuses edits past the document size limit with 4413, and the client stops retrying', async () => {
    const server = await startTestServer({ MAX_DOCUMENT_BYTES: '2000' });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => writer.on('closed', (event) => resolve(event)));
    writer.doc.getText('notes').insert(0, 'x'.repeat(3000));
    const event = await closed;
    expect(event.code).toBe(4413);
    expect(event.reason).toMatch(/size limit/);

    const reader = await openSyncedProvider(server.wsUrl, id);
    expect(reader.doc.getText('notes').length).toBe(0);
  });

  it('closes with 4500 when stored data cannot be loaded, and never writes over it', async () => {
    const server = await startTestServer({ UNLOAD_DELAY_MS: '0' });
    const id = await server.createPlaybook();
    // Creating the playbook loaded its document; corrupt the storage only once it has unloaded.
    await eventually(() => server.services.collab.documents.openCount === 0, 5_000, 'document unloaded');
    const file = join(server.dataDir, 'fullcourt.sqlite');
    const stored = () => {
      const db = new Database(file, { readonly: true });
      try {
        return {
          updates: db.prepare('select seq, hex("update") as bytes from document_updates where playbook_id = ? order by seq').all(id),
          snapshot: db.prepare('select hex(state) as state, upto_seq from document_snapshots where playbook_id = ?').get(id),
        };
      } finally {
        db.close();
      }
    };
    const db = new Database(file);
    db.prepare('insert into document_updates (playbook_id, "update") values (?, ?)').run(id, Buffer.from([0xff, 0xff, 0xff]));
    db.close();
    const before = stored();

    const provider = openProvider(server.wsUrl, id);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      provider.on('connection-close', (event) => event && resolve(event)),
    );
    expect(closed.code).toBe(4500);
    expect(closed.reason).toMatch(/could not be loaded/);
    provider.destroy();
    // Nothing was compacted or written over the data that failed to load.
    expect(stored()).toEqual(before);
  });
});
