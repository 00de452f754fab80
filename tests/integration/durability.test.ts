import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlaybook } from './helpers/api';
import { type ChildServer, startChildServer } from './helpers/childServer';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

const children: ChildServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-durability-'));
  dirs.push(dir);
  return dir;
}

describe('durability', () => {
  it('keeps every edit across a clean restart', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({}, dataDir);
    const id = await first.createPlaybook();
    const writer = await openSyncedProvider(first.wsUrl, id);
    writer.doc.getText('notes').insert(0, 'Sales follows up within 4 business hours');
    writer.doc.getArray('stages').push(['Aware', 'Consider', 'Decide']);
    // The server stores before it broadcasts, so once a reader has the edit it is on disk.
    const reader = await openSyncedProvider(first.wsUrl, id);
    await eventually(() => reader.doc.getArray('stages').length === 3, 5_000, 'reader has the edit');
    destroyAllProviders();
    await first.stop();

    const second = await startTestServer({}, dataDir);
    const fresh = await openSyncedProvider(second.wsUrl, id);
    expect(fresh.doc.getText('notes').toString()).toBe('Sales follows up within 4 business hours');
    expect(fresh.doc.getArray('stages').toArray()).toEqual(['Aware', 'Consider', 'Decide']);
  });

  it('keeps every edit a second client had received when the server is killed with SIGKILL mid-burst', async () => {
    const dataDir = tempDir();
    const server = await startChildServer(dataDir);
    children.push(server);
    const id = await createPlaybook(server.url, 'Durable', 'empty');
    const writer = await openSyncedProvider(server.wsUrl, id);
    const observer = await openSyncedProvider(server.wsUrl, id);
    const observed = observer.doc.getArray<number>('burst');

    // A burst of edits; kill the server while they are still flowing.
    const list = writer.doc.getArray<number>('burst');
    let sent = 0;
    const burst = setInterval(() => {
      for (let i = 0; i < 20; i++) list.push([sent++]);
    }, 1);
    await eventually(() => observed.length >= 300, 10_000, 'observer receiving the burst');
    server.process.kill('SIGKILL');
    clearInterval(burst);
    await server.exited;
    // What the observer saw at the moment of the crash is what must survive.
    const seen = observed.toArray();
    // Destroy the clients before restarting so they cannot re-send what the server lost.
    destroyAllProviders();

    const restarted = await startChildServer(dataDir);
    children.push(restarted);
    const fresh = await openSyncedProvider(restarted.wsUrl, id, new Y.Doc());
    const recovered = fresh.doc.getArray<number>('burst').toArray();
    expect(seen.length).toBeGreaterThanOrEqual(300);
    expect(recovered.slice(0, seen.length)).toEqual(seen);
    expect(sent).toBeGreaterThan(seen.length - 1);
  });

  it('flushes and compacts on SIGTERM, then exits 0', async () => {
    const dataDir = tempDir();
    const server = await startChildServer(dataDir);
    children.push(server);
    const id = await createPlaybook(server.url, 'Durable', 'empty');
    const writer = await openSyncedProvider(server.wsUrl, id);
    writer.doc.getText('notes').insert(0, 'saved on shutdown');
    const reader = await openSyncedProvider(server.wsUrl, id);
    await eventually(() => reader.doc.getText('notes').length > 0, 5_000, 'reader has the edit');
    destroyAllProviders();

    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.logs.some((l) => l.msg === 'document compacted')).toBe(true);

    const restarted = await startChildServer(dataDir);
    children.push(restarted);
    const fresh = await openSyncedProvider(restarted.wsUrl, id);
    expect(fresh.doc.getText('notes').toString()).toBe('saved on shutdown');
  });
});
