import { request } from 'node:http';
import { PlaybookDoc } from '@fullcourt/playbook';
import { afterEach, describe, expect, it } from 'vitest';
import { api, createPlaybook } from './helpers/api';
import { destroyAllProviders, eventually, openSyncedProvider } from './helpers/providers';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(async () => {
  destroyAllProviders();
  await closeAllTestServers();
});

describe('the write API', () => {
  it("changes an SLA's response time in the live document, and a connected editor sees it", async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const editor = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(editor.doc);
    const slaId = doc.slas.ids()[0] as string;

    const res = await api<{ responseTime: { duration: string } }>(server.url, 'PATCH', `/api/v1/playbooks/${id}/slas/${slaId}`, {
      responseTime: { duration: 'PT1H', clock: 'business' },
    });
    expect(res.status).toBe(200);
    expect(res.json.responseTime.duration).toBe('PT1H');
    await eventually(() => doc.slas.get(slaId)?.responseTime.duration === 'PT1H', 5_000, 'the editor sees the new SLA');
  });

  it('keeps the fields of a group that a patch does not name', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const live = await api<{ slas: { id: string; responseTime: { duration: string; clock: string } }[] }>(
      server.url,
      'GET',
      `/api/playbooks/${id}`,
    );
    const sla = live.json.slas[0] as { id: string; responseTime: { clock: string } };
    expect(sla.responseTime.clock).toBe('business');
    const res = await api<{ responseTime: { duration: string; clock: string } }>(
      server.url,
      'PATCH',
      `/api/v1/playbooks/${id}/slas/${sla.id}`,
      {
        responseTime: { duration: 'PT8H' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.json.responseTime).toEqual({ duration: 'PT8H', clock: 'business' });
  });

  it('adds an asset that appears for the editor, and deletes it again', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const editor = await openSyncedProvider(server.wsUrl, id);
    const doc = new PlaybookDoc(editor.doc);
    const stageId = doc.stages.ids()[0] as string;
    const res = await api<{ id: string; title: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/content`, {
      item: {
        title: 'ROI calculator',
        url: 'https://example.com/roi',
        format: 'calculator',
        owner: 'Marketing',
        stageIds: [stageId],
        personaIds: [],
      },
    });
    expect(res.status).toBe(201);
    await eventually(() => doc.content.get(res.json.id)?.title === 'ROI calculator', 5_000, 'the asset at the editor');

    const gone = await api(server.url, 'DELETE', `/api/v1/playbooks/${id}/content/${res.json.id}`);
    expect(gone.status).toBe(204);
    await eventually(() => !doc.content.has(res.json.id), 5_000, 'the asset removed at the editor');
  });

  it('rejects an invalid patch with a problem naming the field, and changes nothing', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const live = await api<{ slas: { id: string; responseTime: unknown }[] }>(server.url, 'GET', `/api/playbooks/${id}`);
    const sla = live.json.slas[0] as { id: string; responseTime: unknown };
    const res = await api<{ status: number; errors: { field: string }[] }>(server.url, 'PATCH', `/api/v1/playbooks/${id}/slas/${sla.id}`, {
      responseTime: { duration: 'four hours', clock: 'business' },
    });
    expect(res.status).toBe(400);
    expect(res.json.errors.some((e) => e.field.startsWith('responseTime'))).toBe(true);
    const after = await api<{ slas: { responseTime: unknown }[] }>(server.url, 'GET', `/api/playbooks/${id}`);
    expect(after.json.slas[0]?.responseTime).toEqual(sla.responseTime);
  });

  it('refuses bodies over the size limit and edits past the playbook size limit with 413', async () => {
    const server = await startTestServer({ MAX_MESSAGE_BYTES: '100000', MAX_DOCUMENT_BYTES: '150000' });
    const id = await createPlaybook(server.url);
    // The server answers before reading such a body and then closes, which fetch reports as a
    // failed upload: read the answer with node:http, as a tool would.
    const big = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${server.url}/api/v1/playbooks/${id}/pages`,
        { method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      // The upload may break off (EPIPE) when the server closes early; the answer still arrives.
      req.on('error', (error) => setTimeout(() => reject(error), 1_000));
      req.end(JSON.stringify({ item: { title: 'Huge', body: { markdown: 'x'.repeat(200_000) } } }));
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).title).toBe('Request too large');
    for (let i = 0; i < 2; i++) {
      const page = await api(server.url, 'POST', `/api/v1/playbooks/${id}/pages`, {
        item: { title: `Page ${i}`, body: { markdown: 'y'.repeat(90_000) } },
      });
      expect(page.status).toBe(201);
    }
    const refused = await api<{ title: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/pages`, {
      item: { title: 'One more', body: { markdown: 'z' } },
    });
    expect(refused.status).toBe(413);
    expect(refused.json.title).toBe('Playbook too large');
  });

  it('answers an unknown item with 404', async () => {
    const server = await startTestServer();
    const id = await createPlaybook(server.url);
    const res = await api<{ detail: string }>(server.url, 'PATCH', `/api/v1/playbooks/${id}/stages/nope`, { name: 'x' });
    expect(res.status).toBe(404);
    expect(res.json.detail).toContain('nope');
  });
});
