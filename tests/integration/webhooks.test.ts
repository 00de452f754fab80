import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../../apps/server/src/webhooks/signature';
import { api, createPlaybook } from './helpers/api';
import { until } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { allowLoopbackReceivers, closeReceivers, type Received, startReceiver } from './helpers/webhookReceiver';

afterEach(async () => {
  await closeAllTestServers();
  await closeReceivers();
});

describe('webhooks', () => {
  it('delivers a signed version.published event with the diff, and retries after a 500', async () => {
    const server = await startTestServer({ ...allowLoopbackReceivers, WEBHOOK_RETRY_BASE_MS: '100' });
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([500, 204]);
    const hook = await api<{ id: string; secret: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: receiver.url,
      events: ['version.published'],
    });
    expect(hook.status).toBe(201);
    expect(hook.json.secret).toMatch(/^whsec_/);

    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Launch' });
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/publish`);

    await until(
      async () => receiver.received.length,
      (n) => n >= 2,
      10_000,
      'a retried delivery',
    );
    const [failed, delivered] = receiver.received as [Received, Received];
    expect(failed.answered).toBe(500);
    expect(delivered.headers['fullcourt-event']).toBe('version.published');
    expect(delivered.headers['fullcourt-delivery']).toBe(failed.headers['fullcourt-delivery']);
    const signature = delivered.headers['fullcourt-signature'] as string;
    expect(verify(hook.json.secret, delivered.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verify('whsec_wrong', delivered.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
    const event = JSON.parse(delivered.body) as { event: string; version: { number: number; label: string }; changes: { text: string }[] };
    expect(event.version).toMatchObject({ number: 1, label: 'Launch' });
    expect(event.changes.length).toBeGreaterThan(0);

    const log = await until(
      () =>
        api<{ items: { status: string; attempts: number; lastStatusCode: number }[] }>(
          server.url,
          'GET',
          `/api/v1/playbooks/${id}/webhooks/${hook.json.id}/deliveries`,
        ),
      (r) => r.json.items[0]?.status === 'delivered',
      5_000,
      'the delivery log',
    );
    expect(log.json.items[0]).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
  });

  it('never blocks editing when an endpoint is down, and gives up after the last attempt', async () => {
    const server = await startTestServer({ ...allowLoopbackReceivers, WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '2' });
    const id = await createPlaybook(server.url);
    const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: 'http://127.0.0.1:9/unreachable',
      events: ['version.created'],
    });
    const started = performance.now();
    const saved = await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'While the CRM is down' });
    expect(saved.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(2_000);
    const log = await until(
      () =>
        api<{ items: { status: string; attempts: number; lastError: string }[] }>(
          server.url,
          'GET',
          `/api/v1/playbooks/${id}/webhooks/${hook.json.id}/deliveries`,
        ),
      (r) => r.json.items[0]?.status === 'failed',
      10_000,
      'the delivery to fail for good',
    );
    expect(log.json.items[0]?.attempts).toBe(2);
    expect(log.json.items[0]?.lastError).toMatch(/Could not reach/);
  });

  it('describes a saved version by its changes since the version before it', async () => {
    const server = await startTestServer(allowLoopbackReceivers);
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([204]);
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url: receiver.url, events: ['version.created'] });
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'First' });
    await api(server.url, 'PATCH', `/api/v1/playbooks/${id}`, { title: 'Renamed playbook' });
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Second' });
    await until(
      async () => receiver.received.length,
      (n) => n >= 2,
      10_000,
      'two deliveries',
    );
    const events = receiver.received.map(
      (r) => JSON.parse(r.body) as { version: { label: string }; previous: { number: number } | null; changes: { text: string }[] },
    );
    const second = events.find((e) => e.version.label === 'Second');
    expect(second?.previous?.number).toBe(1);
    expect(second?.changes.map((c) => c.text)).toEqual([expect.stringMatching(/Renamed playbook/)]);
  });

  it('accepts only http(s) URLs', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const res = await api<{ errors: { field: string }[] }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: 'ftp://example.com/x',
    });
    expect(res.status).toBe(400);
    expect(res.json.errors[0]?.field).toBe('url');
  });
});
