import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../apps/server/src/config';
import { createLogger } from '../../../apps/server/src/logger';
import { type RunningServer, startServer } from '../../../apps/server/src/server';
import { createPlaybook } from './api';
import { forgetCredentials, ownerEnv, signInOwner } from './auth';
import { databaseUrlFor } from './testStorage';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** The owner's session cookie (sent by default by api(), providers and raw sockets). */
  ownerCookie: string;
  /** Creates an empty playbook through the API and returns its id. */
  createPlaybook(title?: string): Promise<string>;
  /** Stops the server; the data directory is kept so a restart can read it. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

const running = new Set<TestServer>();

/**
 * Starts the real server in this process on an ephemeral port with a temporary DATA_DIR, with
 * an owner account (see ./auth) signed in: requests through the helpers run as that owner.
 * Under FULLCOURT_TEST_STORAGE=postgres it stores in a PostgreSQL database of its own, the same
 * one when restarted on the same `dataDir` (./testStorage.ts).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-test-')),
  options: { webDist?: string } = {},
): Promise<TestServer> {
  const databaseUrl = env.DATABASE_URL === undefined ? await databaseUrlFor(dataDir) : undefined;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...ownerEnv,
    ...env,
  });
  const server = await startServer(config, createLogger(config.logLevel), { webDist: options.webDist ?? '/nonexistent' });
  // With ALLOWED_HOSTS or PUBLIC_URL set, fetch (which cannot set Host, and signs in from the loopback
  // origin) may not get in: such tests go unsigned unless they sign in themselves.
  const signIn = config.owner ? signInOwner(server.url, dataDir) : Promise.resolve('');
  const ownerCookie = config.allowedHosts || config.publicUrl ? await signIn.catch(() => '') : await signIn;
  const test: TestServer = {
    ...server,
    dataDir,
    ownerCookie,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    createPlaybook: (title = 'Test playbook') => createPlaybook(server.url, title, 'empty'),
    async stop() {
      running.delete(test);
      forgetCredentials(server.url);
      await server.close();
    },
    async close() {
      await test.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(test);
  return test;
}

/** Stops every server a test left running (call from afterEach). */
export async function closeAllTestServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.close()));
}
