import { type Playbook, PlaybookDoc } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import { anonymous } from './helpers/auth';
import { type EventStream, openEventStream } from './helpers/eventStream';
import { addPerson, createToken, share } from './helpers/people';
import { destroyAllProviders, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer, type TestServer } from './helpers/testServer';

const streams: EventStream[] = [];

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  destroyAllProviders();
  await closeAllTestServers();
});

async function follow(server: TestServer, playbookId: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const stream = await openEventStream(`${server.url}/api/playbooks/${playbookId}/events`, headers);
  streams.push(stream);
  return stream;
}

const playbookOf = (event: { data: string }) => JSON.parse(event.data) as Playbook;

describe('the reader page’s live stream of a playbook', () => {
  it('sends the playbook on opening and each stored edit after, without being asked again', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Before');
    const reader = await follow(server, id);
    expect(reader.status).toBe(200);
    expect(playbookOf(await reader.next('playbook')).title).toBe('Before');

    const editor = await openSyncedProvider(server.wsUrl, id);
    new PlaybookDoc(editor.doc).setTitle('After');
    expect(playbookOf(await reader.next('playbook', 3_000)).title).toBe('After');
    // One request, held open: the reader never asked again.
    expect(reader.events.filter((e) => e.event === 'playbook')).toHaveLength(2);
  });

  it('sends nothing new while nobody edits, and one copy per burst of edits rather than one per edit', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Quiet');
    const reader = await follow(server, id);
    await reader.next('playbook');
    await new Promise((r) => setTimeout(r, 600));
    expect(reader.events).toHaveLength(1);

    const editor = await openSyncedProvider(server.wsUrl, id);
    const playbook = new PlaybookDoc(editor.doc);
    // Typed over a second or so, as a person would, not all in one network packet.
    for (let i = 1; i <= 60; i++) {
      playbook.setTitle(`Typing ${i}`);
      await new Promise((r) => setTimeout(r, 15));
    }
    for (;;) if (playbookOf(await reader.next('playbook', 3_000)).title === 'Typing 60') break;
    const copies = reader.events.length - 1;
    expect(copies).toBeGreaterThanOrEqual(1);
    // A copy per edit would be 60; a few per second of typing is what the readers need.
    expect(copies).toBeLessThan(30);
  });

  it('spaces the copies of a big playbook further apart, so a reader is sent at most about 256 KB a second', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Big');
    const editor = await openSyncedProvider(server.wsUrl, id);
    const playbook = new PlaybookDoc(editor.doc);
    // About 600 KB of JSON: 120 stages with a full goal each.
    playbook.transact(() => {
      for (let i = 0; i < 120; i++) playbook.stages.add({ name: `Stage ${i}`, goal: `${i} `.padEnd(5_000, 'x') });
    });
    const reader = await follow(server, id);
    for (;;) if (playbookOf(await reader.next('playbook', 5_000)).stages.length === 120) break;
    const before = reader.events.length;
    const started = performance.now();
    for (let i = 1; i <= 40; i++) {
      playbook.setTitle(`Typing ${i}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    for (;;) if (playbookOf(await reader.next('playbook', 10_000)).title === 'Typing 40') break;
    const seconds = (performance.now() - started) / 1000;
    const copies = reader.events.length - before;
    const bytes = reader.events.slice(before).reduce((sum, e) => sum + e.data.length, 0);
    // At the small playbook's pace (one copy per 250 ms) this would be about 8 copies in 2 s.
    expect(copies).toBeLessThanOrEqual(Math.ceil(seconds / 2.2) + 1);
    expect(bytes / seconds).toBeLessThan(400 * 1024);
  });

  it('gives every reader of a playbook the same copy', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Shared');
    const readers = await Promise.all([1, 2, 3].map(() => follow(server, id)));
    const editor = await openSyncedProvider(server.wsUrl, id);
    new PlaybookDoc(editor.doc).setTitle('Seen by all');
    const copies = await Promise.all(
      readers.map(async (reader) => {
        for (;;) {
          const event = await reader.next('playbook', 3_000);
          if (playbookOf(event).title === 'Seen by all') return event.data;
        }
      }),
    );
    expect(new Set(copies).size).toBe(1);
  });

  it('lets viewers and read:live tokens follow, and refuses anonymous (401), hidden (404) and published-only tokens (403)', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Private');
    const vic = await addPerson(server.url, { name: 'Vic' });
    const outsider = await addPerson(server.url);
    await share(server.url, id, 'none', [{ subjectKind: 'user', subjectId: vic.id, role: 'viewer' }]);
    const published = await createToken(server.url, { scopes: ['read'] });
    const live = await createToken(server.url, { scopes: ['read:live'] });

    expect((await follow(server, id, anonymous)).status).toBe(401);
    expect((await follow(server, id, outsider.headers)).status).toBe(404);
    expect((await follow(server, id, published.headers)).status).toBe(403);
    const refused = await follow(server, id, outsider.headers);
    await refused.ended;
    expect(refused.events).toEqual([]);

    const viewer = await follow(server, id, vic.headers);
    expect(viewer.status).toBe(200);
    expect(playbookOf(await viewer.next('playbook')).title).toBe('Private');
    expect(playbookOf(await (await follow(server, id, live.headers)).next('playbook')).title).toBe('Private');
  });

  it('ends a viewer’s stream, saying why, once their access is removed', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Shared for now');
    const vic = await addPerson(server.url, { name: 'Vic' });
    await share(server.url, id, 'none', [{ subjectKind: 'user', subjectId: vic.id, role: 'viewer' }]);
    const viewer = await follow(server, id, vic.headers);
    await viewer.next('playbook');

    await share(server.url, id, 'none');
    expect(JSON.parse((await viewer.next('denied', 3_000)).data)).toMatchObject({ reason: expect.stringMatching(/no longer have access/) });
    await viewer.ended;
    expect((await follow(server, id, vic.headers)).status).toBe(404);
  });

  it('keeps the playbook loaded while a reader follows it, and lets it unload once the last one leaves', async () => {
    const server = await startTestServer({ UNLOAD_DELAY_MS: '50' });
    const id = await server.createPlaybook('Followed');
    const reader = await follow(server, id);
    await reader.next('playbook');
    await new Promise((r) => setTimeout(r, 200));
    expect(server.services.collab.documents.peek(id)).toBeDefined();
    reader.close();
    await reader.ended;
    const deadline = Date.now() + 3_000;
    while (server.services.collab.documents.peek(id) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(server.services.collab.documents.peek(id)).toBeUndefined();
  });
});
