import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { type ChildServer, startChildServer } from './helpers/childServer';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';

const children: ChildServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  destroyAllProviders();
  for (const child of children.splice(0)) {
    child.process.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-datadir-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, as?: { uid: number; gid: number }): Promise<ChildServer> {
  const child = await startChildServer(dataDir, {}, as);
  children.push(child);
  return child;
}

const nobody = { uid: 65534, gid: 65534 };
const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

describe('the data folder', () => {
  it('belongs to one server: a second refuses to start naming the first, and starts once the first is killed with -9', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const id = await createPlaybook(first.url, 'Shared folder', 'empty');

    await expect(start(dataDir)).rejects.toThrow(
      new RegExp(`already using DATA_DIR ${dataDir}: process ${first.process.pid} on .+, started `),
    );

    // kill -9 leaves no stale lock: the kernel drops it with the process.
    first.process.kill('SIGKILL');
    await first.exited;
    const third = await start(dataDir);
    expect((await api(third.url, 'GET', `/api/v1/playbooks/${id}?version=live`)).status).toBe(200);
  }, 60_000);

  it('refuses to start on a folder it cannot write, saying what to do', async () => {
    // A folder with a real database, owned by root and read-only for the user the server runs as.
    const dataDir = tempDir();
    const seeded = await start(dataDir);
    await createPlaybook(seeded.url, 'Read-only', 'empty');
    seeded.process.kill('SIGTERM');
    expect(await seeded.exited).toBe(0);
    chmodSync(dataDir, 0o755);

    await expect(start(dataDir, nobody)).rejects.toThrow(
      /exited with 1 before listening.*Cannot start: .*DATA_DIR.*read-only.*Make it writable/s,
    );

    // The folder writable but the database file not: SQLite would open it read-only and the server
    // would start, then fail every edit. The boot's write transaction on the database refuses instead.
    for (const entry of readdirSync(dataDir)) if (entry !== 'fullcourt.sqlite') chownSync(join(dataDir, entry), nobody.uid, nobody.gid);
    chownSync(dataDir, nobody.uid, nobody.gid);
    await expect(start(dataDir, nobody)).rejects.toThrow(
      /exited with 1 before listening.*Cannot start: SQLITE_READONLY.*read-only.*Make it writable/s,
    );
  }, 60_000);

  // RLIMIT_FSIZE applies to root too: with it at zero every write to a file fails (EFBIG), as on a dying disk.
  it.skipIf(!hasPrlimit)(
    'exits non-zero when its final flush fails on shutdown',
    async () => {
      const server = await start(tempDir());
      const id = await createPlaybook(server.url, 'Doomed', 'empty');
      const writer = await openSyncedProvider(server.wsUrl, id);
      execFileSync('prlimit', ['--pid', String(server.process.pid), '--fsize=0:unlimited']);
      writer.doc.getText('notes').insert(0, 'cannot be stored');
      await eventually(() => server.logs.some((l) => l.msg === 'storing updates failed; keeping them in memory and retrying'), 10_000);
      destroyAllProviders();

      server.process.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      expect(server.logs.some((l) => l.msg === 'final flush failed; unstored edits are lost')).toBe(true);
    },
    60_000,
  );
});
