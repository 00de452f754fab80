import { afterEach, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { until } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { allowLoopbackReceivers, closeReceivers, startReceiver } from './helpers/webhookReceiver';

afterEach(async () => {
  await closeAllTestServers();
  await closeReceivers();
});

interface Refusal {
  type: string;
  detail: string;
  reason: string;
}

interface Delivery {
  status: string;
  attempts: number;
  lastError: string | null;
}

// Each is a way to name this machine or the network behind it; the reason is the stable code clients branch on.
const internalUrls: [string, string][] = [
  ['http://127.0.0.1:8080/hook', 'loopback'],
  ['http://localhost:3000/api/v1/playbooks', 'loopback'],
  ['http://app.localhost/hook', 'loopback'],
  ['http://[::1]/hook', 'loopback'],
  ['http://0.0.0.0:3000/hook', 'unspecified'],
  ['http://0/hook', 'unspecified'],
  ['http://2130706433/hook', 'loopback'], // decimal 127.0.0.1
  ['http://0x7f000001/hook', 'loopback'], // hex 127.0.0.1
  ['http://0x7f.1/hook', 'loopback'],
  ['http://[::ffff:127.0.0.1]/hook', 'loopback'], // IPv4-mapped IPv6
  ['http://169.254.169.254/latest/meta-data/', 'link-local'],
  ['http://[fe80::1]/hook', 'link-local'],
  ['http://10.0.0.5/hook', 'private'],
  ['http://172.16.3.4/hook', 'private'],
  ['http://192.168.1.1/hook', 'private'],
  ['http://[::ffff:192.168.1.1]/hook', 'private'],
  ['http://[fc00::1]/hook', 'unique-local'],
  ['http://[fd12:3456::1]/hook', 'unique-local'],
  ['http://224.0.0.1/hook', 'multicast'],
  ['http://100.64.0.1/hook', 'special-purpose'],
  ['http://metadata/computeMetadata/v1/', 'internal-name'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'internal-name'],
  ['http://printer.local/hook', 'internal-name'],
];

describe('webhook destinations', () => {
  it.each(internalUrls)('refuses to register %s, saying why (%s)', async (url, reason) => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const res = await api<Refusal>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: '/problems/webhook-url-refused', reason });
    expect(res.json.detail).toMatch(/WEBHOOK_ALLOWED_HOSTS/);
  });

  it('refuses to point an existing webhook at an internal address', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url: 'https://crm.example.com/hook' });
    expect(hook.status).toBe(201);
    const res = await api<Refusal>(server.url, 'PATCH', `/api/v1/playbooks/${id}/webhooks/${hook.json.id}`, {
      url: 'http://169.254.169.254/latest/meta-data/',
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: '/problems/webhook-url-refused', reason: 'link-local' });
  });

  it('accepts public addresses and names', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    for (const url of ['https://crm.example.com/hooks/fullcourt', 'http://93.184.215.14/hook', 'https://[2606:4700::1111]/hook']) {
      const res = await api(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url });
      expect(res.status, url).toBe(201);
    }
  });

  it('refuses at connect time a webhook whose name resolves to loopback, and the listener receives nothing', async () => {
    const server = await startTestServer({ WEBHOOK_MAX_ATTEMPTS: '1' });
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([204]);
    // Registration refuses "localhost"; a webhook stored before this release (or a public name whose
    // DNS now answers 127.0.0.1) gets past it, so the address is checked again after resolution.
    await server.services.storage.webhooks.create(
      {
        id: 'stored-earlier',
        playbookId: id,
        url: `http://localhost:${receiver.port}/hooks/fullcourt`,
        secret: 'whsec_x',
        events: ['version.created'],
      },
      20,
    );
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Tell the CRM' });
    const log = await until(
      () => api<{ items: Delivery[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/webhooks/stored-earlier/deliveries`),
      (r) => r.json.items[0]?.attempts === 1,
      10_000,
      'the delivery attempt',
    );
    expect(log.json.items[0]).toMatchObject({ status: 'refused' });
    expect(log.json.items[0]?.lastError).toMatch(/^Refused: localhost:\d+ resolves to a loopback address/);
    expect(receiver.received).toHaveLength(0);
  });

  it('delivers to a loopback receiver listed in WEBHOOK_ALLOWED_HOSTS', async () => {
    const server = await startTestServer(allowLoopbackReceivers);
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([204]);
    const hook = await api(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url: receiver.url, events: ['version.created'] });
    expect(hook.status).toBe(201);
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Tell the CRM' });
    await until(
      async () => receiver.received.length,
      (n) => n === 1,
      10_000,
      'the delivery',
    );
  });

  it("never calls the server's own origin, even when its address is allowed", async () => {
    const server = await startTestServer({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1,localhost', WEBHOOK_MAX_ATTEMPTS: '1' });
    const id = await createPlaybook(server.url);
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'One' });
    const publishRoute = `/api/v1/playbooks/${id}/versions/1/publish`;
    for (const url of [`http://127.0.0.1:${server.port}${publishRoute}`, `http://localhost:${server.port}${publishRoute}`]) {
      const res = await api<Refusal>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url });
      expect(res.status, url).toBe(400);
      expect(res.json).toMatchObject({ type: '/problems/webhook-url-refused', reason: 'this-server' });
    }

    // Two webhooks stored earlier that publish on every publication would loop forever: both are refused when sent.
    for (const hookId of ['loop-a', 'loop-b'])
      await server.services.storage.webhooks.create(
        {
          id: hookId,
          playbookId: id,
          url: `http://localhost:${server.port}${publishRoute}`,
          secret: 'whsec_x',
          events: ['version.published'],
        },
        20,
      );
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/publish`);
    for (const hookId of ['loop-a', 'loop-b']) {
      const log = await until(
        () => api<{ items: Delivery[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/webhooks/${hookId}/deliveries`),
        (r) => r.json.items.length > 0 && r.json.items.every((d) => d.attempts === 1),
        10_000,
        'the delivery attempt',
      );
      expect(log.json.items).toHaveLength(1);
      expect(log.json.items[0]).toMatchObject({ status: 'refused' });
      expect(log.json.items[0]?.lastError).toMatch(/^Refused: localhost:\d+ resolves to this Fullcourt server itself/);
    }
  });
});
