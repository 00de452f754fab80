import { afterEach, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { anonymous } from './helpers/auth';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

const token = 'scrape-me-please-0123456789';

async function scrape(base: string, authorization = `Bearer ${token}`) {
  const res = await fetch(`${base}/api/metrics`, { headers: { authorization } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The value of one sample in Prometheus' text format (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/metrics', () => {
  it('is off without METRICS_TOKEN: 404 problem details', async () => {
    const server = await startTestServer();
    const res = await scrape(server.url);
    expect(res.status).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(JSON.parse(res.text).detail).toContain('METRICS_TOKEN');
  });

  it('refuses a scraper without the token or with a wrong one, and is not part of the documented API', async () => {
    const server = await startTestServer({ METRICS_TOKEN: token });
    for (const authorization of ['', `Bearer ${token}x`, `Bearer ${token.slice(0, -1)}`, token, 'Bearer fc_notatoken']) {
      const res = await scrape(server.url, authorization);
      expect(res.status, authorization).toBe(401);
      expect(JSON.parse(res.text).type).toBe('/problems/unauthenticated');
    }
    // The owner's session is no metrics token either.
    expect((await api(server.url, 'GET', '/api/metrics')).status).toBe(401);
    const doc = await api<{ paths: Record<string, unknown> }>(server.url, 'GET', '/api/openapi.json', undefined, anonymous);
    expect(Object.keys(doc.json.paths)).not.toContain('/metrics');
  });

  it('reports connections, loaded playbooks and rate-limit refusals in Prometheus text format', async () => {
    const server = await startTestServer({
      METRICS_TOKEN: token,
      HTTP_WRITES_PER_MINUTE: '8',
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: '2',
    });
    const before = await scrape(server.url);
    expect(before.status).toBe(200);
    expect(before.type).toContain('text/plain');
    expect(sample(before.text, 'fullcourt_connections')).toBe(0);
    expect(sample(before.text, 'fullcourt_loaded_playbooks')).toBe(0);

    const id = await server.createPlaybook();
    const a = await openSyncedProvider(server.wsUrl, id);
    const b = await openSyncedProvider(server.wsUrl, id);
    a.doc.getText('notes').insert(0, 'Agreed in the Q3 workshop');
    await eventually(() => b.doc.getText('notes').length > 0, 5_000, 'the edit to reach b');

    // A sign-in past its account's failed attempts, then writes until the per-address limit refuses one
    // (the owner's sign-in, the create and the sign-ins counted as writes too).
    const signInStatuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: 'nobody@fullcourt.test', password: 'wrong-password-1' }),
      });
      signInStatuses.push(res.status);
    }
    expect(signInStatuses).toEqual([401, 401, 429]);
    let refused = 0;
    for (let i = 0; i < 10 && refused === 0; i++) {
      if ((await api(server.url, 'PATCH', `/api/playbooks/${id}`, { description: `Take ${i}` })).status === 429) refused++;
    }
    expect(refused).toBe(1);

    const after = await scrape(server.url);
    expect(sample(after.text, 'fullcourt_connections')).toBe(2);
    expect(sample(after.text, 'fullcourt_loaded_playbooks')).toBe(1);
    expect(sample(after.text, 'fullcourt_rate_limit_refusals_total{limit="http-writes"}')).toBe(1);
    expect(sample(after.text, 'fullcourt_rate_limit_refusals_total{limit="sign-in"}')).toBe(1);
  });
});
