import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../../apps/server/src/config';
import { createLogger } from '../../../apps/server/src/logger';
import { startServer } from '../../../apps/server/src/server';
import { ownerEnv, signIn } from '../../integration/helpers/auth';
import { openPerson, type Person } from './browser';

/** The production build of the web app that the browser tests load (built once by globalSetup). */
export const WEB_DIST = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../apps/web/dist');

export type WorkspaceRole = 'owner' | 'admin' | 'member' | 'viewer';

export interface E2eServer {
  url: string;
  /** The first-run setup link, when the server was started without an owner. */
  setupUrl: string | undefined;
  /** The owner's session cookie (Cookie header value). */
  ownerCookie: string;
  /** Calls the API as the owner (or with `init.headers`' credentials). */
  api(path: string, init?: RequestInit & { headers?: Record<string, string> }): Promise<Response>;
  /** Creates a playbook through the API and returns its id. */
  createPlaybook(title: string, template?: 'empty' | 'starter'): Promise<string>;
  /** Creates an account for someone, signs them in in a browser context of their own, and remembers their name and colour there. */
  openPerson(
    browser: Browser,
    identity: { name: string; color: string } | null,
    options?: { role?: WorkspaceRole; viewport?: { width: number; height: number } },
  ): Promise<Person & { userId: string; cookie: string }>;
  close(): Promise<void>;
}

let people = 0;

/**
 * The real server in this process on an ephemeral port, serving the built web app, with a
 * temporary data directory removed on close and an owner account signed in. (tests/integration's
 * helper serves no web app.)
 */
export async function startE2eServer(env: Record<string, string> = {}, options: { webDist?: string } = {}): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-e2e-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...ownerEnv,
    ...env,
  });
  const server = await startServer(config, createLogger(config.logLevel), { webDist: options.webDist ?? WEB_DIST });
  const ownerCookie = config.owner ? await signIn(server.url, config.owner.email, config.owner.password) : '';
  const api: E2eServer['api'] = (path, init = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', cookie: ownerCookie, ...(init.headers ?? {}) },
    });
  return {
    url: server.url,
    setupUrl: server.setupUrl,
    ownerCookie,
    api,
    async createPlaybook(title, template) {
      const res = await api('/api/playbooks', { method: 'POST', body: JSON.stringify(template ? { title, template } : { title }) });
      if (res.status !== 201) throw new Error(`creating a playbook answered ${res.status}: ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async openPerson(browser, identity, options = {}) {
      people += 1;
      const name = identity?.name ?? `Newcomer ${people}`;
      const email = `person-${people}@fullcourt.test`;
      const password = `password-${people}-long`;
      const created = await api('/api/v1/users', {
        method: 'POST',
        body: JSON.stringify({ email, name, password, role: options.role ?? 'member' }),
      });
      if (created.status !== 201) throw new Error(`creating ${email} answered ${created.status}: ${await created.text()}`);
      const userId = ((await created.json()) as { id: string }).id;
      const cookie = await signIn(server.url, email, password);
      if (identity) await api('/api/v1/me', { method: 'PATCH', headers: { cookie }, body: JSON.stringify({ color: identity.color }) });
      const person = await openPerson(browser, identity, options.viewport);
      const [cookieName, ...value] = cookie.split('=');
      await person.context.addCookies([
        {
          name: cookieName as string,
          value: value.join('='),
          domain: '127.0.0.1',
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
          secure: false,
        },
      ]);
      return Object.assign(person, { userId, cookie });
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
