import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../apps/server/src/config';
import { createLogger } from '../../../apps/server/src/logger';
import { type RunningServer, startServer } from '../../../apps/server/src/server';
import { createPlaybook } from './api';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Creates an empty playbook through the API and returns its id. */
  createPlaybook(title?: string): Promise<string>;
  /** Stops the server; the data directory is kept so a restart can read it. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
}

const running = new Set<TestServer>();

/** Starts the real server in this process on an ephemeral port with a temporary DATA_DIR. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-test-')),
  options: { webDist?: string } = {},
): Promise<TestServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const server = await startServer(config, createLogger(config.logLevel), { webDist: options.webDist ?? '/nonexistent' });
  const test: TestServer = {
    ...server,
    dataDir,
    wsUrl: `ws://127.0.0.1:${server.port}/collab`,
    createPlaybook: (title = 'Test playbook') => createPlaybook(server.url, title, 'empty'),
    async stop() {
      running.delete(test);
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
