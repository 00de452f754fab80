/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `postgres` on a free
 * port of 127.0.0.1 with its socket inside that folder, trust authentication, and durability off
 * (fsync, synchronous_commit, full_page_writes: tests kill processes, not the machine).
 *
 *   if (postgresAvailable()) { const pg = await startPostgres(); const url = await pg.createDatabase(); … await pg.stop(); }
 *
 * The binaries come from the newest /usr/lib/postgresql/<version>/bin (Debian's `postgresql`
 * package), else from PATH. Without them `postgresAvailable()` is false, so the suite skips, and
 * under CI=true it throws instead: CI installs them, so their absence is a broken setup. As root
 * (initdb and postgres refuse root) the cluster runs as the `postgres` user. A cluster still
 * running when the test process exits is killed and its folder deleted.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PostgresCluster {
  /** The cluster's `postgres` database as the `postgres` superuser: `postgres://postgres@127.0.0.1:<port>/postgres`. */
  url: string;
  port: number;
  /** Creates an empty database and resolves to its URL (one per server or test keeps them apart). */
  createDatabase(): Promise<string>;
  /** Shuts the cluster down (fast shutdown) and deletes its folder. */
  stop(): Promise<void>;
  /** Shuts down and starts again on the same port and data (a database restart under a running server). */
  restart(): Promise<void>;
  /** SIGKILLs the postmaster (a crash; `restart()` brings it back, recovering from its WAL). */
  kill(): Promise<void>;
}

/** The folder with initdb and postgres, or undefined. */
function findBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  return (process.env.PATH ?? '')
    .split(delimiter)
    .find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
}

/**
 * Whether PostgreSQL tests can run here. Skipped with a message without the binaries, but under
 * CI=true their absence throws (see the top of this file).
 */
export function postgresAvailable(): boolean {
  const available = findBinaries() !== undefined;
  if (!available && process.env.CI === 'true') {
    throw new Error(
      'PostgreSQL is missing (no initdb in /usr/lib/postgresql/*/bin or on PATH); CI must install it (apt-get install -y postgresql).',
    );
  }
  if (!available)
    console.warn('Skipping PostgreSQL tests: no initdb in /usr/lib/postgresql/*/bin or on PATH (apt-get install -y postgresql).');
  return available;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary as the `postgres` user when we are root (it refuses root), else as ourselves. */
function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const running = new Set<() => void>();
process.once('exit', () => {
  for (const cleanUp of running) cleanUp();
});

/** Starts a throwaway cluster (see the top of this file); resolves once it accepts connections. */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = findBinaries();
  if (!bin) throw new Error('PostgreSQL binaries not found (check postgresAvailable() first)');
  const folder = mkdtempSync(join(tmpdir(), 'fullcourt-pg-'));
  const data = join(folder, 'data');
  const sockets = join(folder, 'sockets');
  mkdirSync(sockets);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
    chownSync(sockets, uid, gid);
  }
  execFileSync(...command(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']), {
    stdio: 'pipe',
  });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let postmaster: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const pidOfPostmaster = (): number | undefined => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  };
  const launch = async () => {
    const [file, args] = command(join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      sockets,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=32MB',
    ]);
    const child = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    postmaster = child;
    exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        return;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline) throw new Error(`postgres did not start on port ${port}:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const signal = (name: NodeJS.Signals) => {
    const pid = pidOfPostmaster();
    if (pid) {
      try {
        process.kill(pid, name);
      } catch {
        // already gone
      }
    }
  };
  const halt = async (name: NodeJS.Signals) => {
    if (!postmaster || postmaster.exitCode !== null) return;
    signal(name);
    await exited;
    postmaster = undefined;
  };
  const cleanUp = () => {
    signal('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  };
  running.add(cleanUp);
  await launch();

  let databases = 0;
  return {
    url,
    port,
    async createDatabase() {
      const name = `fc_${process.pid}_${++databases}_${Math.random().toString(36).slice(2, 8)}`;
      await createDatabaseAt(url, name);
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      running.delete(cleanUp);
      await halt('SIGINT'); // fast shutdown: ends sessions, checkpoints
      rmSync(folder, { recursive: true, force: true });
    },
    async restart() {
      await halt('SIGINT');
      await launch();
    },
    async kill() {
      await halt('SIGKILL');
      // Its backends notice the postmaster died and exit; a restart waits for their shared memory.
      rmSync(join(data, 'postmaster.pid'), { force: true });
    },
  };
}

/**
 * Creates database `name` (default: a fresh unique one) on the cluster at `adminUrl` and resolves
 * to its URL: what a test process uses with a cluster another process (a globalSetup) started.
 */
export async function createDatabaseAt(
  adminUrl: string,
  name = `fc_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`,
): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
