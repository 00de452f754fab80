import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { authedFetch } from './helpers/api';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

describe('real-time collaboration', () => {
  it('brings two editors typing at once to the same text', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    const textA = a.doc.getText('notes');
    const textB = b.doc.getText('notes');

    for (let i = 0; i < 20; i++) {
      textA.insert(0, 'a');
      textB.insert(textB.length, 'b');
    }

    await eventually(() => textA.length === 40 && textB.length === 40, 5_000, 'both edits everywhere');
    expect(textA.toString()).toBe(textB.toString());
    expect(textA.toString().replace(/b/g, '')).toBe('a'.repeat(20));
  });

  it('gives a late joiner the full state', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    a.doc.getMap('stages').set('s1', 'Awareness');
    a.doc.getText('notes').insert(0, 'Agreed in the Q3 workshop');

    const late = await openSyncedProvider(server.wsUrl, id);
    await eventually(() => late.doc.getText('notes').length > 0, 5_000, 'late joiner state');
    expect(late.doc.getMap('stages').get('s1')).toBe('Awareness');
    expect(late.doc.getText('notes').toString()).toBe('Agreed in the Q3 workshop');
  });

  it('shares awareness (names, cursors) and removes it when a client leaves', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    a.awareness.setLocalStateField('user', { name: 'Maya (Marketing)', color: '#e11d48' });
    a.awareness.setLocalStateField('cursor', { anchor: 3, head: 7 });

    const aId = a.doc.clientID;
    // Two fields, two awareness updates: the cursor may arrive in a later relay than the name.
    await eventually(
      () => b.awareness.getStates().get(aId)?.user?.name === 'Maya (Marketing)' && b.awareness.getStates().get(aId)?.cursor !== undefined,
      5_000,
      'awareness at b',
    );
    expect(b.awareness.getStates().get(aId)?.cursor).toEqual({ anchor: 3, head: 7 });

    // Simulate a closed tab: the socket goes away without a goodbye from the client.
    (a.ws as unknown as { terminate(): void }).terminate();
    a.shouldConnect = false;
    await eventually(() => !b.awareness.getStates().has(aId), 5_000, 'awareness removed at b');
  });

  it("ignores awareness that claims another person's cursor, or more clients than one tab needs", async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    a.awareness.setLocalStateField('user', { name: 'Maya' });
    await eventually(() => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Maya', 5_000, 'Maya at b');

    // Mallory speaks the protocol directly: Maya's client id with a newer clock, and 50 made-up clients.
    const entries: [number, number, string][] = [[a.doc.clientID, 1_000, JSON.stringify({ user: { name: 'Mallory' } })]];
    for (let i = 0; i < 50; i++) entries.push([900_000 + i, 1, JSON.stringify({ user: { name: `ghost ${i}` } })]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, entries.length);
    for (const [client, clock, state] of entries) {
      encoding.writeVarUint(update, client);
      encoding.writeVarUint(update, clock);
      encoding.writeVarString(update, state);
    }
    encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
    const mallory = new WebSocket(`${server.wsUrl}/${id}`, { headers: { cookie: server.ownerCookie } });
    await new Promise((r) => mallory.once('open', r));
    mallory.send(encoding.toUint8Array(encoder));

    await eventually(() => [...b.awareness.getStates().values()].some((s) => s.user?.name === 'ghost 0'), 5_000, 'some ghosts');
    await new Promise((r) => setTimeout(r, 100));
    expect(b.awareness.getStates().get(a.doc.clientID)?.user?.name).toBe('Maya');
    const ghosts = [...b.awareness.getStates().values()].filter((s) => String(s.user?.name).startsWith('ghost'));
    expect(ghosts.length).toBe(8);
    mallory.close();
    await eventually(
      () => ![...b.awareness.getStates().values()].some((s) => String(s.user?.name).startsWith('ghost')),
      5_000,
      'ghosts gone with Mallory',
    );
  });

  it('refuses an unknown playbook before upgrading, with 404', async () => {
    const server = await startTestServer();
    const ws = new WebSocket(`${server.wsUrl}/does-not-exist`, { headers: { cookie: server.ownerCookie } });
    const status = await new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the upgrade was accepted')));
      ws.on('error', () => {});
    });
    expect(status).toBe(404);

    const plain = await authedFetch(`${server.url}/collab/does-not-exist`);
    expect(plain.status).toBe(404);
    expect(((await plain.json()) as { detail: string }).detail).toContain('does-not-exist');
  });

  it('keeps one document per playbook, apart from the others', async () => {
    const server = await startTestServer();
    const first = await server.createPlaybook('First');
    const second = await server.createPlaybook('Second');
    const a = await openSyncedProvider(server.wsUrl, first);
    const b = await openSyncedProvider(server.wsUrl, second);
    a.doc.getText('notes').insert(0, 'only in first');
    const a2 = await openSyncedProvider(server.wsUrl, first, new Y.Doc());
    await eventually(() => a2.doc.getText('notes').length > 0, 5_000, 'first doc state');
    expect(b.doc.getText('notes').toString()).toBe('');
  });
});
