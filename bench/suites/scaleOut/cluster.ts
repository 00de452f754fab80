/**
 * The servers one scale-out configuration runs: one process on SQLite, or N processes on one
 * PostgreSQL database (with the Redis bus when N > 1), each a real server in its own process, so
 * their CPU can be read from /proc and summed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChildServer, startChildServer } from '../../../tests/integration/helpers/childServer';
import { unlimited } from '../collab/benchServer';
import { processStats } from '../peers/processStats';

export type ClusterSpec = { storage: 'sqlite' } | { storage: 'postgres'; databaseUrl: string; redisUrl?: string; processes: number };

export interface Cluster {
  label: string;
  servers: ChildServer[];
  /** User plus system CPU of every server process so far, in microseconds. */
  cpuMicros(): number;
  stop(): Promise<void>;
}

/** Every process signs sessions with the same secret, so a cookie from one is good on all. */
const sharedSecret = 'bench-shared-auth-secret-0123456789abcdef';

export async function startCluster(spec: ClusterSpec): Promise<Cluster> {
  const processes = spec.storage === 'sqlite' ? 1 : spec.processes;
  // info: the child-server helper learns the URL from the "listening" line.
  const env: Record<string, string> = { ...unlimited, LOG_LEVEL: 'info', AUTH_SECRET: sharedSecret };
  if (spec.storage === 'postgres') {
    env.DATABASE_URL = spec.databaseUrl;
    if (spec.redisUrl) env.REDIS_URL = spec.redisUrl;
  }
  // BENCH_CPU_PROF=<folder>: every server writes a V8 CPU profile there when it stops (to find where the CPU goes; it costs some).
  const profiling = process.env.BENCH_CPU_PROF ? [new URL('./cpuProfilePreload.ts', import.meta.url).href] : [];
  const dirs: string[] = [];
  const servers: ChildServer[] = [];
  try {
    // One at a time: the first creates the owner and migrates, the others find both done.
    for (let i = 0; i < processes; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'fullcourt-scale-'));
      dirs.push(dir);
      servers.push(await startChildServer(dir, env, undefined, { startTimeoutMs: 60_000, imports: profiling }));
    }
  } catch (error) {
    await stopAll(servers);
    throw error;
  }
  const label =
    spec.storage === 'sqlite'
      ? 'SQLite, 1 process'
      : `Postgres${spec.redisUrl ? ' + Redis' : ''}, ${processes} process${processes > 1 ? 'es' : ''}`;
  return {
    label,
    servers,
    cpuMicros: () => servers.reduce((sum, server) => sum + processStats(server.process.pid as number).cpuMicros, 0),
    async stop() {
      await stopAll(servers);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopAll(servers: ChildServer[]): Promise<void> {
  await Promise.all(
    servers.map(async (server) => {
      if (!server.alive()) return;
      server.process.kill('SIGTERM');
      await server.exited;
    }),
  );
}
