import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeTrash } from '../../apps/server/src/commands/playbookTrash';
import { api } from './helpers/api';
import { anonymous } from './helpers/auth';
import { addPerson, createToken, share } from './helpers/people';
import { closeAllTestServers, startTestServer } from './helpers/testServer';

afterEach(closeAllTestServers);

describe('API tokens', () => {
  it('are shown once with an fc_ prefix, stored only as a SHA-256 hash, and record when they were last used', async () => {
    const server = await startTestServer();
    const { id, token, headers } = await createToken(server.url, { name: 'HubSpot sync', scopes: ['read'] });
    expect(token).toMatch(/^fc_[\w-]{40,}$/);
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, headers)).status).toBe(200);

    const listed = await api<{ items: Record<string, unknown>[] }>(server.url, 'GET', '/api/v1/tokens');
    const entry = listed.json.items.find((t) => t.id === id) as Record<string, unknown>;
    expect(JSON.stringify(listed.json)).not.toContain(token);
    expect(entry).toMatchObject({ name: 'HubSpot sync', prefix: token.slice(0, 7), scopes: ['read'] });
    expect(entry.lastUsedAt).not.toBeNull();

    await server.stop();
    const files = readdirSync(server.dataDir).filter((f) => f.startsWith('fullcourt.sqlite'));
    for (const file of files) expect(readFileSync(join(server.dataDir, file)).includes(Buffer.from(token.slice(3)))).toBe(false);
  });

  it('act within their scopes, their playbooks and their expiry, and stop when revoked', async () => {
    const server = await startTestServer();
    const mine = await server.createPlaybook('Mine');
    const other = await server.createPlaybook('Other');
    const limited = await createToken(server.url, { scopes: ['read:live'], playbooks: [mine] });
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${mine}?version=live`, undefined, limited.headers)).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${other}?version=live`, undefined, limited.headers)).status).toBe(404);
    expect((await api(server.url, 'PATCH', `/api/v1/playbooks/${mine}`, { title: 'x' }, limited.headers)).json).toMatchObject({
      type: '/problems/forbidden',
      requiredScopes: ['write'],
    });

    const expiring = await createToken(server.url, { scopes: ['read'], expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, expiring.headers)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_600));
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, expiring.headers)).status).toBe(401);

    expect((await api(server.url, 'DELETE', `/api/v1/tokens/${limited.id}`)).status).toBe(204);
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${mine}?version=live`, undefined, limited.headers)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, { authorization: 'Bearer fc_made-up' })).status).toBe(401);
  });

  it('personal tokens are capped by their holder’s role; integration tokens are for admins and workspace-wide', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook();
    const vic = await addPerson(server.url, { role: 'viewer' });
    const vicToken = await createToken(server.url, { scopes: ['read:live', 'write'] }, vic.headers);
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${id}?version=live`, undefined, vicToken.headers)).status).toBe(200);
    expect((await api(server.url, 'PATCH', `/api/v1/playbooks/${id}`, { title: 'x' }, vicToken.headers)).status).toBe(403);
    expect(
      (await api(server.url, 'POST', '/api/v1/tokens', { name: 'Sync', scopes: ['read'], kind: 'integration' }, vic.headers)).status,
    ).toBe(403);

    await share(server.url, id, 'none');
    const sync = await createToken(server.url, { name: 'Warehouse sync', scopes: ['read:live'], kind: 'integration' });
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${id}?version=live`, undefined, sync.headers)).status).toBe(200);
    // Someone else's token is not theirs to revoke.
    expect((await api(server.url, 'DELETE', `/api/v1/tokens/${sync.id}`, undefined, vic.headers)).status).toBe(404);
  });

  it('are declared in the OpenAPI document, with the scopes each operation accepts', async () => {
    const server = await startTestServer();
    type Op = { security?: Record<string, string[]>[] };
    const doc = await api<{ components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, Op>> }>(
      server.url,
      'GET',
      '/api/openapi.json',
      undefined,
      anonymous,
    );
    expect(Object.keys(doc.json.components.securitySchemes).sort()).toEqual(['apiToken', 'session']);
    expect(doc.json.paths['/playbooks/{id}/versions/{number}/publish']?.post?.security).toEqual([
      { session: [] },
      { apiToken: ['publish'] },
    ]);
    expect(doc.json.paths['/playbooks/{id}']?.get?.security).toEqual([
      { session: [] },
      { apiToken: ['read'] },
      { apiToken: ['read:live'] },
    ]);
    expect(doc.json.paths['/health']?.get?.security).toEqual([]);
  });
});

describe('the trash', () => {
  it('keeps a deleted playbook for 30 days, restorable by admins, then purges it', async () => {
    const server = await startTestServer();
    const id = await server.createPlaybook('Old playbook');
    const editor = await addPerson(server.url);
    expect((await api(server.url, 'DELETE', `/api/v1/playbooks/${id}`, undefined, editor.headers)).status).toBe(403);
    expect((await api(server.url, 'DELETE', `/api/v1/playbooks/${id}`)).status).toBe(204);
    expect((await api(server.url, 'GET', `/api/v1/playbooks/${id}?version=live`)).status).toBe(404);
    const trash = await api<{ items: { id: string; purgeAt: string }[] }>(server.url, 'GET', '/api/v1/trash');
    expect(trash.json.items.map((p) => p.id)).toEqual([id]);
    expect(Date.parse(trash.json.items[0]?.purgeAt as string) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000);

    expect((await api(server.url, 'POST', `/api/v1/trash/${id}/restore`)).status).toBe(200);
    expect((await api<{ title: string }>(server.url, 'GET', `/api/v1/playbooks/${id}?version=live`)).json.title).toBe('Old playbook');

    expect((await api(server.url, 'DELETE', `/api/v1/playbooks/${id}`)).status).toBe(204);
    expect(await purgeTrash(server.services, new Date(Date.now() + 29 * 24 * 3600_000))).toEqual([]);
    expect(await purgeTrash(server.services, new Date(Date.now() + 31 * 24 * 3600_000))).toEqual([id]);
    expect((await api(server.url, 'POST', `/api/v1/trash/${id}/restore`)).status).toBe(404);
  });
});

describe('the audit log', () => {
  it('records who did what, when and from where, newest first, for admins only', async () => {
    const server = await startTestServer({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    const id = await server.createPlaybook();
    const member = await addPerson(server.url, { name: 'Mia Member' });
    await api(server.url, 'POST', '/api/auth/sign-in/email', { email: member.email, password: 'wrong-password' }, anonymous);
    await share(server.url, id, 'view', [{ subjectKind: 'user', subjectId: member.id, role: 'manager' }]);
    await api(server.url, 'PATCH', `/api/v1/users/${member.id}`, { role: 'viewer', teams: ['sales'] });
    await api(server.url, 'POST', '/api/v1/invitations', { email: 'new@fullcourt.test' });
    const token = await createToken(server.url, { scopes: ['read'] });
    await api(server.url, 'DELETE', `/api/v1/tokens/${token.id}`);
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions`, { label: 'One' });
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/publish`);
    await api(server.url, 'POST', `/api/v1/playbooks/${id}/versions/1/restore`);
    const hook = await api<{ id: string }>(server.url, 'POST', `/api/v1/playbooks/${id}/webhooks`, {
      url: 'http://127.0.0.1:9/h',
      events: ['version.created'],
    });
    await api(server.url, 'DELETE', `/api/v1/playbooks/${id}/webhooks/${hook.json.id}`);
    await api(server.url, 'DELETE', `/api/v1/playbooks/${id}`);

    expect((await api(server.url, 'GET', '/api/v1/audit', undefined, member.headers)).status).toBe(403);
    type Event = { seq: number; action: string; actor: { name: string }; ip: string | null; detail: Record<string, unknown> };
    const log = await api<{ items: Event[]; nextBefore: number | null }>(server.url, 'GET', '/api/v1/audit?limit=200');
    const actions = log.json.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'auth.signed_in',
        'auth.sign_in_failed',
        'playbook.sharing_changed',
        'user.role_changed',
        'user.teams_changed',
        'invitation.created',
        'token.created',
        'token.revoked',
        'version.published',
        'version.restored',
        'webhook.created',
        'webhook.deleted',
        'playbook.deleted',
      ]),
    );
    expect(log.json.items[0]?.action).toBe('playbook.deleted');
    const failed = log.json.items.find((e) => e.action === 'auth.sign_in_failed') as Event;
    expect(failed).toMatchObject({ ip: '127.0.0.1', detail: { email: member.email } });
    expect(JSON.stringify(log.json)).not.toContain('wrong-password');

    const page = await api<{ items: Event[]; nextBefore: number }>(server.url, 'GET', '/api/v1/audit?limit=3');
    expect(page.json.items).toHaveLength(3);
    const next = await api<{ items: Event[] }>(server.url, 'GET', `/api/v1/audit?limit=3&before=${page.json.nextBefore}`);
    expect(next.json.items[0]?.seq).toBeLessThan(page.json.items[2]?.seq as number);
  });
});
