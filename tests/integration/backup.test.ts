import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { api } from './helpers/api';
import { createToken } from './helpers/people';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

const run = promisify(execFile);
const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/cli/bin/fullcourt.js');
const cli = (env: Record<string, string>, ...args: string[]) => run(process.execPath, [bin, ...args], { env: { ...process.env, ...env } });
/** Runs the CLI expecting it to fail; returns its exit code and what it printed on stderr. */
const cliFails = (env: Record<string, string>, ...args: string[]) =>
  cli(env, ...args).then(
    (done) => ({ code: 0, stderr: done.stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `fullcourt-${name}-`));

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

/** Whether `doc` holds every update that the state vector `seen` describes. */
function holdsEverything(doc: Y.Doc, seen: Uint8Array): boolean {
  const has = Y.decodeStateVector(Y.encodeStateVector(doc));
  return [...Y.decodeStateVector(seen)].every(([client, clock]) => (has.get(client) ?? 0) >= clock);
}

describe('backups of the embedded database', () => {
  it('backs up while people type and restores into a fresh data folder with every edit stored before the backup began', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Burst');
    const { token } = await createToken(server.url, { name: 'Nightly backup', scopes: ['backup'] });
    const writer = await openSyncedProvider(server.wsUrl, id);
    const watcher = await openSyncedProvider(server.wsUrl, id);
    const notes = writer.doc.getText('notes');
    let typed = 0;
    // A burst of small edits, appended, as a person types: they keep coming while the backup runs.
    const burst = setInterval(() => {
      for (let i = 0; i < 5; i++) notes.insert(notes.length, `w${typed++} `);
    }, 2);
    try {
      await eventually(() => watcher.doc.getText('notes').length > 2_000, 10_000, 'the burst to reach the watcher');
      // An edit the watcher has received was stored first (stored, then broadcast): all of these must be in the backup.
      const seenBefore = Y.encodeStateVector(watcher.doc);
      const textBefore = watcher.doc.getText('notes').toString();
      const out = join(tempDir('backup'), 'nightly.sqlite');
      const backedUp = await cli({ FULLCOURT_TOKEN: token }, 'admin', 'backup', '--out', out, '--server', server.url);
      expect(backedUp.stdout).toContain(`Wrote the backup to ${out}`);
      // The edits did go on while the backup was taken.
      expect(watcher.doc.getText('notes').length).toBeGreaterThan(textBefore.length);

      const fresh = tempDir('restored');
      const restored = await cli({}, 'admin', 'restore', '--from', out, '--data-dir', fresh);
      expect(restored.stdout).toContain(`as ${join(fresh, 'fullcourt.sqlite')}`);
      expect(restored.stdout).not.toContain('kept as');

      clearInterval(burst);
      const again = await startTestServer({}, fresh);
      const reader = await openSyncedProvider(again.wsUrl, id);
      expect(holdsEverything(reader.doc, seenBefore)).toBe(true);
      expect(reader.doc.getText('notes').toString().startsWith(textBefore)).toBe(true);
      // The accounts came along: the owner signed in on the restored server, and the token still works.
      const listed = await api<{ items: { title: string }[] }>(again.url, 'GET', '/api/v1/playbooks?version=live');
      expect(listed.json.items.map((p) => p.title)).toContain('Burst');
      expect((await api(again.url, 'GET', '/api/v1/playbooks', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      clearInterval(burst);
    }
  }, 60_000);

  it('sends the database file to the owner and refuses a token without the backup scope (the policy table checks every other caller)', async () => {
    const server = await startTestServer();
    const copies = () => readdirSync(tmpdir()).filter((f) => f.startsWith('fullcourt-backup-')).length;
    const copiesBefore = copies();
    const { token: readToken } = await createToken(server.url, { scopes: ['read', 'read:live', 'write', 'publish', 'webhooks'] });
    const refused = await cliFails(
      { FULLCOURT_TOKEN: readToken },
      'admin',
      'backup',
      '--out',
      join(tempDir('no'), 'x.sqlite'),
      '--server',
      server.url,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/backup/);
    const asOwner = await fetch(`${server.url}/api/v1/admin/backup`, { method: 'POST', headers: { cookie: server.ownerCookie } });
    expect(asOwner.status).toBe(200);
    expect(asOwner.headers.get('content-type')).toBe('application/vnd.sqlite3');
    expect(asOwner.headers.get('content-disposition')).toMatch(/^attachment; filename="fullcourt-.*\.sqlite"$/);
    expect(
      Buffer.from(await asOwner.arrayBuffer())
        .subarray(0, 16)
        .toString(),
    ).toBe('SQLite format 3\u0000');
    // The temporary copy is gone once sent.
    await eventually(() => copies() === copiesBefore, 2_000, 'the temporary copy to be removed');
  });

  it('answers a clear problem where the storage has its own backup tools (PostgreSQL: pg_dump)', async () => {
    const server = await startTestServer();
    // A storage without an online backup, as the PostgreSQL one is.
    delete (server.services.storage as { backup?: unknown }).backup;
    const res = await api<{ type: string; detail: string }>(server.url, 'POST', '/api/v1/admin/backup');
    expect(res.status).toBe(409);
    expect(res.json.type).toBe('/problems/backup-not-supported');
    expect(res.json.detail).toContain('pg_dump');
  });

  it('refuses to restore while a server holds the data folder, and leaves it as it was', async () => {
    const server = await startTestServer();
    await server.createPlaybook('Still here');
    const out = join(tempDir('backup'), 'b.sqlite');
    writeFileSync(
      out,
      Buffer.from(
        await (await fetch(`${server.url}/api/v1/admin/backup`, { method: 'POST', headers: { cookie: server.ownerCookie } })).arrayBuffer(),
      ),
    );
    const before = readdirSync(server.dataDir).sort();
    const refused = await cliFails({}, 'admin', 'restore', '--from', out, '--data-dir', server.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Nothing was restored: Another Fullcourt server is already using DATA_DIR/);
    expect(readdirSync(server.dataDir).sort()).toEqual(before);
    expect((await api(server.url, 'GET', '/api/v1/playbooks?version=live')).status).toBe(200);
  });

  it('refuses a file that is not a Fullcourt database, or a damaged one, and replaces nothing', async () => {
    const dataDir = tempDir('target');
    const first = await startTestServer({}, dataDir);
    await first.createPlaybook('Original');
    await first.stop();
    const original = readFileSync(join(dataDir, 'fullcourt.sqlite'));
    const folder = tempDir('bad');

    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database at all, just some words that go on for a while '.repeat(100));
    const other = join(folder, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    db.close();
    const damaged = join(folder, 'damaged.sqlite');
    const copy = Buffer.from(original);
    // Scribble over the middle of the file: the header still says SQLite, the pages do not hold together.
    copy.fill(0x5a, 4096 + 100, Math.min(copy.length, 4096 * 6));
    writeFileSync(damaged, copy);

    const newer = join(folder, 'newer.sqlite');
    writeFileSync(newer, original);
    const future = new Database(newer);
    future
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-a-later-release', Date.now() + 365 * 86_400_000);
    future.close();

    for (const [file, why] of [
      [text, /cannot be opened|not a readable SQLite database|not a database/],
      [other, /not a Fullcourt database/],
      [damaged, /damaged|not a readable/],
      [newer, /newer version of Fullcourt/],
      [join(folder, 'missing.sqlite'), /No file/],
    ] as const) {
      const refused = await cliFails({}, 'admin', 'restore', '--from', file, '--data-dir', dataDir);
      expect(refused.code, file).toBe(1);
      expect(refused.stderr, file).toMatch(why);
      expect(readFileSync(join(dataDir, 'fullcourt.sqlite')).equals(original), file).toBe(true);
      expect(
        readdirSync(dataDir).filter((f) => f.includes('restor')),
        file,
      ).toEqual([]);
    }
  }, 120_000);

  it('keeps the database it replaces beside the restored one', async () => {
    const source = await startTestServer();
    await source.createPlaybook('From the backup');
    const out = join(tempDir('backup'), 'b.sqlite');
    writeFileSync(
      out,
      Buffer.from(
        await (await fetch(`${source.url}/api/v1/admin/backup`, { method: 'POST', headers: { cookie: source.ownerCookie } })).arrayBuffer(),
      ),
    );

    const dataDir = tempDir('target');
    const target = await startTestServer({}, dataDir);
    await target.createPlaybook('Replaced');
    await target.stop();
    const restored = await cli({}, 'admin', 'restore', '--from', out, '--data-dir', dataDir);
    const keptAside = /kept as (\S+)\.$/m.exec(restored.stdout)?.[1];
    expect(keptAside && existsSync(keptAside)).toBe(true);

    const titles = (dir: string, file: string) => {
      const db = new Database(join(dir, file), { readonly: true });
      try {
        return (db.prepare('SELECT title FROM playbooks').all() as { title: string }[]).map((r) => r.title);
      } finally {
        db.close();
      }
    };
    expect(titles(dataDir, 'fullcourt.sqlite')).toContain('From the backup');
    expect(titles(dataDir, 'fullcourt.sqlite')).not.toContain('Replaced');
    expect(titles(dirname(keptAside as string), (keptAside as string).slice(dataDir.length + 1))).toContain('Replaced');
  }, 60_000);
});
