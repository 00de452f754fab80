import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { anonymous, signIn } from './helpers/auth';
import { addPerson, createToken, share, type TestPerson } from './helpers/people';
import { startTestServer, type TestServer } from './helpers/testServer';

/**
 * The access policy as a table: every operation of the OpenAPI document, called by every kind
 * of caller against the running server, answers the status this table expects. An operation
 * missing from the table fails the test, so a new route cannot ship without saying who may call it.
 */

const callers = [
  'anonymous',
  'workspace viewer',
  'viewer',
  'editor',
  'manager',
  'outsider',
  'admin',
  'token read',
  'token read:live',
  'token write',
  'token publish',
  'token webhooks',
  'token for another playbook',
  'token backup',
] as const;
type Caller = (typeof callers)[number];

/** What an operation needs, in the words of the issue. */
type Need =
  | 'nothing'
  | 'read published'
  | 'read live'
  | 'edit'
  | 'publish'
  | 'manage webhooks'
  | 'see sharing'
  | 'share or delete'
  | 'create playbooks'
  | 'list playbooks'
  | 'a person'
  | 'an admin'
  | 'an owner'
  | 'already set up';

const ok = 'ok';
type Outcome = typeof ok | number;

/**
 * Who gets what, per need. The fixture playbook is restricted (default access none); "outsider" is a member without a grant.
 * The owner is the one who sets everything up, so no caller is the owner but the owner's own backup token.
 */
// biome-ignore format: a table reads best aligned
const outcomes: Record<Need, Record<Caller, Outcome>> = {
  'nothing':          row(ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok, ok),
  'read published':   row(401, ok,  ok,  ok,  ok,  404, ok,  ok,  ok,  403, 403, 403, 404, 403),
  'read live':        row(401, ok,  ok,  ok,  ok,  404, ok,  403, ok,  403, 403, 403, 404, 403),
  'edit':             row(401, 403, 403, ok,  ok,  404, ok,  403, 403, ok,  403, 403, 404, 403),
  'publish':          row(401, 403, 403, 403, ok,  404, ok,  403, 403, 403, ok,  403, 404, 403),
  'manage webhooks':  row(401, 403, 403, 403, ok,  404, ok,  403, 403, 403, 403, ok,  404, 403),
  'see sharing':      row(401, ok,  ok,  ok,  ok,  404, ok,  403, 403, 403, 403, 403, 404, 403),
  'share or delete':  row(401, 403, 403, 403, ok,  404, ok,  403, 403, 403, 403, 403, 404, 403),
  'create playbooks': row(401, 403, ok,  ok,  ok,  ok,  ok,  403, 403, ok,  403, 403, 403, 403),
  'list playbooks':   row(401, ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok,  ok, ok),
  'a person':         row(401, ok,  ok,  ok,  ok,  ok,  ok,  403, 403, 403, 403, 403, 403, 403),
  'an admin':         row(401, 403, 403, 403, 403, 403, ok,  403, 403, 403, 403, 403, 403, 403),
  'an owner':         row(401, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403, ok),
  'already set up':   row(409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409, 409),
};

function row(...values: Outcome[]): Record<Caller, Outcome> {
  return Object.fromEntries(callers.map((c, i) => [c, values[i] as Outcome])) as Record<Caller, Outcome>;
}

interface Fixture {
  server: TestServer;
  playbookId: string;
  otherPlaybookId: string;
  webhookId: string;
  people: Record<'workspace viewer' | 'viewer' | 'editor' | 'manager' | 'outsider' | 'admin', TestPerson>;
  tokens: Record<Extract<Caller, `token ${string}`>, { id: string; headers: { authorization: string } }>;
}

interface Call {
  path: string;
  body?: unknown;
  /** Headers to use instead of the caller's own (a fresh session, for operations that end sessions). */
  headers?: Record<string, string>;
}

type Prepare = (f: Fixture, caller: Caller) => Promise<Call>;

const sections = ['stages', 'lifecycle', 'slas', 'content', 'personas', 'roles', 'responsibilities', 'metrics', 'pages'];

/** Every documented operation: what it needs, and how to make a valid request for it. */
function operations(): Record<string, { need: Need; prepare: Prepare }> {
  const p = (f: Fixture) => `/playbooks/${f.playbookId}`;
  const table: Record<string, { need: Need; prepare: Prepare }> = {
    'GET /health': { need: 'nothing', prepare: async () => ({ path: '/health' }) },
    'GET /schema/playbook.json': { need: 'nothing', prepare: async () => ({ path: '/schema/playbook.json' }) },
    'POST /playbooks': { need: 'create playbooks', prepare: async () => ({ path: '/playbooks', body: { title: 'New one' } }) },
    'GET /playbooks': { need: 'list playbooks', prepare: async () => ({ path: '/playbooks' }) },
    'GET /playbooks/{id}': { need: 'read published', prepare: async (f) => ({ path: p(f) }) },
    'PATCH /playbooks/{id}': {
      need: 'edit',
      prepare: async (f) => ({ path: p(f), body: { description: 'Shared by marketing and sales' } }),
    },
    'DELETE /playbooks/{id}': { need: 'share or delete', prepare: async (f) => ({ path: `/playbooks/${await sharedPlaybook(f)}` }) },
    'GET /playbooks/{id}/findings': { need: 'read published', prepare: async (f) => ({ path: `${p(f)}/findings` }) },
    'GET /playbooks/{id}/export': { need: 'read published', prepare: async (f) => ({ path: `${p(f)}/export?format=md` }) },
    'GET /playbooks/{id}/access': { need: 'see sharing', prepare: async (f) => ({ path: `${p(f)}/access` }) },
    'PUT /playbooks/{id}/access': {
      need: 'share or delete',
      prepare: async (f) => ({ path: `${p(f)}/access`, body: await currentSharing(f) }),
    },
    'GET /trash': { need: 'an admin', prepare: async () => ({ path: '/trash' }) },
    'POST /trash/{id}/restore': {
      need: 'an admin',
      prepare: async (f) => {
        const id = await sharedPlaybook(f);
        await asOwner(f, 'DELETE', `/playbooks/${id}`);
        return { path: `/trash/${id}/restore` };
      },
    },
    'GET /playbooks/{id}/versions': { need: 'read live', prepare: async (f) => ({ path: `${p(f)}/versions` }) },
    'POST /playbooks/{id}/versions': { need: 'edit', prepare: async (f) => ({ path: `${p(f)}/versions`, body: { label: 'Checked in' } }) },
    'GET /playbooks/{id}/versions/{number}': { need: 'read live', prepare: async (f) => ({ path: `${p(f)}/versions/1` }) },
    'POST /playbooks/{id}/versions/{number}/publish': { need: 'publish', prepare: async (f) => ({ path: `${p(f)}/versions/1/publish` }) },
    'POST /playbooks/{id}/versions/{number}/restore': { need: 'publish', prepare: async (f) => ({ path: `${p(f)}/versions/1/restore` }) },
    'GET /playbooks/{id}/diff': { need: 'read live', prepare: async (f) => ({ path: `${p(f)}/diff?from=1&to=live` }) },
    'POST /playbooks/{id}/webhooks': {
      need: 'manage webhooks',
      prepare: async (f) => ({ path: `${p(f)}/webhooks`, body: { url: 'http://127.0.0.1:9/hook', events: ['version.created'] } }),
    },
    'GET /playbooks/{id}/webhooks': { need: 'manage webhooks', prepare: async (f) => ({ path: `${p(f)}/webhooks` }) },
    'PATCH /playbooks/{id}/webhooks/{webhookId}': {
      need: 'manage webhooks',
      prepare: async (f) => ({ path: `${p(f)}/webhooks/${f.webhookId}`, body: { active: false } }),
    },
    'DELETE /playbooks/{id}/webhooks/{webhookId}': {
      need: 'manage webhooks',
      prepare: async (f) => ({ path: `${p(f)}/webhooks/${await pausedWebhook(f)}` }),
    },
    'GET /playbooks/{id}/webhooks/{webhookId}/deliveries': {
      need: 'manage webhooks',
      prepare: async (f) => ({ path: `${p(f)}/webhooks/${f.webhookId}/deliveries` }),
    },
    'GET /setup': { need: 'nothing', prepare: async () => ({ path: '/setup' }) },
    'POST /setup': {
      need: 'already set up',
      prepare: async () => ({
        path: '/setup',
        body: { token: 'x'.repeat(32), email: 'late@fullcourt.test', name: 'Late', password: 'late-password-1' },
      }),
    },
    'GET /me': { need: 'a person', prepare: async () => ({ path: '/me' }) },
    'PATCH /me': { need: 'a person', prepare: async () => ({ path: '/me', body: { color: '#047857' } }) },
    'GET /me/sessions': { need: 'a person', prepare: async () => ({ path: '/me/sessions' }) },
    'GET /users': { need: 'a person', prepare: async () => ({ path: '/users' }) },
    'POST /users': {
      need: 'an admin',
      prepare: async () => ({
        path: '/users',
        body: { email: `new-${nanoid(6)}@fullcourt.test`, name: 'New Person', password: 'new-password-1' },
      }),
    },
    'PATCH /users/{userId}': {
      need: 'an admin',
      prepare: async (f) => ({ path: `/users/${(await addPerson(f.server.url)).id}`, body: { teams: ['marketing'] } }),
    },
    'GET /teams': { need: 'a person', prepare: async () => ({ path: '/teams' }) },
    'POST /teams': { need: 'an admin', prepare: async () => ({ path: '/teams', body: { name: `Team ${nanoid(6)}` } }) },
    'PATCH /teams/{teamId}': {
      need: 'an admin',
      prepare: async (f) => ({ path: `/teams/${await newTeam(f)}`, body: { name: `Renamed ${nanoid(6)}` } }),
    },
    'DELETE /teams/{teamId}': { need: 'an admin', prepare: async (f) => ({ path: `/teams/${await newTeam(f)}` }) },
    'POST /invitations': {
      need: 'an admin',
      prepare: async () => ({ path: '/invitations', body: { email: `invitee-${nanoid(6)}@fullcourt.test` } }),
    },
    'GET /invitations': { need: 'an admin', prepare: async () => ({ path: '/invitations' }) },
    'DELETE /invitations/{invitationId}': {
      need: 'an admin',
      prepare: async (f) => ({ path: `/invitations/${(await newInvitation(f)).id}` }),
    },
    'POST /invitations/lookup': {
      need: 'nothing',
      prepare: async (f) => ({ path: '/invitations/lookup', body: { token: (await newInvitation(f)).token } }),
    },
    'POST /invitations/accept': {
      need: 'nothing',
      prepare: async (f) => ({
        path: '/invitations/accept',
        body: { token: (await newInvitation(f)).token, name: 'Invited Person', password: 'invited-password-1' },
      }),
    },
    'POST /tokens': { need: 'a person', prepare: async () => ({ path: '/tokens', body: { name: 'A tool', scopes: ['read'] } }) },
    'GET /tokens': { need: 'a person', prepare: async () => ({ path: '/tokens' }) },
    'DELETE /tokens/{tokenId}': {
      need: 'a person',
      prepare: async (f, caller) => {
        const holder = caller in f.people ? f.people[caller as keyof Fixture['people']].headers : {};
        return { path: `/tokens/${(await createToken(f.server.url, { scopes: ['read'] }, holder)).id}` };
      },
    },
    'GET /audit': { need: 'an admin', prepare: async () => ({ path: '/audit' }) },
    'POST /admin/backup': { need: 'an owner', prepare: async () => ({ path: '/admin/backup' }) },
  };
  for (const section of sections) {
    const base = (f: Fixture) => `/playbooks/${f.playbookId}/${section}`;
    table[`GET /playbooks/{id}/${section}`] = { need: 'read published', prepare: async (f) => ({ path: base(f) }) };
    table[`GET /playbooks/{id}/${section}/{itemId}`] = {
      need: 'read published',
      prepare: async (f) => ({ path: `${base(f)}/${(await firstItem(f, section)).id}` }),
    };
    table[`POST /playbooks/{id}/${section}`] = {
      need: 'edit',
      prepare: async (f) => ({ path: base(f), body: { item: { ...(await firstItem(f, section)), id: `copy-${nanoid(8)}` } } }),
    };
    table[`PATCH /playbooks/{id}/${section}/{itemId}`] = {
      need: 'edit',
      prepare: async (f) => {
        const item = await firstItem(f, section);
        const [field, value] = Object.entries(item).find(([k, v]) => k !== 'id' && typeof v === 'string') ?? ['id', item.id];
        return { path: `${base(f)}/${item.id}`, body: { [field]: value } };
      },
    };
    table[`DELETE /playbooks/{id}/${section}/{itemId}`] = {
      need: 'edit',
      prepare: async (f) => {
        const copy = { ...(await firstItem(f, section)), id: `doomed-${nanoid(8)}` };
        const added = await asOwner(f, 'POST', `/playbooks/${f.playbookId}/${section}`, { item: copy });
        expect(added.status).toBe(201);
        return { path: `${base(f)}/${copy.id}` };
      },
    };
  }
  // These end sessions: they run last, each on a fresh session of its own.
  const sessionEnders: Record<string, { need: Need; prepare: Prepare }> = {
    'DELETE /me/sessions/{sessionId}': {
      need: 'a person',
      prepare: async (f, caller) => {
        const person = f.people[caller as keyof Fixture['people']];
        if (!person) return { path: '/me/sessions/none' };
        const cookie = await signIn(f.server.url, person.email, person.password);
        const spare = await signIn(f.server.url, person.email, person.password);
        const sessions = await api<{ items: { id: string; current: boolean; createdAt: string }[] }>(
          f.server.url,
          'GET',
          '/api/v1/me/sessions',
          undefined,
          { cookie: spare },
        );
        const spareId = sessions.json.items.find((s) => s.current)?.id;
        return { path: `/me/sessions/${spareId}`, headers: { cookie } };
      },
    },
    'POST /me/password': {
      need: 'a person',
      prepare: async (f, caller) => {
        const person = f.people[caller as keyof Fixture['people']];
        const body = { currentPassword: person?.password ?? 'whatever-1', newPassword: person?.password ?? 'whatever-1' };
        return person
          ? { path: '/me/password', body, headers: { cookie: await signIn(f.server.url, person.email, person.password) } }
          : { path: '/me/password', body };
      },
    },
    'DELETE /me/sessions': {
      need: 'a person',
      prepare: async (f, caller) => {
        const person = f.people[caller as keyof Fixture['people']];
        return person
          ? { path: '/me/sessions', headers: { cookie: await signIn(f.server.url, person.email, person.password) } }
          : { path: '/me/sessions' };
      },
    },
  };
  Object.assign(table, sessionEnders);
  return table;
}

const asOwner = (f: Fixture, method: string, path: string, body?: unknown) =>
  api<Record<string, unknown>>(f.server.url, method, `/api/v1${path}`, body);

async function firstItem(f: Fixture, section: string): Promise<{ id: string } & Record<string, unknown>> {
  const res = await asOwner(f, 'GET', `/playbooks/${f.playbookId}/${section}?version=live`);
  const item = (res.json.items as ({ id: string } & Record<string, unknown>)[])[0];
  if (!item) throw new Error(`the starter playbook has no ${section}`);
  return item;
}

async function currentSharing(f: Fixture) {
  const res = await asOwner(f, 'GET', `/playbooks/${f.playbookId}/access`);
  const grants = (res.json.grants as { subjectKind: string; subjectId: string; role: string }[]).map(
    ({ subjectKind, subjectId, role }) => ({
      subjectKind,
      subjectId,
      role,
    }),
  );
  return { defaultAccess: res.json.defaultAccess, grants };
}

/** A new playbook shared exactly like the fixture's (for operations that use one up). */
async function sharedPlaybook(f: Fixture): Promise<string> {
  const res = await asOwner(f, 'POST', '/playbooks', { title: 'Disposable' });
  const id = res.json.id as string;
  const sharing = await currentSharing(f);
  await share(f.server.url, id, sharing.defaultAccess as 'none', sharing.grants as never);
  return id;
}

async function pausedWebhook(f: Fixture): Promise<string> {
  const res = await asOwner(f, 'POST', `/playbooks/${f.playbookId}/webhooks`, {
    url: 'http://127.0.0.1:9/hook',
    events: ['version.created'],
  });
  await asOwner(f, 'PATCH', `/playbooks/${f.playbookId}/webhooks/${res.json.id}`, { active: false });
  return res.json.id as string;
}

async function newTeam(f: Fixture): Promise<string> {
  return (await asOwner(f, 'POST', '/teams', { name: `Team ${nanoid(6)}` })).json.id as string;
}

async function newInvitation(f: Fixture): Promise<{ id: string; token: string }> {
  const res = await asOwner(f, 'POST', '/invitations', { email: `invitee-${nanoid(6)}@fullcourt.test`, role: 'viewer' });
  return { id: res.json.id as string, token: res.json.token as string };
}

function headersOf(f: Fixture, caller: Caller): Record<string, string> {
  if (caller === 'anonymous') return anonymous;
  if (caller.startsWith('token ')) return f.tokens[caller as keyof Fixture['tokens']].headers;
  return f.people[caller as keyof Fixture['people']].headers;
}

describe('the access policy, operation by operation', () => {
  let f: Fixture;

  beforeAll(async () => {
    // Every operation times every caller is some hundreds of writes from one address: lift the
    // per-address limit. The fixture's webhooks point at a closed loopback port, which must be allowed.
    const server = await startTestServer({ HTTP_WRITES_PER_MINUTE: '1000000', WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
    const url = server.url;
    const people = {
      'workspace viewer': await addPerson(url, { name: 'Wanda Viewer', role: 'viewer' }),
      viewer: await addPerson(url, { name: 'Vic Viewer' }),
      editor: await addPerson(url, { name: 'Eda Editor' }),
      manager: await addPerson(url, { name: 'Max Manager' }),
      outsider: await addPerson(url, { name: 'Otto Outsider' }),
      admin: await addPerson(url, { name: 'Ada Admin', role: 'admin' }),
    };
    const playbookId = (await api<{ id: string }>(url, 'POST', '/api/v1/playbooks', { title: 'Restricted', template: 'starter' })).json.id;
    const otherPlaybookId = (await api<{ id: string }>(url, 'POST', '/api/v1/playbooks', { title: 'Another', template: 'empty' })).json.id;
    // The workspace viewer holds an editor grant: the cap at viewer is what the table checks.
    await share(url, playbookId, 'none', [
      { subjectKind: 'user', subjectId: people['workspace viewer'].id, role: 'editor' },
      { subjectKind: 'user', subjectId: people.viewer.id, role: 'viewer' },
      { subjectKind: 'user', subjectId: people.editor.id, role: 'editor' },
      { subjectKind: 'user', subjectId: people.manager.id, role: 'manager' },
    ]);
    expect((await api(url, 'POST', `/api/v1/playbooks/${playbookId}/versions`, { label: 'First' })).status).toBe(201);
    expect((await api(url, 'POST', `/api/v1/playbooks/${playbookId}/versions/1/publish`)).status).toBe(200);
    const webhook = await api<{ id: string }>(url, 'POST', `/api/v1/playbooks/${playbookId}/webhooks`, {
      url: 'http://127.0.0.1:9/hook',
      events: ['version.created'],
    });
    // Paused, so nothing is ever sent while the table publishes.
    await api(url, 'PATCH', `/api/v1/playbooks/${playbookId}/webhooks/${webhook.json.id}`, { active: false });
    const token = (scopes: ('read' | 'read:live' | 'write' | 'publish' | 'webhooks' | 'backup')[], playbooks?: string[]) =>
      createToken(url, { scopes, ...(playbooks ? { playbooks } : {}) });
    const tokens = {
      'token read': await token(['read']),
      'token read:live': await token(['read:live']),
      'token write': await token(['write']),
      'token publish': await token(['publish']),
      'token webhooks': await token(['webhooks']),
      'token for another playbook': await token(['read', 'read:live', 'write', 'publish', 'webhooks', 'backup'], [otherPlaybookId]),
      'token backup': await token(['backup']),
    };
    f = { server, playbookId, otherPlaybookId, webhookId: webhook.json.id, people, tokens };
  });

  afterAll(() => f?.server.close());

  it('has an entry for every operation in the OpenAPI document, and none for operations it lacks', async () => {
    const doc = await api<{ paths: Record<string, Record<string, unknown>> }>(
      f.server.url,
      'GET',
      '/api/openapi.json',
      undefined,
      anonymous,
    );
    const documented = Object.entries(doc.json.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(documented.filter((op) => !(op in operations())).sort()).toEqual([]);
    expect(Object.keys(operations()).filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('lists for each caller only the playbooks they may read', async () => {
    const titles = async (caller: Caller) =>
      (
        (await api<{ items: { title: string }[] }>(f.server.url, 'GET', '/api/v1/playbooks', undefined, headersOf(f, caller))).json.items ??
        []
      ).map((p) => p.title);
    expect(await titles('viewer')).toContain('Restricted');
    expect(await titles('outsider')).not.toContain('Restricted');
    expect(await titles('token for another playbook')).toEqual(['Another']);
  });

  it('answers every operation, for every caller, as the table says', async () => {
    const mismatches: string[] = [];
    for (const [operation, { need, prepare }] of Object.entries(operations())) {
      const [method] = operation.split(' ') as [string];
      for (const caller of callers) {
        const call = await prepare(f, caller);
        const res = await api(f.server.url, method, `/api/v1${call.path}`, call.body, call.headers ?? headersOf(f, caller));
        const expected = outcomes[need][caller];
        const matches = expected === ok ? res.status >= 200 && res.status < 300 : res.status === expected;
        if (!matches) mismatches.push(`${operation} as ${caller}: expected ${expected}, got ${res.status} ${res.text.slice(0, 160)}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});
