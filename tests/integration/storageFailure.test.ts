import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SharedDocument } from '../../apps/server/src/collab/sharedDocument';
import { simulateStorageFault } from '../../apps/server/src/db';
import { api } from './helpers/api';
import { destroyAllProviders, eventually, openSyncedProvider, until } from './helpers/providers';
import { openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

// Storage failures are simulated with the real SQLite underneath, through db/'s test-only hook:
// `full` caps the database at its current page count (PRAGMA max_page_count: writes needing a new
// page fail with SQLITE_FULL), `read-only` sets PRAGMA query_only (every write fails with
// SQLITE_READONLY). Tests run as root, for whom chmod would change nothing.

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** Text that does not compress, so storing it always needs fresh pages. */
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64').slice(0, bytes);

const syncStep1Empty = Uint8Array.from([0, 0, 1, 0]);

function awarenessFrame(clientId: number, clock: number): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify({ user: { name: 'Raw', color: '#000' } }));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

const isSyncReply = (message: Buffer) => message[0] === 0 && message[1] === 1;

/** A playbook whose live document holds `bytes` of incompressible text, stored. */
async function playbookWithBulk(server: TestServer, bytes: number) {
  const id = await server.createPlaybook();
  const writer = await openSyncedProvider(server.wsUrl, id);
  writer.doc.getText('notes').insert(0, incompressible(bytes));
  // A live read stores every edit first (persist before read), so the bulk is on disk after it.
  await until(
    () => api<{ title: string }>(server.url, 'GET', `/api/playbooks/${id}`),
    () => (server.services.collab.documents.peek(id)?.doc.getText('notes').length ?? 0) === bytes,
    5_000,
    'bulk text stored',
  );
  const document = server.services.collab.documents.peek(id) as SharedDocument;
  return { id, writer, document };
}

describe('restoring a version while the disk is full', () => {
  it('changes nothing and loses no backup, then restores with its backup once there is room', async () => {
    const server = await startTestServer({ UNLOAD_DELAY_MS: '600000' });
    const { id } = await playbookWithBulk(server, 200_000);
    await api(server.url, 'PATCH', `/api/v1/playbooks/${id}`, { title: 'Before the reorg' });
    expect((await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Q3' })).status).toBe(201);
    await api(server.url, 'PATCH', `/api/v1/playbooks/${id}`, { title: 'After the reorg' });
    const versions = () =>
      api<{ items: { number: number; label: string }[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/versions?kind=all`);
    const title = async () => (await api<{ title: string }>(server.url, 'GET', `/api/playbooks/${id}`)).json.title;

    simulateStorageFault(server.services.storage, 'full');
    const refused = await api<{ type: string; detail: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/restore`);
    expect(refused.status).toBe(503);
    expect(refused.json.type).toBe('/problems/storage-unavailable');
    expect(refused.json.detail).toMatch(/full/);
    // Nothing changed, in memory or in storage.
    expect(server.services.collab.documents.peek(id)?.persistence.isBehind).toBe(false);
    simulateStorageFault(server.services.storage, undefined);
    expect(await title()).toBe('After the reorg');
    expect((await versions()).json.items.map((v) => v.label)).toEqual(['Q3']);

    const restored = await api<{ before: { number: number } }>(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/restore`);
    expect(restored.status).toBe(200);
    expect(await title()).toBe('Before the reorg');
    const backup = await api<{ title: string }>(server.url, 'GET', `/api/v1/playbooks/${id}?version=${restored.json.before.number}`);
    expect(backup.json.title).toBe('After the reorg');
  });

  it('keeps only the newest MAX_RESTORE_BACKUPS restore backups', async () => {
    const server = await startTestServer({ MAX_RESTORE_BACKUPS: '2' });
    const id = await server.createPlaybook();
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Start' });
    const backups: number[] = [];
    for (let i = 0; i < 4; i++) {
      const restored = await api<{ before: { number: number } }>(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/restore`);
      backups.push(restored.json.before.number);
    }
    const list = await api<{ items: { number: number }[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/versions?kind=checkpoint`);
    expect(list.json.items.map((v) => v.number)).toEqual(backups.slice(-2).reverse());
  });

  it('refuses a named version past MAX_NAMED_VERSIONS with a problem naming the limit', async () => {
    const server = await startTestServer({ MAX_NAMED_VERSIONS: '2' });
    const id = await server.createPlaybook();
    for (const label of ['One', 'Two'])
      expect((await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label })).status).toBe(201);
    const third = await api<{ type: string; detail: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Three' });
    expect(third.status).toBe(409);
    expect(third.json.type).toBe('/problems/version-limit-reached');
    expect(third.json.detail).toMatch(/MAX_NAMED_VERSIONS/);
  });
});

describe('while storage is failing', () => {
  it('holds one full-state reply per connection and no awareness, closes writers past the cap with 1013, and loses nothing', async () => {
    const cap = 150_000;
    const server = await startTestServer({ MAX_HELD_BYTES: String(cap), UNLOAD_DELAY_MS: '600000' });
    const { id, writer, document } = await playbookWithBulk(server, 100_000);
    const fullState = Y.encodeStateAsUpdate(document.doc).byteLength;
    expect(document.heldBytes).toBe(0);

    simulateStorageFault(server.services.storage, 'read-only');
    writer.doc.getText('notes').insert(0, 'held edit|');
    await eventually(() => document.persistence.failure !== undefined, 5_000, 'a failed write');

    // Forty 4-byte requests for the full state, and forty awareness updates, from one raw socket.
    const greedy = await openRawSocket(server.wsUrl, id);
    const clientId = 424242;
    for (let clock = 1; clock <= 40; clock++) {
      greedy.ws.send(syncStep1Empty);
      greedy.ws.send(awarenessFrame(clientId, clock));
    }
    // Frames are handled in order: once the last awareness clock is in, every request was handled.
    await eventually(() => document.awareness.meta.get(clientId)?.clock === 40, 10_000, 'all frames handled');
    expect(document.heldBytes).toBeGreaterThan(fullState);
    expect(document.heldBytes).toBeLessThan(2 * fullState);

    // A second reader still gets its one reply held; that reaches the cap.
    const second = await openRawSocket(server.wsUrl, id);
    second.ws.send(syncStep1Empty);
    await eventually(() => document.heldBytes >= cap, 5_000, 'the cap reached');
    // Past the cap, a newcomer wanting the full state and a writer are both told to come back later.
    const third = await openRawSocket(server.wsUrl, id);
    third.ws.send(syncStep1Empty);
    expect((await third.closed).code).toBe(1013);
    const writerClosed = new Promise<{ code: number } | null>((resolve) => writer.once('connection-close', (event) => resolve(event)));
    writer.doc.getText('notes').insert(0, 'edit made past the cap|');
    expect((await writerClosed)?.code).toBe(1013);
    expect(document.heldBytes).toBeLessThanOrEqual(cap + fullState);

    const health = await api<{ status: string; storage: { reason: string; since: string } }>(server.url, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.json.storage.reason).toMatch(/read-only/);
    expect(Date.parse(health.json.storage.since)).not.toBeNaN();

    simulateStorageFault(server.services.storage, undefined);
    await eventually(() => !document.isHolding, 10_000, 'storage caught up');
    expect(document.heldBytes).toBe(0);
    await eventually(() => greedy.received.filter(isSyncReply).length === 1, 5_000, 'the one reply delivered');
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);

    // The writer reconnects by itself and sends what was refused; nothing held or refused is lost.
    const reader = await openSyncedProvider(server.wsUrl, id);
    await eventually(
      () => reader.doc.getText('notes').toString().includes('edit made past the cap|'),
      10_000,
      'the refused edit arriving after reconnect',
    );
    expect(reader.doc.getText('notes').toString()).toContain('held edit|');
    expect(reader.doc.getText('notes').length).toBe(writer.doc.getText('notes').length);
  });

  it('reports storage as failing on /api/health (503 with the reason) and ok once it recovers', async () => {
    const server = await startTestServer();
    expect((await api(server.url, 'GET', '/api/health')).json).toEqual({
      status: 'ok',
      storage: { kind: 'sqlite', status: 'ok' },
      bus: { status: 'off' },
    });
    simulateStorageFault(server.services.storage, 'read-only');
    const failing = await api<{ status: string; storage: { status: string; reason: string } }>(server.url, 'GET', '/api/health');
    expect(failing.status).toBe(503);
    expect(failing.json.status).toBe('failing');
    expect(failing.json.storage.reason).toMatch(/read-only.*writable/);
    simulateStorageFault(server.services.storage, undefined);
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('answers SQLITE_FULL with a 503 storage-unavailable problem that says to free disk space', async () => {
    const server = await startTestServer();
    const { id } = await playbookWithBulk(server, 100_000);
    simulateStorageFault(server.services.storage, 'full');
    const res = await api<{ type: string; status: number; detail: string; requestId: string }>(
      server.url,
      'POST',
      `/api/v1/playbooks/${id}/versions`,
      { label: 'Does not fit' },
    );
    expect(res.status).toBe(503);
    expect(res.json.type).toBe('/problems/storage-unavailable');
    expect(res.json.detail).toMatch(/full\. Free some space/);
    expect(res.json.detail).not.toMatch(/SQLITE/);
    expect(res.json.requestId).toBeTruthy();
  });
});

describe('SQLite housekeeping', () => {
  it('brings the WAL file back to zero bytes with a periodic TRUNCATE checkpoint after a burst of writes', async () => {
    const server = await startTestServer({ SQLITE_CHECKPOINT_MS: '300' });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    const wal = join(server.dataDir, 'fullcourt.sqlite-wal');
    const walBytes = () => {
      try {
        return statSync(wal).size;
      } catch {
        return 0;
      }
    };
    // A reader from another connection pins the WAL, as a backup tool or a long export would.
    const pin = new Database(join(server.dataDir, 'fullcourt.sqlite'), { readonly: true });
    pin.exec('BEGIN');
    pin.prepare('select count(*) from playbooks').get();
    for (let i = 0; i < 40; i++) {
      writer.doc.getText('notes').insert(0, incompressible(100_000));
      await api(server.url, 'GET', `/api/playbooks/${id}`);
    }
    expect(walBytes()).toBeGreaterThan(4_000_000);
    pin.exec('COMMIT');
    pin.close();
    await eventually(() => walBytes() < 100_000, 5_000, 'the WAL truncated');
  });
});
