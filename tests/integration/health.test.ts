import { afterEach, describe, expect, it } from 'vitest';
import { simulateStorageFault } from '../../apps/server/src/db';
import { api } from './helpers/api';
import { anonymous } from './helpers/auth';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(closeAllTestServers);

type Health = {
  status: string;
  storage: { kind: string; status: string; reason?: string };
  bus: { status: string; connected?: boolean; peers?: number; reason?: string };
};

const health = (url: string) => api<Health>(url, 'GET', '/api/health', undefined, anonymous);

describe('/api/health', () => {
  it('names the database and says the bus is off for a server that runs alone', async () => {
    const server = await startTestServer();
    const res = await health(server.url);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', storage: { kind: 'sqlite', status: 'ok' }, bus: { status: 'off' } });
  });

  // The bus itself is another part of the server (REDIS_URL); its status reaches health through services.busStatus.
  it('reports a connected bus with its peers, and a lost bus as degraded but still serving (200)', async () => {
    const server = await startTestServer();
    server.services.busStatus = () => ({ connected: true, peers: 2 });
    expect((await health(server.url)).json).toMatchObject({ status: 'ok', bus: { status: 'ok', connected: true, peers: 2 } });

    const lostAt = new Date().toISOString();
    server.services.busStatus = () => ({ connected: false, peers: 0, lastDisconnectAt: lostAt });
    const degraded = await health(server.url);
    expect(degraded.status).toBe(200);
    expect(degraded.json.status).toBe('degraded');
    expect(degraded.json.storage.status).toBe('ok');
    expect(degraded.json.bus).toMatchObject({ status: 'failing', connected: false, lastDisconnectAt: lostAt });
    expect(degraded.json.bus.reason).toMatch(/REDIS_URL.*still stored/);
  });

  it('fails (503) while storage is failing, whatever the bus says, so a load balancer stops sending clients', async () => {
    const server = await startTestServer();
    server.services.busStatus = () => ({ connected: true, peers: 1 });
    simulateStorageFault(server.services.storage, 'read-only');
    const failing = await health(server.url);
    expect(failing.status).toBe(503);
    expect(failing.json).toMatchObject({ status: 'failing', storage: { kind: 'sqlite', status: 'failing' }, bus: { status: 'ok' } });
    expect(failing.json.storage.reason).toMatch(/writable/);
    simulateStorageFault(server.services.storage, undefined);
    expect((await health(server.url)).status).toBe(200);
  });

  it('documents every shape it answers in the OpenAPI document', async () => {
    const server = await startTestServer();
    const doc = await api<{ paths: Record<string, { get: { responses: Record<string, unknown> } }> }>(
      server.url,
      'GET',
      '/api/openapi.json',
      undefined,
      anonymous,
    );
    const text = JSON.stringify(doc.json.paths['/health']?.get.responses);
    for (const word of ['degraded', 'postgres', 'peers', 'lastDisconnectAt', 'since']) expect(text).toContain(word);
  });
});
