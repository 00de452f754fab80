import { type Finding, type Playbook, PlaybookDoc, ROOT } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, authedFetch, createPlaybook } from './helpers/api';
import { deepPageUpdate, deletedDeepPageState, deletePageUpdate, updateFrame } from './helpers/deepRichText';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { openRawSocket } from './helpers/rawSocket';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

const v1 = (id: string) => `/api/v1/playbooks/${id}`;

/** Every way of reading a playbook, each of which must answer: live JSON, exports, findings, a saved version, a diff, a restore. */
async function readEverything(server: TestServer, id: string): Promise<{ live: Playbook; findings: Finding[] }> {
  const live = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
  expect(live.status).toBe(200);
  for (const format of ['json', 'md', 'html']) {
    const exported = await api(server.url, 'GET', `${v1(id)}/export?format=${format}&version=live`);
    expect(exported.status, `export as ${format}`).toBe(200);
  }
  const findings = await api<{ items: Finding[] }>(server.url, 'GET', `${v1(id)}/findings?version=live`);
  expect(findings.status).toBe(200);
  const saved = await api<{ number: number }>(server.url, 'POST', `${v1(id)}/versions`, { label: 'Check' });
  expect(saved.status).toBe(201);
  const diff = await api(server.url, 'GET', `${v1(id)}/diff?from=${saved.json.number}&to=live`);
  expect(diff.status).toBe(200);
  const restored = await api(server.url, 'POST', `${v1(id)}/versions/${saved.json.number}/restore`);
  expect(restored.status).toBe(200);
  return { live: live.json, findings: findings.json.items };
}

/** The playbook's stored state, read straight from storage (the document must not be open). */
async function storedState(server: TestServer, id: string): Promise<Uint8Array> {
  const stored = await server.services.storage.documents.load(id);
  return Y.mergeUpdates([...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates]);
}

const unloaded = (server: TestServer) => eventually(() => server.services.collab.documents.openCount === 0, 5_000, 'document unloaded');

describe('deeply nested rich text', () => {
  it('is refused on the socket with a close code and a reason, and the playbook stays as it was and readable', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const editor = await openSyncedProvider(server.wsUrl, id);
    const pageId = new PlaybookDoc(editor.doc).pages.ids()[0] as string;
    const before = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);

    const raw = await openRawSocket(server.wsUrl, id);
    raw.ws.send(updateFrame(deepPageUpdate(Y.encodeStateAsUpdate(editor.doc), pageId, 3_000)));
    const closed = await raw.closed;
    expect(closed.code).toBe(4422);
    expect(closed.reason).toMatch(/nest.*64 levels/);

    const { live, findings } = await readEverything(server, id);
    expect(live.pages).toEqual(before.json.pages);
    expect(findings.filter((f) => f.code === 'rich-text-unreadable')).toEqual([]);
    // Editors never saw it: a fresh client syncs the same state as the one that stayed connected.
    const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
    expect(late.doc.getMap(ROOT.pages).toJSON()).toEqual(editor.doc.getMap(ROOT.pages).toJSON());
  });

  it('is refused on the REST write path too, naming the field, and nothing changes', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const before = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
    const pageId = before.json.pages[0]?.id as string;
    // Written as text: JSON.stringify itself recurses per level.
    const levels = 3_000;
    const deepTiptap = `{"markdown":"","tiptap":{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph"}${']}'.repeat(levels)}]}}`;
    const send = async (method: string, path: string, body: string) => {
      const res = await authedFetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json' }, body });
      return { status: res.status, json: (await res.json()) as { type: string; errors: { field: string }[] } };
    };

    const patched = await send('PATCH', `${v1(id)}/pages/${pageId}`, `{"title":"Renamed","body":${deepTiptap}}`);
    expect(patched.status).toBe(400);
    expect(patched.json.type).toBe('/problems/invalid-input');
    expect(patched.json.errors.map((e) => e.field)).toEqual(['body.tiptap']);
    const viaMarkdown = await send('PATCH', `${v1(id)}/pages/${pageId}`, JSON.stringify({ body: { markdown: `${'- '.repeat(levels)}x` } }));
    expect(viaMarkdown.status).toBe(400);
    expect(viaMarkdown.json.errors.map((e) => e.field)).toEqual(['body.markdown']);
    const added = await send('POST', `${v1(id)}/pages`, `{"item":{"title":"Deep","body":${deepTiptap}}}`);
    expect(added.status).toBe(400);

    const after = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
    expect(after.json.pages).toEqual(before.json.pages);
  });

  describe('stored before the fix, bypassing the guard', () => {
    async function playbookWithDeepPage() {
      const server = await startTestServer({ UNLOAD_DELAY_MS: '50' });
      const id = await createPlaybook(server.url);
      const before = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
      await unloaded(server);
      const state = await storedState(server, id);
      const pageId = before.json.pages[0]?.id as string;
      await server.services.storage.documents.append(id, [deepPageUpdate(state, pageId, 5_000)]);
      return { server, id, pageId, before: before.json };
    }

    it('loads, and every read answers with the bad field as a finding and the other fields intact', async () => {
      const { server, id, pageId, before } = await playbookWithDeepPage();
      const { live, findings } = await readEverything(server, id);

      const [bad, ...others] = live.pages;
      expect(bad?.id).toBe(pageId);
      expect(bad?.title).toBe(before.pages[0]?.title);
      expect(bad?.body.markdown).toBe('deep');
      expect(bad?.body.unreadable).toMatch(/64 levels/);
      expect(others).toEqual(before.pages.slice(1));
      expect(live.stages).toEqual(before.stages);
      expect(live.attribution).toEqual(before.attribution);
      expect(findings).toContainEqual(
        expect.objectContaining({ code: 'rich-text-unreadable', itemId: pageId, path: ['pages', 0, 'body'] }),
      );
    });

    it('lets the bad item be deleted through the API, and the playbook loads again after unloading', async () => {
      const { server, id, pageId, before } = await playbookWithDeepPage();
      const deleted = await api(server.url, 'DELETE', `${v1(id)}/pages/${pageId}`);
      expect(deleted.status).toBe(204);
      await unloaded(server);

      const { live, findings } = await readEverything(server, id);
      expect(live.pages).toEqual(before.pages.slice(1));
      expect(findings.filter((f) => f.code === 'rich-text-unreadable')).toEqual([]);
    });

    it('takes a deletion of the whole tree in one update over the socket, and every client and the reloaded playbook agree', async () => {
      const { server, id, pageId, before } = await playbookWithDeepPage();
      const watcher = await openSyncedProvider(server.wsUrl, id);
      const raw = await openRawSocket(server.wsUrl, id);
      raw.ws.send(updateFrame(deletePageUpdate(Y.encodeStateAsUpdate(watcher.doc), pageId)));

      await eventually(() => !watcher.doc.getMap(ROOT.pages).has(pageId), 10_000, 'the watcher sees the deletion');
      raw.ws.close();
      destroyAllProviders();
      await unloaded(server);
      const { live } = await readEverything(server, id);
      expect(live.pages).toEqual(before.pages.slice(1));
      const late = await openSyncedProvider(server.wsUrl, id, new Y.Doc());
      expect(late.doc.getMap(ROOT.pages).has(pageId)).toBe(false);
    });

    it('loads a playbook whose deep item was deleted but never collected, which no longer loaded at all', async () => {
      const server = await startTestServer({ UNLOAD_DELAY_MS: '50' });
      const id = await createPlaybook(server.url);
      const before = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
      await unloaded(server);
      const pageId = before.json.pages[0]?.id as string;
      const deleted = deletedDeepPageState(await storedState(server, id), pageId, 30_000);
      await server.services.storage.documents.append(id, [deleted]);

      const { live } = await readEverything(server, id);
      expect(live.pages).toEqual(before.json.pages.slice(1));
      expect(live.stages).toEqual(before.json.stages);
      // Unloading compacts what was collected; the next load is an ordinary one.
      await unloaded(server);
      const again = await api<Playbook>(server.url, 'GET', `/api/playbooks/${id}`);
      expect(again.status).toBe(200);
      expect(again.json.pages).toEqual(before.json.pages.slice(1));
    });

    it('lets an editor delete the bad item with the playbook package, in steps small enough for every peer', async () => {
      const { server, id, pageId, before } = await playbookWithDeepPage();
      const editor = await openSyncedProvider(server.wsUrl, id);
      const watcher = await openSyncedProvider(server.wsUrl, id);
      new PlaybookDoc(editor.doc).pages.delete(pageId);
      await eventually(() => !watcher.doc.getMap(ROOT.pages).has(pageId), 10_000, 'the watcher sees the deletion');
      destroyAllProviders();
      await unloaded(server);
      const { live } = await readEverything(server, id);
      expect(live.pages).toEqual(before.pages.slice(1));
    });
  });
});
