/**
 * A throwaway `redis-server` for tests: a free port of 127.0.0.1, nothing written to disk
 * (`--save '' --appendonly no`), killed when the test process exits.
 *
 *   if (redisAvailable()) { const redis = await startRedis(); … redis.url … await redis.close(); }
 *
 * Without the binary `redisAvailable()` is false and the suite skips; under CI=true it throws
 * instead, since CI installs Debian's `redis-server` (as the browser tests treat Chromium).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILLs it (everything it held is gone, as after a crash without persistence). */
  kill(): Promise<void>;
  /** SIGSTOPs it: connections stay open and nothing answers (a stalled Redis). */
  stop(): void;
  /** SIGCONTs it after `stop`. */
  cont(): void;
  /** Starts it again on the same port (after `kill`, or kills it first). */
  restart(): Promise<void>;
  /** Kills it for good (the end of a test). */
  close(): Promise<void>;
}

function findBinary(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether Redis tests can run here (skipped without the binary, an error under CI=true). */
export function redisAvailable(): boolean {
  const available = findBinary() !== undefined;
  if (!available && process.env.CI === 'true') {
    throw new Error('redis-server is missing from PATH; CI must install it (apt-get install -y redis-server).');
  }
  if (!available) console.warn('Skipping Redis tests: no redis-server on PATH (apt-get install -y redis-server).');
  return available;
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

/** Resolves once something answers PING on the port with PONG. */
async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startRedis(): Promise<RedisServer> {
  const bin = findBinary();
  if (!bin) throw new Error('redis-server not found (check redisAvailable() first)');
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const started = spawn(
      bin,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', '/tmp', '--loglevel', 'warning'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let log = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-2000);
    });
    child = started;
    running.add(started);
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (started.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const kill = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    current.kill('SIGCONT');
    current.kill('SIGKILL');
    await exited;
    running.delete(current);
    child = undefined;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    stop: () => child?.kill('SIGSTOP'),
    cont: () => child?.kill('SIGCONT'),
    async restart() {
      await kill();
      await launch();
    },
    close: kill,
  };
}
