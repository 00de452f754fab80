import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, createPlaybook } from './helpers/api';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(closeAllTestServers);

/** fetch cannot set Host; node:http can, as a rebinding page's browser effectively does. */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('requests from browsers on other sites', () => {
  it('answers only for loopback names when bound to loopback (DNS rebinding)', async () => {
    const server = await startTestServer();
    expect(await getWithHost(`${server.url}/api/health`, `localhost:${server.port}`)).toBe(200);
    expect(await getWithHost(`${server.url}/api/health`, `attacker.example:${server.port}`)).toBe(403);
  });

  it('answers for the names in ALLOWED_HOSTS', async () => {
    const server = await startTestServer({ ALLOWED_HOSTS: 'playbook.internal' });
    expect(await getWithHost(`${server.url}/api/health`, 'playbook.internal')).toBe(200);
    expect(await getWithHost(`${server.url}/api/health`, `localhost:${server.port}`)).toBe(403);
  });

  it('refuses a cross-site write and a cross-site WebSocket, but serves tools that send no Origin', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const crossSite = await api<{ title: string }>(
      server.url,
      'POST',
      `/api/v1/playbooks/${id}/versions`,
      { label: 'x' },
      { origin: 'https://attacker.example' },
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.title).toBe('Cross-site request refused');
    const sameSite = await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'ok' }, { origin: server.url });
    expect(sameSite.status).toBe(201);
    const tool = await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'tool' });
    expect(tool.status).toBe(201);

    const ws = new WebSocket(`${server.wsUrl}/${id}`, { origin: 'https://attacker.example', headers: { cookie: server.ownerCookie } });
    const status = await new Promise<number>((resolve, reject) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the cross-site upgrade was accepted')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });
});
