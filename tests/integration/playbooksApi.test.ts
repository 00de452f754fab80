import { afterEach, describe, expect, it } from 'vitest';
import { authedFetch } from './helpers/api';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(closeAllTestServers);

const post = (url: string, body: string, contentType = 'application/json') =>
  authedFetch(`${url}/api/playbooks`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('playbooks API', () => {
  it('answers the health check', async () => {
    const server = await startTestServer();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', storage: { kind: 'sqlite', status: 'ok' }, bus: { status: 'off' } });
  });

  it('creates a playbook and lists it', async () => {
    const server = await startTestServer();
    const res = await post(server.url, JSON.stringify({ title: 'FY27 playbook' }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; title: string; createdAt: string };
    expect(created.title).toBe('FY27 playbook');
    expect(created.id).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get('location')).toBe(`/api/playbooks/${created.id}`);

    const list = (await (await authedFetch(`${server.url}/api/playbooks`)).json()) as { items: { id: string }[] };
    expect(list.items.map((p) => p.id)).toEqual([created.id]);
    const one = await authedFetch(`${server.url}/api/playbooks/${created.id}`);
    expect(((await one.json()) as { title: string }).title).toBe('FY27 playbook');
  });

  it('rejects a missing title with a problem naming the field', async () => {
    const server = await startTestServer();
    const res = await post(server.url, JSON.stringify({ title: '   ' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { title: string; status: number; errors: { field: string; message: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.errors[0]?.field).toBe('title');
  });

  it('rejects invalid JSON with a problem that says so', async () => {
    const server = await startTestServer();
    const res = await post(server.url, '{"title": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { title: string }).title).toBe('Invalid JSON');
  });

  it('answers unknown ids and routes with 404 problems', async () => {
    const server = await startTestServer();
    const missing = await authedFetch(`${server.url}/api/playbooks/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { detail: string }).detail).toContain("'nope'");
    const route = await authedFetch(`${server.url}/api/nothing-here`);
    expect(route.status).toBe(404);
    expect(route.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves its OpenAPI 3.1 description', async () => {
    const server = await startTestServer();
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/playbooks', '/playbooks/{id}']));
  });
});
