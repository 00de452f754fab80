import { PlaybookDoc } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { updateMessage } from '../../apps/server/src/collab/messages';
import { api } from './helpers/api';
import { anonymous } from './helpers/auth';
import { addPerson, createToken, share } from './helpers/people';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** The status a refused upgrade answers, or 101 when it is accepted. */
function upgradeStatus(server: TestServer, playbookId: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.wsUrl}/${playbookId}`, { headers });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

const liveTitle = async (server: TestServer, id: string) =>
  (await api<{ title: string }>(server.url, 'GET', `/api/playbooks/${id}`)).json.title;

/** A provider's close code and reason, the next time its socket closes. */
function nextClose(provider: { ws: globalThis.WebSocket | null }): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    provider.ws?.addEventListener('close', (event) => resolve({ code: event.code, reason: event.reason }), { once: true });
  });
}

describe('who may join a playbook’s live session', () => {
  it('refuses anonymous upgrades with 401, hidden playbooks with 404 and tokens without read:live with 403, before upgrading', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    await share(server.url, id, 'none');
    const outsider = await addPerson(server.url);
    const readOnlyPublished = await createToken(server.url, { scopes: ['read'] });
    const live = await createToken(server.url, { scopes: ['read:live'] });
    expect(await upgradeStatus(server, id, anonymous)).toBe(401);
    expect(await upgradeStatus(server, id, outsider.headers)).toBe(404);
    expect(await upgradeStatus(server, id, readOnlyPublished.headers)).toBe(403);
    expect(await upgradeStatus(server, id, live.headers)).toBe(101);
    expect(await upgradeStatus(server, id, { cookie: server.ownerCookie })).toBe(101);
  });

  it('lets a viewer follow live and be seen in presence, and refuses their edit with 4403, leaving the document unchanged', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Agreed title');
    const vic = await addPerson(server.url, { name: 'Vic' });
    await share(server.url, id, 'none', [{ subjectKind: 'user', subjectId: vic.id, role: 'viewer' }]);
    const editor = await openSyncedProvider(server.wsUrl, id);
    const viewer = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), vic.headers);

    // The viewer's connection stays open after its initial (empty) sync step 2, sees edits live and is seen.
    new PlaybookDoc(editor.doc).setTitle('Agreed title, v2');
    await eventually(() => new PlaybookDoc(viewer.doc).title === 'Agreed title, v2', 5_000, 'the viewer to see the edit');
    viewer.awareness.setLocalStateField('user', { name: 'Vic' });
    await eventually(() => [...editor.awareness.getStates().values()].some((s) => s.user?.name === 'Vic'), 5_000, 'Vic in presence');

    const closed = nextClose(viewer);
    new PlaybookDoc(viewer.doc).setTitle('Defaced');
    expect(await closed).toMatchObject({ code: 4403 });
    await new Promise((r) => setTimeout(r, 200));
    expect(await liveTitle(server, id)).toBe('Agreed title, v2');
    expect(new PlaybookDoc(editor.doc).title).toBe('Agreed title, v2');
  });

  it('refuses a raw update frame from a read-only token and keeps serving others', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Before');
    const token = await createToken(server.url, { scopes: ['read:live'] });
    const raw = await openRawSocket(server.wsUrl, id, token.headers);
    const attacker = new Y.Doc();
    new PlaybookDoc(attacker).setTitle('Pwned');
    raw.ws.send(updateMessage(Y.encodeStateAsUpdate(attacker)));
    expect((await raw.closed).code).toBe(4403);
    expect(await liveTitle(server, id)).toBe('Before');
  });

  it('turns an editor’s socket read-only within a second of a downgrade, and closes it when access is removed', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Shared');
    const eda = await addPerson(server.url, { name: 'Eda' });
    await share(server.url, id, 'none', [{ subjectKind: 'user', subjectId: eda.id, role: 'editor' }]);
    const provider = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), eda.headers);
    provider.shouldConnect = false;
    const downgraded = nextClose(provider);
    const started = Date.now();
    await share(server.url, id, 'none', [{ subjectKind: 'user', subjectId: eda.id, role: 'viewer' }]);
    expect(await downgraded).toMatchObject({ code: 4403 });
    expect(Date.now() - started).toBeLessThan(1_000);

    // Reconnected, she follows read-only: her edits are refused.
    const again = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), eda.headers);
    const refused = nextClose(again);
    new PlaybookDoc(again.doc).setTitle('Still typing');
    expect(await refused).toMatchObject({ code: 4403 });
    expect(await liveTitle(server, id)).toBe('Shared');

    const third = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), eda.headers);
    third.shouldConnect = false;
    const removed = nextClose(third);
    await share(server.url, id, 'none');
    expect(await removed).toMatchObject({ code: 4403 });
  });

  it('lets a viewer promoted to editor edit on the same socket', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Draft');
    const vic = await addPerson(server.url);
    await share(server.url, id, 'view');
    const provider = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), vic.headers);
    await share(server.url, id, 'edit');
    await new Promise((r) => setTimeout(r, 300));
    new PlaybookDoc(provider.doc).setTitle('Draft, edited');
    await eventually(() => provider.wsconnected, 1_000, 'still connected');
    await new Promise((r) => setTimeout(r, 300));
    expect(await liveTitle(server, id)).toBe('Draft, edited');
  });

  it('closes sockets with 4401 when their session signs out, their token is revoked or their account is deactivated', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const sam = await addPerson(server.url);
    const token = await createToken(server.url, { scopes: ['read:live', 'write'] });

    const bySession = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), sam.headers);
    bySession.shouldConnect = false;
    const signedOut = nextClose(bySession);
    expect((await api(server.url, 'POST', '/api/auth/sign-out', {}, sam.headers)).status).toBe(200);
    expect(await signedOut).toMatchObject({ code: 4401 });

    const byToken = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), token.headers);
    byToken.shouldConnect = false;
    const revoked = nextClose(byToken);
    expect((await api(server.url, 'DELETE', `/api/v1/tokens/${token.id}`)).status).toBe(204);
    expect(await revoked).toMatchObject({ code: 4401 });

    const again = await addPerson(server.url);
    const byPerson = await openSyncedProvider(server.wsUrl, id, new Y.Doc(), again.headers);
    byPerson.shouldConnect = false;
    const deactivated = nextClose(byPerson);
    expect((await api(server.url, 'PATCH', `/api/v1/users/${again.id}`, { deactivated: true })).status).toBe(200);
    expect(await deactivated).toMatchObject({ code: 4401 });
  });
});
