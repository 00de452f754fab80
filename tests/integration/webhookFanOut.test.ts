import { afterEach, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { until } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { allowLoopbackReceivers, closeReceivers, startReceiver } from './helpers/webhookReceiver';

afterEach(async () => {
  await closeAllTestServers();
  await closeReceivers();
});

interface Delivery {
  id: string;
  eventId: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
}

interface Webhook {
  id: string;
  active: boolean;
  disabledAt: string | null;
  disabledReason: string | null;
}

const deliveriesOf = (base: string, playbookId: string, webhookId: string) =>
  api<{ items: Delivery[] }>(base, 'GET', `/api/v1/playbooks/${playbookId}/webhooks/${webhookId}/deliveries?limit=100`);

describe('webhook fan-out', () => {
  it('builds one payload per event, whatever the number of webhooks: every endpoint gets the same bytes', async () => {
    const server = await startTestServer(allowLoopbackReceivers);
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([204]);
    const hooks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url: receiver.url });
      hooks.push(hook.json.id);
    }
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Launch' });
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/publish`);
    await until(
      async () => receiver.received.length,
      (n) => n === 6,
      10_000,
      'six deliveries',
    );
    const bodies = new Set(receiver.received.map((r) => r.body));
    expect(bodies.size).toBe(1);
    const event = JSON.parse([...bodies][0] as string) as { id: string; event: string; changes: unknown[] };
    expect(event).toMatchObject({ event: 'version.published' });
    expect(event.changes.length).toBeGreaterThan(0);
    // Who it is for and which delivery it is travel in headers, so the body (and its diff) is shared.
    expect(new Set(receiver.received.map((r) => r.headers['fullcourt-webhook']))).toEqual(new Set(hooks));
    expect(new Set(receiver.received.map((r) => r.headers['fullcourt-delivery'])).size).toBe(6);
    const logged = await deliveriesOf(server.url, id, hooks[0] as string);
    expect(logged.json.items[0]?.eventId).toBe(event.id);
  });

  it('refuses a webhook past WEBHOOK_MAX_PER_PLAYBOOK, and takes one again once another is deleted', async () => {
    const server = await startTestServer({ WEBHOOK_MAX_PER_PLAYBOOK: '3' });
    const id = await createPlaybook(server.url);
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
        url: `https://crm.example.com/${i}`,
      });
      expect(res.status).toBe(201);
      created.push(res.json.id);
    }
    const refused = await api<{ type: string; detail: string; limit: number }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: 'https://crm.example.com/3',
    });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ type: '/problems/webhook-limit', limit: 3 });
    expect(refused.json.detail).toMatch(/3 webhooks/);
    // The limit is per playbook.
    const other = await createPlaybook(server.url);
    expect((await api(server.url, 'POST', `/api/v1/playbooks/${other}/webhooks`, { url: 'https://crm.example.com/x' })).status).toBe(201);

    await api(server.url, 'DELETE', `/api/v1/playbooks/${id}/webhooks/${created[0]}`);
    expect((await api(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, { url: 'https://crm.example.com/3' })).status).toBe(201);
  });

  it('keeps only the newest WEBHOOK_LOG_KEEP deliveries of each webhook, and none older than WEBHOOK_LOG_DAYS', async () => {
    const server = await startTestServer({ ...allowLoopbackReceivers, WEBHOOK_LOG_KEEP: '2', WEBHOOK_LOG_DAYS: '30' });
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([204]);
    const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: receiver.url,
      events: ['version.created'],
    });
    for (let i = 1; i <= 4; i++) await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: `Version ${i}` });
    await until(
      async () => receiver.received.length,
      (n) => n === 4,
      10_000,
      'four deliveries',
    );
    const log = await until(
      () => deliveriesOf(server.url, id, hook.json.id),
      (r) => r.json.items.every((d) => d.status === 'delivered') && r.json.items.length <= 2,
      5_000,
      'the log to be trimmed',
    );
    expect(log.json.items).toHaveLength(2);
    const labels = receiver.received.map((r) => (JSON.parse(r.body) as { version: { label: string } }).version.label);
    expect(labels).toHaveLength(4);

    // A month later the retention sweep removes what is left.
    const monthLater = new Date(Date.now() + 31 * 24 * 3600_000);
    await server.services.webhooks.sweep(monthLater);
    expect((await deliveriesOf(server.url, id, hook.json.id)).json.items).toHaveLength(0);
  });

  it('spreads retries with jitter, so endpoints that failed together are not retried together', async () => {
    const server = await startTestServer({ ...allowLoopbackReceivers, WEBHOOK_RETRY_BASE_MS: '60000' });
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([500]);
    const hooks: string[] = [];
    for (let i = 0; i < 6; i++) {
      const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
        url: receiver.url,
        events: ['version.created'],
      });
      hooks.push(hook.json.id);
    }
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Everyone fails' });
    await until(
      async () => receiver.received.length,
      (n) => n === 6,
      10_000,
      'six first attempts',
    );
    const next: number[] = [];
    for (const hook of hooks) {
      const log = await until(
        () => deliveriesOf(server.url, id, hook),
        (r) => r.json.items[0]?.attempts === 1,
        5_000,
        'the failed attempt to be logged',
      );
      next.push(Date.parse(log.json.items[0]?.nextAttemptAt as string));
    }
    const now = Date.now();
    for (const at of next) {
      expect(at - now).toBeGreaterThan(60_000 * 0.75 - 10_000);
      expect(at - now).toBeLessThan(60_000 * 1.25);
    }
    // Six attempts made within a few milliseconds of each other would, without jitter, all retry at the same instant.
    expect(Math.max(...next) - Math.min(...next)).toBeGreaterThan(1_000);
  });

  it('turns a webhook off after WEBHOOK_DISABLE_AFTER_FAILURES failed deliveries in a row, says why, and a person can turn it back on', async () => {
    const server = await startTestServer({ ...allowLoopbackReceivers, WEBHOOK_MAX_ATTEMPTS: '1', WEBHOOK_DISABLE_AFTER_FAILURES: '2' });
    const id = await createPlaybook(server.url);
    const receiver = await startReceiver([500, 204, 500, 500, 204]);
    const hook = await api<Webhook>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: receiver.url,
      events: ['version.created'],
    });
    expect(hook.json).toMatchObject({ active: true, disabledAt: null, disabledReason: null });
    const getHook = async () =>
      (await api<{ items: Webhook[] }>(server.url, 'GET', `/api/v1/playbooks/${id}/webhooks`)).json.items[0] as Webhook;
    const saveAndWait = async (label: string, received: number) => {
      await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label });
      await until(
        async () => receiver.received.length,
        (n) => n === received,
        10_000,
        `delivery ${received}`,
      );
      await until(
        () => deliveriesOf(server.url, id, hook.json.id),
        (r) => r.json.items.every((d) => d.status !== 'pending'),
        5_000,
        'the outcome to be logged',
      );
    };

    await saveAndWait('One', 1); // 500
    await saveAndWait('Two', 2); // 204: a success ends the run
    await saveAndWait('Three', 3); // 500
    expect(await getHook()).toMatchObject({ active: true, disabledAt: null });
    await saveAndWait('Four', 4); // 500: the second in a row
    const off = await getHook();
    expect(off.active).toBe(false);
    expect(off.disabledAt).not.toBeNull();
    expect(off.disabledReason).toMatch(/after 2 failed deliveries in a row/);
    expect(off.disabledReason).toMatch(/500/);

    // While it is off, nothing is queued for it.
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'Five' });
    expect((await deliveriesOf(server.url, id, hook.json.id)).json.items.map((d) => d.status)).toEqual([
      'failed',
      'failed',
      'delivered',
      'failed',
    ]);

    const on = await api<Webhook>(server.url, 'PATCH', `/api/v1/playbooks/${id}/webhooks/${hook.json.id}`, { active: true });
    expect(on.json).toMatchObject({ active: true, disabledAt: null, disabledReason: null });
    await saveAndWait('Six', 5); // 204
    expect(await getHook()).toMatchObject({ active: true });
  });
});
