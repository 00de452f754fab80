import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../../apps/server/src/config';
import { createLogger } from '../../../apps/server/src/logger';
import { startServer } from '../../../apps/server/src/server';

/** The production build of the web app that the browser tests load (built once by globalSetup). */
export const WEB_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../apps/web/dist');

export interface E2eServer {
  url: string;
  /** Creates a playbook through the API and returns its id. */
  createPlaybook(title: string, template?: 'empty' | 'starter'): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real server in this process on an ephemeral port, serving the built web app, with a
 * temporary data directory removed on close. (tests/integration's helper serves no web app.)
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-e2e-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const server = await startServer(config, createLogger(config.logLevel), { webDist: WEB_DIST });
  return {
    url: server.url,
    async createPlaybook(title, template) {
      const res = await fetch(`${server.url}/api/playbooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(template ? { title, template } : { title }),
      });
      if (res.status !== 201) throw new Error(`creating a playbook answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
