import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ProcessStats, processStats } from './processStats';

/** A server under test in its own process: how to reach it, what it uses, and how to end it. */
export interface PeerProcess {
  pid: number;
  port: number;
  httpUrl: string;
  /** The V8 inspector's WebSocket URL when started with `inspect` (for the CPU profile). */
  inspectorUrl: string | undefined;
  stats(): ProcessStats;
  /** SIGKILL, as a crash or an OOM killer would: nothing gets to flush. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL if it has not exited within 10 s. */
  stop(): Promise<void>;
}

export interface PeerCommand {
  /** Arguments to this Node binary (script first, or flags then script). */
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Start with the inspector on a free loopback port, to attach the profiler later. */
  inspect?: boolean;
}

const startTimeoutMs = 30_000;

/** A port free right now on 127.0.0.1 (the servers here cannot all report the port they got from 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Spawns `node <args>` with PORT set and waits until it answers HTTP on that port. Every server
 * here answers something on `/` (a page, a 404, "okay"), which is all "ready" needs to mean.
 */
export async function spawnPeer(command: PeerCommand): Promise<PeerProcess> {
  const port = await freePort();
  const args = command.inspect ? ['--inspect=127.0.0.1:0', ...command.args] : command.args;
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: command.cwd,
    env: { ...process.env, ...command.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let stderr = '';
  let inspectorUrl: string | undefined;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    // Keep only the tail: a server under load may print warnings for minutes.
    stderr = (stderr + chunk).slice(-8_000);
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
  });
  const httpUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${args.join(' ')} exited before listening: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not listen within ${startTimeoutMs} ms: ${stderr}`);
    }
    const answered = await fetch(httpUrl, { signal: AbortSignal.timeout(1_000) }).then(
      async (res) => {
        await res.arrayBuffer();
        return true;
      },
      () => false,
    );
    if (answered && (!command.inspect || inspectorUrl)) break;
    await sleep(50);
  }
  const pid = child.pid as number;
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  return {
    pid,
    port,
    httpUrl,
    inspectorUrl,
    stats: () => processStats(pid),
    async kill9() {
      if (!ended()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!ended()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
