import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../apps/server/src/config';
import { createLogger } from '../../apps/server/src/logger';
import { startServer } from '../../apps/server/src/server';
import { api, authedFetch, createPlaybook } from './helpers/api';
import { startChildServer } from './helpers/childServer';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(closeAllTestServers);

/** A stand-in for the built web app, so the static files are served as in production. */
function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fullcourt-web-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fullcourt</title>');
  return dir;
}

describe('headers and addresses', () => {
  it('sends a strict content security policy, nosniff and no referrer with every response', async () => {
    const server = await startTestServer();
    for (const path of ['/api/health', '/api/v1/playbooks', '/api/docs', '/no-such-page']) {
      const res = await authedFetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
      expect(csp, path).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('keeps the stricter policy of the HTML export', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const res = await authedFetch(`${server.url}/api/v1/playbooks/${id}/export?format=html&version=live`);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });

  it('serves the API reference with no inline script', async () => {
    const server = await startTestServer();
    const html = await (await authedFetch(`${server.url}/api/docs`)).text();
    expect(html).not.toMatch(/<script>/);
    const init = await authedFetch(`${server.url}/api/docs/init.js`);
    expect(init.status).toBe(200);
    expect(await init.text()).toContain('/api/openapi.json');
  });

  it('answers 404, not 500, for prototype keys as reference asset names', async () => {
    const server = await startTestServer();
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const res = await authedFetch(`${server.url}/api/docs/assets/${name}`);
      expect(res.status, name).toBe(404);
      expect(((await res.json()) as { type: string }).type).toBe('/problems/not-found');
    }
  });

  it('serves no source maps unless SERVE_SOURCE_MAPS asks for them', async () => {
    const webDist = fakeWebDist();
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(webDist, 'assets', 'index.js.map'), '{"version":3}');
    const hidden = await startTestServer({}, undefined, { webDist });
    expect((await authedFetch(`${hidden.url}/assets/index.js`)).status).toBe(200);
    expect((await authedFetch(`${hidden.url}/assets/index.js.map`)).status).toBe(404);
    const shown = await startTestServer({ SERVE_SOURCE_MAPS: 'true' }, undefined, { webDist });
    expect((await authedFetch(`${shown.url}/assets/index.js.map`)).status).toBe(200);
  });

  it('refuses to start on a network address without ALLOWED_HOSTS, saying what to set', async () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: mkdtempSync(join(tmpdir(), 'fullcourt-')), LOG_LEVEL: 'silent' });
    await expect(startServer(config, createLogger('silent'))).rejects.toThrow(/ALLOWED_HOSTS/);
  });

  it('compares the scheme and port of a browser Origin, not only its host name', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const write = (origin: string) => api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'x' }, { origin });
    const host = new URL(server.url).host;
    expect((await write(`https://${host}`)).status).toBe(403);
    expect((await write(`http://${new URL(server.url).hostname}:1`)).status).toBe(403);
    expect((await write('null')).status).toBe(403);
    expect((await write(server.url)).status).toBe(201);
  });

  it('gives every problem a stable type and the request id that its log lines carry', async () => {
    const server = await startTestServer();
    const res = await authedFetch(`${server.url}/api/v1/playbooks/nope`);
    const problem = (await res.json()) as { type: string; requestId: string };
    expect(problem.type).toBe('/problems/not-found');
    expect(problem.requestId).toBe(res.headers.get('x-request-id'));
    expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('logs of a request', () => {
  it('carry its request id on every line its work writes, including the commands it runs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fullcourt-logs-'));
    const child = await startChildServer(dataDir);
    try {
      const id = await createPlaybook(child.url);
      const live = await api<{ slas: { id: string }[] }>(child.url, 'GET', `/api/playbooks/${id}`);
      const slaId = live.json.slas[0]?.id as string;
      const res = await authedFetch(`${child.url}/api/v1/playbooks/${id}/slas/${slaId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ responseTime: { duration: 'PT2H' } }),
      });
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id');
      await expect
        .poll(() => child.logs.filter((l) => l.requestId === requestId).map((l) => l.msg))
        .toEqual(expect.arrayContaining(['playbook edited through the API', 'request']));
    } finally {
      child.process.kill('SIGKILL');
      await child.exited;
    }
  });
});
