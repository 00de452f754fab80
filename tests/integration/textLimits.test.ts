import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Finding, keyBetween, type Playbook, PlaybookDoc, TEXT_LIMITS } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api, authedFetch } from './helpers/api';
import { createToken } from './helpers/people';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

const live = async (server: TestServer, id: string) =>
  (await api<Playbook>(server.url, 'GET', `/api/v1/playbooks/${id}?version=live`)).json;

describe('plain-text limits on the collaboration socket', () => {
  it('cuts a title typed past 200 characters back to 200, tells the sender, and keeps the rest of its edit', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Short');
    const sender = await openSyncedProvider(server.wsUrl, id);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => sender.on('connection-close', (event) => resolve(event)));
    const doc = new PlaybookDoc(sender.doc);
    doc.transact(() => {
      doc.titleText().insert(doc.titleText().length, ` ${'t'.repeat(250)}`);
      doc.setDescription('Kept: it fits its limit.');
    });

    const event = await closed;
    expect(event.code).toBe(4022);
    expect(event.reason).toMatch(/title is limited to 200 characters/);

    const stored = await live(server, id);
    expect(stored.title).toBe(`Short ${'t'.repeat(194)}`);
    expect(stored.description).toBe('Kept: it fits its limit.');
    // Others never see more than the limit, and the sender's copy is cut once it resyncs.
    const reader = await openSyncedProvider(server.wsUrl, id);
    expect(new PlaybookDoc(reader.doc).titleText().length).toBe(200);
    await eventually(() => doc.titleText().length === 200, 5_000, "the sender's copy cut back");
  });

  it("never removes another person's text: only the characters the over-long edit added go", async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('x');
    const first = await openSyncedProvider(server.wsUrl, id);
    const second = await openSyncedProvider(server.wsUrl, id);
    const a = new PlaybookDoc(first.doc);
    a.setTitle('A'.repeat(190));
    const b = new PlaybookDoc(second.doc);
    await eventually(() => b.title === 'A'.repeat(190), 5_000, 'the first title reached the second editor');

    b.titleText().insert(95, 'B'.repeat(50));
    await eventually(() => a.titleText().length === 200 && b.titleText().length === 200, 5_000, 'both cut back to 200');
    expect(a.title.replaceAll('B', '')).toBe('A'.repeat(190));
    expect(a.title).toBe(`${'A'.repeat(95)}${'B'.repeat(10)}${'A'.repeat(95)}`);
  });

  it('cuts back a record created over the socket with an over-long name, and a list line grown past its limit', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const sender = await openSyncedProvider(server.wsUrl, id);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => sender.on('connection-close', (event) => resolve(event)));
    // Bypass the schema the way a modified client would: write the Y types directly, in one update.
    sender.doc.transact(() => {
      const stage = new Y.Map<unknown>();
      sender.doc.getMap('stages').set('aware', stage);
      stage.set('order', keyBetween(null, null));
      stage.set('name', new Y.Text('n'.repeat(300)));
      const criteria = new Y.Array<Y.Text>();
      stage.set('entryCriteria', criteria);
      const criterion = new Y.Text();
      criteria.push([criterion]);
      criterion.insert(0, `fine${'c'.repeat(600)}`);
    });

    const event = await closed;
    expect(event.code).toBe(4022);
    expect(event.reason).toMatch(/stages\.aware\.(name|entryCriteria) is limited to \d+ characters \(and 1 more field\)/);
    const stored = await live(server, id);
    expect(stored.stages[0]?.name).toBe('n'.repeat(TEXT_LIMITS.name));
    expect(stored.stages[0]?.entryCriteria).toEqual([`fine${'c'.repeat(TEXT_LIMITS.line - 4)}`]);
  });
});

describe('plain-text limits on the REST API', () => {
  it('answers 400 naming the field when a title, a stage name or an asset URL is not acceptable', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();

    const title = await api<{ errors: { field: string }[] }>(server.url, 'PATCH', `/api/v1/playbooks/${id}`, { title: 'x'.repeat(201) });
    expect(title.status).toBe(400);
    expect(title.json.errors.map((e) => e.field)).toEqual(['title']);

    const stage = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/stages`, { item: { name: 'Aware' } });
    const name = await api<{ errors: { field: string; message: string }[] }>(
      server.url,
      'PATCH',
      `/api/v1/playbooks/${id}/stages/${stage.json.id}`,
      { name: 'n'.repeat(201), goal: 'g'.repeat(5_001) },
    );
    expect(name.status).toBe(400);
    expect(name.json.errors.map((e) => e.field).sort()).toEqual(['goal', 'name']);
    expect(name.json.errors[0]?.message).toMatch(/at most \d+ characters/);

    const asset = await api<{ errors: { field: string }[] }>(server.url, 'POST', `/api/v1/playbooks/${id}/content`, {
      item: { title: 'Guide', url: 'javascript:alert(1)' },
    });
    expect(asset.status).toBe(400);
    expect(asset.json.errors.map((e) => e.field)).toEqual(['url']);
    expect((await live(server, id)).content).toEqual([]);
  });
});

describe('texts stored over-long before the limits existed', () => {
  const run = promisify(execFile);
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/cli/bin/fullcourt.js');

  it('read clipped in JSON, exports, the file name and the CLI, and the validator reports them', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Old');
    // Written straight into the server's document, as a socket could before the limit existed.
    await server.services.collab.documents.use(id, async (document) => {
      document.doc.getText('title').insert(3, ` ${'very long title '.repeat(10_000)}`);
      await document.persistence.flush();
    });

    const json = await live(server, id);
    expect(json.title).toHaveLength(TEXT_LIMITS.name);
    expect(json.title.endsWith('…')).toBe(true);

    const findings = await api<{ items: Finding[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/findings?version=live`);
    expect(findings.json.items).toContainEqual(expect.objectContaining({ code: 'text-too-long', path: ['title'] }));

    const exported = await authedFetch(`${server.url}/api/v1/playbooks/${id}/export?format=md&version=live`);
    expect(exported.status).toBe(200);
    const disposition = exported.headers.get('content-disposition') ?? '';
    expect(disposition.length).toBeLessThan(200);
    expect(disposition).toMatch(/^inline; filename="Old-very-long-title-[\w-]*\.md"$/);
    expect((await exported.text()).split('\n')[0]).toHaveLength(2 + TEXT_LIMITS.name);

    const { token } = await createToken(server.url, { name: 'CLI', scopes: ['read:live'] });
    const { stdout } = await run(process.execPath, [bin, 'export', id, '--format', 'md', '--version', 'live', '--server', server.url], {
      env: { ...process.env, FULLCOURT_TOKEN: token },
    });
    expect(stdout.startsWith('# Old very long title')).toBe(true);
  });
});

describe('Markdown sent over the REST API', () => {
  it('is refused with 400 naming the field when it is shaped to make the parser super-linear', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const hostile = {
      'emphasis delimiters': '*a'.repeat(5_000),
      'table columns': `|${'a|'.repeat(2_000)}\n|${'-|'.repeat(2_000)}`,
      'nested quotes': `${'>'.repeat(5_000)} x`,
    };
    for (const [shape, markdown] of Object.entries(hostile)) {
      const res = await api<{ errors: { field: string; message: string }[] }>(server.url, 'POST', `/api/v1/playbooks/${id}/pages`, {
        item: { title: shape, body: { markdown } },
      });
      expect(res.status, shape).toBe(400);
      expect(res.json.errors[0]?.field).toBe('body.markdown');
      expect(res.json.errors[0]?.message).toMatch(/too complex to read/);
    }
    const fine = await api(server.url, 'POST', `/api/v1/playbooks/${id}/pages`, {
      item: { title: 'Glossary', body: { markdown: '## Terms\n\n- **MQL**: marketing qualified lead\n\n| a | b |\n| - | - |\n| 1 | 2 |' } },
    });
    expect(fine.status).toBe(201);
  });
});
