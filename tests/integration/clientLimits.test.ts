import { request } from 'node:http';
import { connect } from 'node:net';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { api } from './helpers/api';
import { withCredentials } from './helpers/auth';
import { destroyAllProviders, eventually, openProvider, openSyncedProvider, synced, until } from './helpers/providers';
import { type Closed, openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** A REST request sent from another loopback address (Linux routes all of 127/8 to lo), as a second client would. */
function requestFrom(localAddress: string, url: string, method: string, headers: Record<string, string> = {}, body?: unknown) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; json: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        url,
        { method, localAddress, headers: withCredentials(url, { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) }) },
        (res) => {
          let text = '';
          res.on('data', (chunk) => {
            text += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, json: text ? JSON.parse(text) : {} }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    },
  );
}

/** A bare collab socket opened from `localAddress`, signed in as the owner. */
async function rawSocketFrom(localAddress: string, wsUrl: string, playbookId: string) {
  const ws = new WebSocket(`${wsUrl}/${playbookId}`, { localAddress, headers: withCredentials(wsUrl) });
  const closed = new Promise<Closed>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed };
}

/** An awareness frame setting one client's state. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/** An awareness frame of `bytes` bytes that sets nothing (zero entries, then padding the server skips). */
function paddedAwarenessFrame(bytes: number): Uint8Array {
  const payload = new Uint8Array(bytes - 4);
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, payload);
  return encoding.toUint8Array(frame);
}

const syncStep1Empty = Uint8Array.from([0, 0, 1, 0]);
const isSyncStep2 = (frame: Buffer) => frame[0] === 0 && frame[1] === 1;
const isAwareness = (frame: Buffer) => frame[0] === 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a socket to close, or reports that it did not within `ms`. */
const closedWithin = (closed: Promise<Closed>, ms: number) =>
  Promise.race([closed, sleep(ms).then(() => ({ code: 0, reason: 'still open' }) as Closed)]);

describe('REST writes per client address', () => {
  it('answers writes past HTTP_WRITES_PER_MINUTE with 429, Retry-After and a problem naming the limit; reads and other addresses go on', async () => {
    // The test server's owner signing in is the first of the four writes.
    const server = await startTestServer({ HTTP_WRITES_PER_MINUTE: '4' });
    for (let i = 0; i < 3; i++) expect((await api(server.url, 'POST', '/api/v1/playbooks', { title: `P${i}` })).status).toBe(201);

    const refused = await api<{ type: string; detail: string; limit: string; retryAfter: number; requestId: string }>(
      server.url,
      'POST',
      '/api/v1/playbooks',
      { title: 'one too many' },
    );
    expect(refused.status).toBe(429);
    expect(refused.json.type).toBe('/problems/rate-limited');
    expect(refused.json.detail).toMatch(/HTTP_WRITES_PER_MINUTE is 4/);
    expect(refused.json.requestId).toBeTruthy();
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json.retryAfter).toBe(retryAfter);

    // Reads are not writes, and the limit is per address: a second client is not held back.
    expect((await api(server.url, 'GET', '/api/v1/playbooks')).status).toBe(200);
    const other = await requestFrom('127.0.0.2', `${server.url}/api/v1/playbooks`, 'POST', {}, { title: 'from a colleague' });
    expect(other.status).toBe(201);
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy, and then counts each forwarded client on its own', async () => {
    // Signing the owner in is a write from 127.0.0.1: it takes the first of two on the server that trusts no proxy.
    const spoofable = await startTestServer({ HTTP_WRITES_PER_MINUTE: '2' });
    const post = (url: string, forwardedFor: string) =>
      api(url, 'POST', '/api/v1/playbooks', { title: 'x' }, { 'x-forwarded-for': forwardedFor });
    expect((await post(spoofable.url, '203.0.113.1')).status).toBe(201);
    // Made-up forwarding headers do not buy a fresh allowance.
    expect((await post(spoofable.url, '203.0.113.2')).status).toBe(429);

    const proxied = await startTestServer({ HTTP_WRITES_PER_MINUTE: '1', TRUSTED_PROXIES: '127.0.0.1' });
    expect((await post(proxied.url, '203.0.113.1')).status).toBe(201);
    expect((await post(proxied.url, '203.0.113.2')).status).toBe(201);
    expect((await post(proxied.url, '203.0.113.1')).status).toBe(429);
    // The client is the address the trusted proxy saw, not what the client claimed before it.
    expect((await post(proxied.url, '198.51.100.7, 203.0.113.2')).status).toBe(429);
  });
});

describe('what one collaboration socket may send', () => {
  it('closes a socket flooding messages with 4429 and a reason naming the limit, while the others keep editing', async () => {
    const server = await startTestServer({ WS_MESSAGES_PER_SECOND: '20' });
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    const flood = await openRawSocket(server.wsUrl, id);
    const nothing = Uint8Array.from([1, 1, 0]); // an awareness message with no entries
    for (let i = 0; i < 1_000; i++) flood.ws.send(nothing);

    const closed = await closedWithin(flood.closed, 5_000);
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/20 messages a second \(WS_MESSAGES_PER_SECOND\)\. Reconnect in \d+ s/);
    a.doc.getText('notes').insert(0, 'still editing');
    await eventually(() => b.doc.getText('notes').toString() === 'still editing', 5_000, 'others keep working');
  });

  it('closes a socket sending more bytes a second than WS_BYTES_PER_SECOND with 4429', async () => {
    // The burst is ten seconds' worth or two of the largest messages, whichever is more: 50,000 bytes here.
    const server = await startTestServer({ WS_BYTES_PER_SECOND: '5000', MAX_MESSAGE_BYTES: '20000' });
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const flood = await openRawSocket(server.wsUrl, id);
    for (let i = 0; i < 20; i++) flood.ws.send(paddedAwarenessFrame(15_000));

    const closed = await closedWithin(flood.closed, 5_000);
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/5000 bytes a second \(WS_BYTES_PER_SECOND\)\. Reconnect in \d+ s/);
    const late = await openSyncedProvider(server.wsUrl, id);
    a.doc.getText('notes').insert(0, 'fine');
    await eventually(() => late.doc.getText('notes').toString() === 'fine', 5_000, 'others keep working');
  });

  it('caps sockets per client address with 4429, counts each address on its own, and frees a place when one closes', async () => {
    const server = await startTestServer({ MAX_CONNECTIONS_PER_ADDRESS: '3' });
    const id = await server.createPlaybook();
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await rawSocketFrom('127.0.0.1', server.wsUrl, id));
    await eventually(() => server.services.collab.connectionCount === 3, 5_000, 'three connected');

    const fourth = await rawSocketFrom('127.0.0.1', server.wsUrl, id);
    const refused = await closedWithin(fourth.closed, 5_000);
    expect(refused.code).toBe(4429);
    expect(refused.reason).toMatch(/Over 3 connections from your address \(MAX_CONNECTIONS_PER_ADDRESS\)\. Retry in \d+ s/);

    const colleague = await rawSocketFrom('127.0.0.2', server.wsUrl, id);
    await eventually(() => server.services.collab.connectionCount === 4, 5_000, 'another address connects');

    first[0]?.ws.close();
    await eventually(() => server.services.collab.connectionCount === 3, 5_000, 'a place freed');
    const again = await rawSocketFrom('127.0.0.1', server.wsUrl, id);
    expect((await closedWithin(again.closed, 300)).code).toBe(0);
    expect((await closedWithin(colleague.closed, 10)).code).toBe(0);
  });

  it('answers 100 sync requests on a large playbook with at most one full state per SYNC_REPLY_INTERVAL_MS', async () => {
    const server = await startTestServer({ SYNC_REPLY_INTERVAL_MS: '1000' });
    const id = await server.createPlaybook();
    const writer = await openSyncedProvider(server.wsUrl, id);
    for (let i = 0; i < 10; i++) writer.doc.getText('notes').insert(0, String(i).repeat(100_000));
    const fullState = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(fullState).toBeGreaterThan(1_000_000);
    const reader = await openSyncedProvider(server.wsUrl, id);
    await eventually(() => reader.doc.getText('notes').length === 1_000_000, 10_000, 'the server has it all');

    const asker = await openRawSocket(server.wsUrl, id);
    await sleep(100);
    asker.received.length = 0;
    for (let i = 0; i < 100; i++) asker.ws.send(syncStep1Empty);
    await sleep(300);
    const replies = () => asker.received.filter(isSyncStep2);
    const bytes = () => replies().reduce((sum, frame) => sum + frame.byteLength, 0);
    // One now; the asks that came inside the interval are answered once, when it ends.
    expect(replies().length).toBe(1);
    await eventually(() => replies().length === 2, 3_000, 'the deferred reply');
    await sleep(1_200);
    expect(replies().length).toBe(2);
    expect(bytes()).toBeLessThan(2.1 * fullState);
    // What it was sent is a whole, correct state.
    const copy = new Y.Doc();
    const last = decoding.createDecoder(new Uint8Array(replies()[1] as Buffer));
    decoding.readVarUint(last); // sync
    decoding.readVarUint(last); // step 2
    Y.applyUpdate(copy, decoding.readVarUint8Array(last));
    expect(copy.getText('notes').length).toBe(1_000_000);
  });

  it("fans one sender's awareness flood out at most once per AWARENESS_INTERVAL_MS, ending on its latest state", async () => {
    const server = await startTestServer({ AWARENESS_INTERVAL_MS: '200' });
    const id = await server.createPlaybook();
    const watcher = await openRawSocket(server.wsUrl, id);
    const sender = await openRawSocket(server.wsUrl, id);
    await eventually(() => server.services.collab.connectionCount === 2, 5_000, 'both connected');
    await sleep(100);
    watcher.received.length = 0;

    const senderClient = 424_242;
    for (let clock = 1; clock <= 300; clock++) sender.ws.send(awarenessFrame(senderClient, clock, { cursor: clock }));
    await sleep(700);
    const fannedOut = watcher.received.filter(isAwareness);
    expect(fannedOut.length).toBeGreaterThanOrEqual(2);
    expect(fannedOut.length).toBeLessThanOrEqual(5);

    // Merged, not dropped: the others end on the sender's latest caret.
    const reader = await openSyncedProvider(server.wsUrl, id);
    await eventually(() => reader.awareness.getStates().get(senderClient)?.cursor === 300, 5_000, 'latest awareness');
  });
});

describe('documents held in memory', () => {
  it('unloads the longest-idle playbook to load another past MAX_OPEN_DOCUMENTS, and refuses with 1013 or 503 when none is idle', async () => {
    const server = await startTestServer({ MAX_OPEN_DOCUMENTS: '2', UNLOAD_DELAY_MS: '60000' });
    const [a, b, c] = [await server.createPlaybook('A'), await server.createPlaybook('B'), await server.createPlaybook('C')];
    const registry = server.services.collab.documents;
    expect(registry.openCount).toBeLessThanOrEqual(2);

    const editorA = await openSyncedProvider(server.wsUrl, a);
    editorA.doc.getText('notes').insert(0, 'kept through the unload');
    await openSyncedProvider(server.wsUrl, b);
    expect(registry.peek(a) !== undefined && registry.peek(b) !== undefined).toBe(true);

    // Both in use: a third playbook is refused, over the socket and over REST, saying which limit and when to retry.
    const editorC = openProvider(server.wsUrl, c);
    const refused = await new Promise<{ code: number; reason: string }>((resolve) =>
      editorC.on('connection-close', (event) => event && resolve(event)),
    );
    expect(refused.code).toBe(1013);
    expect(refused.reason).toMatch(/MAX_OPEN_DOCUMENTS is 2.*Try again in \d+ s/);
    const busy = await api<{ type: string; detail: string }>(server.url, 'GET', `/api/playbooks/${c}?version=live`);
    expect(busy.status).toBe(503);
    expect(busy.json.type).toBe('/problems/server-busy');
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);

    // A goes idle: the refused client's own reconnect now gets in, and A is unloaded to make room.
    const textOf = async (id: string) => {
      const stored = await server.services.storage.documents.load(id);
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc.getText('notes').toString();
    };
    await until(
      () => textOf(a),
      (text) => text.length > 0,
      5_000,
      "A's edit stored",
    );
    editorA.destroy();
    await synced(editorC, 10_000);
    expect(registry.peek(a) !== undefined).toBe(false);
    expect(registry.peek(b) !== undefined && registry.peek(c) !== undefined).toBe(true);
    expect(await textOf(a)).toBe('kept through the unload');
  });

  it('unloads idle playbooks, longest idle first, to keep the stored bytes in memory under MAX_LOADED_BYTES', async () => {
    const server = await startTestServer({ MAX_LOADED_BYTES: '150000', UNLOAD_DELAY_MS: '60000' });
    const [a, b] = [await server.createPlaybook('A'), await server.createPlaybook('B')];
    const registry = server.services.collab.documents;
    for (const id of [a, b]) {
      const editor = await openSyncedProvider(server.wsUrl, id);
      editor.doc.getText('notes').insert(0, 'x'.repeat(100_000));
      await until(
        async () => (await server.services.storage.documents.load(id)).storedBytes,
        (bytes) => bytes > 100_000,
        5_000,
        'stored',
      );
      editor.destroy();
      await eventually(() => server.services.collab.connectionCount === 0, 5_000, 'editor gone');
    }
    // Edits grew both past the cap while they were open; loading a third makes room first.
    expect(registry.peek(a) !== undefined && registry.peek(b) !== undefined).toBe(true);
    const c = await server.createPlaybook('C');
    expect(registry.peek(a) !== undefined).toBe(false);
    expect(registry.peek(b) !== undefined).toBe(true);
    expect(registry.peek(c) !== undefined).toBe(true);
  });
});

describe('slow clients on HTTP', () => {
  it('cuts a request whose headers trickle in slower than HEADERS_TIMEOUT_MS (slowloris), and serves the others', async () => {
    const server = await startTestServer({ HEADERS_TIMEOUT_MS: '500' });
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    try {
      const outcome = await Promise.race([ended.then(() => 'cut'), sleep(5_000).then(() => 'still open')]);
      expect(outcome).toBe('cut');
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
      socket.destroy();
    }
    expect((await api(server.url, 'GET', '/api/health')).status).toBe(200);
  });
});

describe('the playbook list', () => {
  it('pages with limit and a cursor, most recently edited first, under /api/v1 and /api alike', async () => {
    const server = await startTestServer();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await server.createPlaybook(`P${i}`));
    type Page = { items: { id: string }[]; total: number; limit: number; offset: number; nextCursor: string | null };

    for (const base of ['/api/v1/playbooks', '/api/playbooks']) {
      const all = (await api<Page>(server.url, 'GET', base)).json;
      expect(all.total).toBe(5);
      expect(all.nextCursor).toBeNull();

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
        const page: Page = (await api<Page>(server.url, 'GET', `${base}${query}`)).json;
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(page.total).toBe(5);
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(all.items.map((p) => p.id));
      expect(new Set(seen)).toEqual(new Set(ids));
    }

    // Offset still works for old clients; a cursor this server did not make is a 400 naming it.
    const second = await api<Page>(server.url, 'GET', '/api/v1/playbooks?limit=2&offset=2');
    expect(second.json.items.length).toBe(2);
    const bad = await api<{ type: string; errors: { field: string }[] }>(server.url, 'GET', '/api/v1/playbooks?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.json.errors[0]?.field).toBe('cursor');
  });
});

describe('the defaults and a real team', () => {
  it('never limits y-websocket providers editing fast with carets moving, several per tab, and reconnecting', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const closes: number[] = [];
    const writers = [];
    for (let i = 0; i < 3; i++) {
      const writer = await openSyncedProvider(server.wsUrl, id);
      writer.on('connection-close', (event) => event && closes.push(event.code));
      writers.push(writer);
    }
    const reader = await openSyncedProvider(server.wsUrl, id);

    // Faster than anyone types, for two seconds: 100 keystrokes a second per writer, each moving its caret.
    for (let k = 0; k < 200; k++) {
      writers.forEach((writer, w) => {
        writer.doc.getText('notes').insert(0, String(w));
        writer.awareness.setLocalStateField('cursor', { anchor: k, head: k });
      });
      await sleep(10);
    }
    // Then each one drops and comes back a few times (a flaky network, a laptop waking up).
    for (let round = 0; round < 5; round++) {
      for (const writer of writers) writer.disconnect();
      for (const writer of writers) writer.connect();
      for (const writer of writers) await synced(writer);
    }
    for (const writer of writers) {
      writer.doc.getText('notes').insert(0, 'after');
      writer.awareness.setLocalStateField('cursor', { anchor: 1_000, head: 1_000 });
    }

    await eventually(() => reader.doc.getText('notes').length === 3 * 200 + 3 * 5, 10_000, 'every keystroke everywhere');
    for (const writer of writers) {
      await eventually(() => reader.awareness.getStates().get(writer.doc.clientID)?.cursor?.anchor === 1_000, 5_000, 'latest caret');
    }
    expect(closes.filter((code) => code !== 1000 && code !== 1005)).toEqual([]);
  });
});
