import { PlaybookDoc, PlaybookSchema } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { destroyAllProviders, openSyncedProvider, until } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

describe('the playbook model through the server', () => {
  it('creates a playbook from the starter template, takes an edit from a provider and serves it as canonical JSON', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url, 'FY27 playbook', 'starter');
    const provider = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(provider.doc);
    expect(doc.stages.size).toBeGreaterThanOrEqual(5);
    const firstStage = doc.stages.ids()[0] as string;
    doc.stages.update(firstStage, { name: 'Problem aware' });

    const live = await until(
      () => api<{ stages: { name: string }[] }>(server.url, 'GET', `/api/playbooks/${id}`),
      (res) => res.json.stages[0]?.name === 'Problem aware',
      5_000,
      'the edit in the live JSON',
    );
    expect(live.status).toBe(200);
    const playbook = PlaybookSchema.parse(live.json);
    expect(playbook.id).toBe(id);
    expect(playbook.title).toBe('FY27 playbook');
    expect(playbook.stages[0]?.name).toBe('Problem aware');
    expect(playbook.lifecycle.map((s) => s.name)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Opportunity', 'Customer']);
    expect(playbook.slas.length).toBeGreaterThanOrEqual(3);
  });

  it('creates an empty playbook by default', async () => {
    const server = await startTestServer();
    const res = await api<{ id: string }>(server.url, 'POST', '/api/playbooks', { title: 'Blank' });
    const live = await api<{ stages: unknown[]; title: string }>(server.url, 'GET', `/api/playbooks/${res.json.id}`);
    expect(live.json.title).toBe('Blank');
    expect(live.json.stages).toEqual([]);
  });

  it("reports a RACI row with two A's as a finding instead of failing", async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const provider = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(provider.doc);
    const activity = doc.responsibilities.ids()[0] as string;
    for (const role of doc.roles.ids()) doc.setRaci(activity, role, 'A');
    const findings = await until(
      () => api<{ items: { severity: string; itemId: string; message: string }[] }>(server.url, 'GET', `/api/playbooks/${id}/findings`),
      (res) => res.json.items.some((f) => f.itemId === activity),
      5_000,
      'the RACI finding',
    );
    const finding = findings.json.items.find((f) => f.itemId === activity);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/A/);
  });

  it('serves the JSON Schema of the canonical JSON', async () => {
    const server = await startTestServer();
    const schema = await api<{ properties: Record<string, unknown> }>(server.url, 'GET', '/api/schema/playbook.json');
    expect(schema.status).toBe(200);
    expect(Object.keys(schema.json.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'description',
        'stages',
        'lifecycle',
        'slas',
        'content',
        'personas',
        'roles',
        'responsibilities',
        'metrics',
        'attribution',
        'pages',
      ]),
    );
  });

  it('shows a title typed in the document in the playbook list', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url, 'Draft');
    const provider = await openSyncedProvider(server.wsUrl, id);
    new PlaybookDoc(provider.doc).setTitle('Joint revenue playbook');
    const list = await until(
      () => api<{ items: { title: string }[] }>(server.url, 'GET', '/api/playbooks'),
      (res) => res.json.items.some((p) => p.title === 'Joint revenue playbook'),
      5_000,
      'the new title in the list',
    );
    expect(list.json.items).toHaveLength(1);
  });
});
