import { type Playbook, PlaybookDoc } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, authedFetch, createPlaybook } from './helpers/api';
import { owner } from './helpers/auth';
import { addPerson, type TestPerson } from './helpers/people';
import { destroyAllProviders, eventually, openSyncedProvider, until } from './helpers/providers';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

type Version = { number: number; label: string; kind: string; author: string; published: boolean; createdAt: string };
const v1 = (id: string) => `/api/v1/playbooks/${id}`;

/** Saves a version as the owner, or as `author` (a signed-in person). */
async function saveVersion(server: TestServer, id: string, label: string, author?: TestPerson) {
  const res = await api<Version>(server.url, 'POST', `${v1(id)}/versions`, { label, note: 'agreed in workshop' }, author?.headers);
  expect(res.status).toBe(201);
  return res.json;
}

/** Waits until the server's live JSON satisfies `check` (a provider's edit has reached it). */
const liveUntil = (server: TestServer, id: string, check: (p: Playbook) => boolean) =>
  until(
    () => api<Playbook>(server.url, 'GET', `${v1(id)}?version=live`),
    (r) => check(r.json),
    5_000,
    'live playbook',
  );

describe('playbook versions', () => {
  it('saves named versions while two editors are typing, numbered in order with their author’s account name', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const sam = await addPerson(server.url, { name: 'Sam Seller' });
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    const docA = new PlaybookDoc(a.doc);
    const docB = new PlaybookDoc(b.doc);
    let typing = true;
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        docA.titleText().insert(docA.titleText().length, String(i % 10));
        docB.descriptionText().insert(0, 'x');
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const first = await saveVersion(server, id, 'Q3 kickoff');
    const second = await saveVersion(server, id, 'After the workshop', sam);
    typing = false;
    await typist;

    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.author).toBe(owner.name);
    expect(second.author).toBe('Sam Seller');
    const list = await api<{ items: Version[] }>(server.url, 'GET', `${v1(id)}/versions`);
    expect(list.json.items.map((v) => v.label)).toEqual(['After the workshop', 'Q3 kickoff']);
    const one = await api<{ playbook: { title: string } }>(server.url, 'GET', `${v1(id)}/versions/1`);
    expect(one.json.playbook.title.startsWith('Revenue playbook')).toBe(true);
  });

  it('includes every edit the saving client had, even one still on its way, when it sends its state vector', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const editor = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(editor.doc);
    for (let i = 0; i < 100; i++) doc.titleText().insert(doc.titleText().length, '!');
    const stateVector = Buffer.from(Y.encodeStateVector(editor.doc)).toString('base64');
    const saved = await api<Version>(server.url, 'POST', `${v1(id)}/versions`, { label: 'Right after typing', stateVector });
    expect(saved.status).toBe(201);
    const version = await api<{ playbook: { title: string } }>(server.url, 'GET', `${v1(id)}/versions/${saved.json.number}`);
    expect(version.json.playbook.title).toBe(`Revenue playbook${'!'.repeat(100)}`);

    // Edits that never reach the server (the client is offline) make the save refuse, not miss them.
    editor.disconnect();
    doc.setTitle('Offline title');
    const offlineVector = Buffer.from(Y.encodeStateVector(editor.doc)).toString('base64');
    const refused = await api<{ title: string }>(server.url, 'POST', `${v1(id)}/versions`, {
      label: 'Offline',
      stateVector: offlineVector,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.title).toBe('Edits still on their way');
  });

  it('publishes a version that tools keep reading while the live document moves on', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const before = await api(server.url, 'GET', v1(id));
    expect(before.status).toBe(404);
    expect((before.json as { detail: string }).detail).toMatch(/no published version/);

    await saveVersion(server, id, 'Launch');
    const published = await api<{ published: Version }>(server.url, 'POST', `${v1(id)}/versions/1/publish`);
    expect(published.json.published.published).toBe(true);

    const editor = await openSyncedProvider(server.wsUrl, id);
    new PlaybookDoc(editor.doc).setTitle('Changed after publishing');
    await liveUntil(server, id, (p) => p.title === 'Changed after publishing');

    const listed = await api<{ published: { number: number; publishedBy: string } | null }>(
      server.url,
      'GET',
      `${v1(id)}/versions?kind=named`,
    );
    expect(listed.json.published).toMatchObject({ number: 1 });
    const read = await api<{ title: string }>(server.url, 'GET', v1(id));
    expect(read.json.title).toBe('Revenue playbook');
    const stages = await api<{ items: { name: string }[]; total: number }>(server.url, 'GET', `${v1(id)}/stages?limit=2`);
    expect(stages.json.items).toHaveLength(2);
    expect(stages.json.total).toBeGreaterThanOrEqual(5);
  });

  it('reports a changed SLA in business words', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    await saveVersion(server, id, 'Before');
    const editor = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(editor.doc);
    const slaId = doc.slas.ids()[0] as string;
    doc.slas.update(slaId, { responseTime: { duration: 'PT2H', clock: 'business' } });
    await liveUntil(server, id, (p) => p.slas[0]?.responseTime.duration === 'PT2H');

    const diff = await api<{ changes: { text: string; section: string }[] }>(server.url, 'GET', `${v1(id)}/diff?from=1&to=live`);
    expect(diff.status).toBe(200);
    const sentences = diff.json.changes.map((c) => c.text);
    expect(sentences.some((s) => /MQL → SAL/.test(s) && /response time/i.test(s) && /2 business hours/.test(s))).toBe(true);
  });

  it('restores a version as a new change that every editor sees, keeping what others type meanwhile', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    await saveVersion(server, id, 'Good state');
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    const docA = new PlaybookDoc(a.doc);
    const docB = new PlaybookDoc(b.doc);
    const doomed = docA.stages.ids()[1] as string;
    docA.stages.delete(doomed);
    await liveUntil(server, id, (p) => !p.stages.some((s) => s.id === doomed));

    // B keeps adding personas while the restore happens.
    let typing = true;
    const added: string[] = [];
    const typist = (async () => {
      for (let i = 0; typing; i++) {
        added.push(docB.personas.add({ name: `Persona ${i}`, buyingRole: 'influencer', caresAbout: [] }));
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    const restore = await api<{ restored: Version; before: Version }>(server.url, 'POST', `${v1(id)}/versions/1/restore`);
    expect(restore.status).toBe(200);
    expect(restore.json.before.label).toBe('Before restoring version 1');
    await new Promise((r) => setTimeout(r, 50));
    typing = false;
    await typist;
    const last = docB.personas.add({ name: 'After the restore', buyingRole: 'user', caresAbout: [] });

    await eventually(() => docA.stages.has(doomed) && docB.stages.has(doomed), 5_000, 'restored stage at both editors');
    // Everything B added after the restore was applied survives; so does the edit after it.
    await eventually(() => docA.personas.has(last), 5_000, 'late persona at A');
    const live = await liveUntil(server, id, (p) => p.personas.some((x) => x.id === last));
    const restoredAt = live.json.personas.map((p) => p.id as string);
    const afterRestore = added.slice(added.length - 3);
    for (const persona of afterRestore) expect(restoredAt).toContain(persona);
  });

  it('answers a repeated read with 304 Not Modified', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const first = await authedFetch(`${server.url}${v1(id)}?version=live`);
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await authedFetch(`${server.url}${v1(id)}?version=live`, { headers: { 'if-none-match': tag as string } });
    expect(again.status).toBe(304);

    await saveVersion(server, id, 'Published');
    await api(server.url, 'POST', `${v1(id)}/versions/1/publish`);
    const published = await authedFetch(`${server.url}${v1(id)}`);
    const publishedTag = published.headers.get('etag') as string;
    expect(publishedTag).not.toBe(tag);
    expect((await authedFetch(`${server.url}${v1(id)}`, { headers: { 'if-none-match': publishedTag } })).status).toBe(304);
    // Publishing another version changes what the same URL returns, and so its tag.
    await saveVersion(server, id, 'Next');
    await api(server.url, 'POST', `${v1(id)}/versions/2/publish`);
    expect((await authedFetch(`${server.url}${v1(id)}`, { headers: { 'if-none-match': publishedTag } })).status).toBe(200);
  });

  it('takes an automatic checkpoint once editing goes quiet, and none when nothing changed', async () => {
    const server = await startTestServer({ CHECKPOINT_QUIET_MS: '200' });
    const id = await createPlaybook(server.url);
    const editor = await openSyncedProvider(server.wsUrl, id);
    new PlaybookDoc(editor.doc).setTitle('Quiet now');
    await liveUntil(server, id, (p) => p.title === 'Quiet now');
    // The template's own edits may have been checkpointed already: wait for one taken after the title arrived.
    const titleArrived = Date.now();
    const list = await until(
      () => api<{ items: Version[] }>(server.url, 'GET', `${v1(id)}/versions?kind=checkpoint`),
      (r) => r.json.items.some((v) => v.author === 'Automatic checkpoint' && Date.parse(v.createdAt) >= titleArrived),
      5_000,
      'a checkpoint',
    );
    const count = list.json.items.length;
    await new Promise((r) => setTimeout(r, 500));
    const later = await api<{ items: Version[] }>(server.url, 'GET', `${v1(id)}/versions?kind=checkpoint`);
    expect(later.json.items.length).toBe(count);
  });
});
