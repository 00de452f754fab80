import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyJSON, starterTemplate, toJSON } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../apps/server/src/db/sqlite/database';
import { api } from './helpers/api';
import { until } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { allowLoopbackReceivers, closeReceivers, startReceiver } from './helpers/webhookReceiver';

const drizzleDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-migrations-'));
  mkdirSync(join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(join(drizzleDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(join(drizzleDir, `${tag}.sql`), join(dir, `${tag}.sql`));
  return dir;
}

afterEach(async () => {
  await closeAllTestServers();
  await closeReceivers();
});

describe('database migrations', () => {
  it('upgrades a database with published versions from before version compression, keeping them readable and restorable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-upgrade-'));
    const doc = new Y.Doc();
    applyJSON(doc, { ...starterTemplate(), id: 'old-playbook', title: 'From last release' });
    const json = JSON.stringify(toJSON(doc));
    const { sqlite } = openDatabase(dataDir, 'NORMAL', migrationsUpTo(2));
    const now = Date.now();
    sqlite
      .prepare('insert into playbooks (id, title, created_at, updated_at) values (?, ?, ?, ?)')
      .run('old-playbook', 'From last release', now, now);
    sqlite
      .prepare(
        'insert into playbook_versions (id, playbook_id, number, kind, label, note, state, json, author_id, author_name, created_at) values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run('v1', 'old-playbook', 'named', 'Launch', '', Buffer.from(Y.encodeStateAsUpdate(doc)), json, 'anonymous', 'Maya', now);
    sqlite
      .prepare('insert into publications (playbook_id, version_id, published_at, published_by) values (?, ?, ?, ?)')
      .run('old-playbook', 'v1', now, 'Maya');
    sqlite.close();

    const server = await startTestServer({}, dataDir);
    const published = await api<{ title: string }>(server.url, 'GET', '/api/v1/playbooks/old-playbook');
    expect(published.status).toBe(200);
    expect(published.json.title).toBe('From last release');
    const restored = await api(server.url, 'POST', '/api/v1/playbooks/old-playbook/versions/1/restore');
    expect(restored.status).toBe(200);
    const live = await api<{ title: string; stages: unknown[] }>(server.url, 'GET', '/api/playbooks/old-playbook');
    expect(live.json.title).toBe('From last release');
    expect(live.json.stages.length).toBeGreaterThanOrEqual(5);
    const versions = await api<{ items: { number: number; stateBytes: number }[] }>(
      server.url,
      'GET',
      '/api/v1/playbooks/old-playbook/versions',
    );
    expect(versions.json.items.map((v) => v.number)).toEqual([2, 1]);
  });

  it('upgrades a database with webhook deliveries queued before payloads were shared, and still sends them as queued', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-upgrade-'));
    const receiver = await startReceiver([204]);
    const { sqlite } = openDatabase(dataDir, 'NORMAL', migrationsUpTo(3));
    const now = Date.now();
    sqlite.prepare('insert into playbooks (id, title, created_at, updated_at) values (?, ?, ?, ?)').run('old-playbook', 'Old', now, now);
    sqlite
      .prepare('insert into webhooks (id, playbook_id, url, secret, events, active, created_at) values (?, ?, ?, ?, ?, 1, ?)')
      .run('old-hook', 'old-playbook', receiver.url, 'whsec_old', '["version.published"]', now);
    sqlite
      .prepare(
        'insert into webhook_deliveries (id, webhook_id, event, payload, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 0, ?, ?)',
      )
      .run('old-delivery', 'old-hook', 'version.published', '{"id":"old-delivery","webhookId":"old-hook"}', 'pending', now, now);
    sqlite.close();

    const server = await startTestServer(allowLoopbackReceivers, dataDir);
    await until(
      async () => receiver.received.length,
      (n) => n === 1,
      10_000,
      'the queued delivery',
    );
    expect(receiver.received[0]?.body).toBe('{"id":"old-delivery","webhookId":"old-hook"}');
    expect(receiver.received[0]?.headers['fullcourt-delivery']).toBe('old-delivery');
    const log = await until(
      () =>
        api<{ items: { status: string; eventId: string }[] }>(
          server.url,
          'GET',
          '/api/v1/playbooks/old-playbook/webhooks/old-hook/deliveries',
        ),
      (r) => r.json.items[0]?.status === 'delivered',
      5_000,
      'the delivery to be logged',
    );
    expect(log.json.items[0]?.eventId).toBe('old-delivery');
  });
});
