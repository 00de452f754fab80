/**
 * Several real server processes on one PostgreSQL database and one Redis, as behind a load
 * balancer: each a child process (./childServer) with a data folder of its own. The owner is
 * created by the first; the others share its account, sessions and signing secret through the
 * database, so one cookie works on every process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebsocketProvider } from 'y-websocket';
import { type ChildServer, startChildServer } from './childServer';
import { type PostgresCluster, postgresAvailable, startPostgres } from './postgres';
import { type RedisServer, redisAvailable, startRedis } from './redis';

export interface ScaleOut {
  pg: PostgresCluster;
  redis: RedisServer;
  databaseUrl: string;
  /** The processes, by index (a killed one stays until `restart(i)` replaces it). */
  servers: ChildServer[];
  /** SIGKILLs process `i` and waits for it to be gone. */
  kill(i: number): Promise<void>;
  /** Starts process `i` again on its data folder and the shared database. */
  restart(i: number): Promise<ChildServer>;
  close(): Promise<void>;
}

/** Whether the scale-out suites can run here (PostgreSQL and Redis binaries; under CI=true their absence throws). */
export function scaleOutAvailable(): boolean {
  return postgresAvailable() && redisAvailable();
}

/** Starts PostgreSQL, Redis and `count` server processes on them with `env` (on top of what the helpers set). */
export async function startScaleOut(count: number, env: Record<string, string> = {}): Promise<ScaleOut> {
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = await pg.createDatabase();
  const dataDirs = Array.from({ length: count }, () => mkdtempSync(join(tmpdir(), 'fullcourt-scale-')));
  const settings = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, LOG_LEVEL: 'info', ...env };
  const start = (i: number) => startChildServer(dataDirs[i] as string, settings, undefined, { startTimeoutMs: 60_000 });
  const servers: ChildServer[] = [];
  try {
    // The first creates the owner and migrates; the others then start side by side.
    servers.push(await start(0));
    servers.push(...(await Promise.all(dataDirs.slice(1).map((_, i) => start(i + 1)))));
  } catch (error) {
    for (const server of servers) server.process.kill('SIGKILL');
    await Promise.allSettled([pg.stop(), redis.close()]);
    throw error;
  }
  const kill = async (i: number) => {
    const server = servers[i] as ChildServer;
    if (!server.alive()) return;
    server.process.kill('SIGKILL');
    await server.exited;
  };
  return {
    pg,
    redis,
    databaseUrl,
    servers,
    kill,
    async restart(i) {
      await kill(i);
      servers[i] = await start(i);
      return servers[i];
    },
    async close() {
      await Promise.all(
        servers.map(async (server) => {
          if (!server.alive()) return;
          server.process.kill('SIGTERM');
          const timer = setTimeout(() => server.process.kill('SIGKILL'), 10_000);
          await server.exited;
          clearTimeout(timer);
        }),
      );
      await Promise.allSettled([pg.stop(), redis.close()]);
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points a provider at another process: its next reconnection goes there (as a load balancer would send it). */
export function moveProvider(provider: WebsocketProvider, wsUrl: string): void {
  (provider as unknown as { serverUrl: string }).serverUrl = wsUrl;
}
