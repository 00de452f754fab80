import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from './helpers/api';
import { anonymous, cookieFrom, owner, signIn } from './helpers/auth';
import { startChildServer } from './helpers/childServer';
import { addPerson } from './helpers/people';
import { closeAllTestServers, startTestServer } from './helpers/testServer';
import { queryStored } from './helpers/testStorage';

afterEach(closeAllTestServers);

const signInRaw = (base: string, email: string, password: string, origin = new URL(base).origin) =>
  fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only behind https, and leaves the token out of the body', async () => {
    const server = await startTestServer();
    const res = await signInRaw(server.url, owner.email, owner.password);
    expect(res.status).toBe(200);
    const [cookie] = res.headers.getSetCookie();
    expect(cookie).toMatch(/^fullcourt\.session_token=/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).not.toMatch(/; Secure/i);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty('token');

    // Behind a TLS proxy: the proxy reaches it on loopback, browsers show the public origin.
    const secure = await startTestServer({ PUBLIC_URL: 'https://playbook.example.com', ALLOWED_HOSTS: '127.0.0.1' });
    const [secureCookie] = (
      await signInRaw(secure.url, owner.email, owner.password, 'https://playbook.example.com')
    ).headers.getSetCookie();
    expect(secureCookie).toMatch(/^__Secure-fullcourt\.session_token=/);
    expect(secureCookie).toMatch(/; Secure/i);
  });

  it('has no open sign-up: people join by invitation', async () => {
    const server = await startTestServer();
    const res = await api(
      server.url,
      'POST',
      '/api/auth/sign-up/email',
      { email: 'me@x.test', password: 'long-enough-1', name: 'Me' },
      anonymous,
    );
    expect(res.status).toBe(404);
    expect((await signInRaw(server.url, 'me@x.test', 'long-enough-1')).status).toBe(401);
  });

  it('refuses further attempts with 429 and Retry-After once an account or an address has failed too often', async () => {
    const server = await startTestServer({ SIGN_IN_ATTEMPTS_PER_ACCOUNT: '3', SIGN_IN_ATTEMPTS_PER_ADDRESS: '6' });
    for (let i = 0; i < 3; i++) expect((await signInRaw(server.url, owner.email, 'not-the-password')).status).toBe(401);
    const limited = await signInRaw(server.url, owner.email, owner.password);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { type: string }).type).toBe('/problems/rate-limited');
    // Three more failures on other accounts spend the address's six.
    for (const email of ['a@x.test', 'b@x.test', 'c@x.test'])
      expect((await signInRaw(server.url, email, 'whatever-it-is')).status).toBe(401);
    expect((await signInRaw(server.url, 'd@x.test', 'whatever-it-is')).status).toBe(429);
  });

  it('logs failed sign-ins with the email and address, never the password', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const child = await startChildServer(mkdtempSync(join(tmpdir(), 'fullcourt-signin-')));
    try {
      expect((await signInRaw(child.url, owner.email, 'Tr0ub4dor&3-guess')).status).toBe(401);
      // The log line arrives on the child's stdout, which may come after the response.
      await expect
        .poll(() => child.logs.find((l) => l.msg === 'failed sign-in'))
        .toMatchObject({ email: owner.email, address: '127.0.0.1' });
      expect(JSON.stringify(child.logs)).not.toContain('Tr0ub4dor');
    } finally {
      child.process.kill('SIGTERM');
      await child.exited;
    }
  });

  it('changing the password ends every other session, and only the new password works', async () => {
    const server = await startTestServer();
    const sam = await addPerson(server.url, { name: 'Sam' });
    const laptop = sam.headers;
    const phone = { cookie: await signIn(server.url, sam.email, sam.password) };
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, phone)).status).toBe(200);

    const res = await fetch(`${server.url}/api/v1/me/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, ...laptop },
      body: JSON.stringify({ currentPassword: sam.password, newPassword: 'a-brand-new-password' }),
    });
    expect(res.status).toBe(204);
    const fresh = { cookie: cookieFrom(res) };
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, phone)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, laptop)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, fresh)).status).toBe(200);
    expect((await signInRaw(server.url, sam.email, sam.password)).status).toBe(401);
    expect((await signInRaw(server.url, sam.email, 'a-brand-new-password')).status).toBe(200);
  });

  it('lists my sessions and signs one out, or all of them', async () => {
    const server = await startTestServer();
    const sam = await addPerson(server.url);
    const other = { cookie: await signIn(server.url, sam.email, sam.password) };
    const sessions = await api<{ items: { id: string; current: boolean }[] }>(
      server.url,
      'GET',
      '/api/v1/me/sessions',
      undefined,
      sam.headers,
    );
    expect(sessions.json.items).toHaveLength(2);
    const otherId = sessions.json.items.find((s) => !s.current)?.id;
    expect((await api(server.url, 'DELETE', `/api/v1/me/sessions/${otherId}`, undefined, sam.headers)).status).toBe(204);
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, other)).status).toBe(401);
    expect((await api(server.url, 'DELETE', '/api/v1/me/sessions', undefined, sam.headers)).status).toBe(204);
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, sam.headers)).status).toBe(401);
  });
});

describe('the first run', () => {
  it('prints a one-time setup link where the first person creates the owner account, and nobody can use it twice', async () => {
    const server = await startTestServer({ FULLCOURT_OWNER_EMAIL: '', FULLCOURT_OWNER_PASSWORD: '' });
    expect(server.setupUrl).toMatch(/\/setup\?token=[\w-]{20,}$/);
    const token = new URL(server.setupUrl as string).searchParams.get('token') as string;
    expect((await api<{ required: boolean }>(server.url, 'GET', '/api/v1/setup', undefined, anonymous)).json.required).toBe(true);
    const body = { token, email: 'founder@fullcourt.test', name: 'Fran Founder', password: 'founder-password' };
    expect((await api(server.url, 'POST', '/api/v1/setup', { ...body, token: 'x'.repeat(32) }, anonymous)).status).toBe(410);

    const created = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { role: string }).role).toBe('owner');
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, { cookie: cookieFrom(created) })).status).toBe(200);
    expect((await api(server.url, 'POST', '/api/v1/setup', { ...body, email: 'second@fullcourt.test' }, anonymous)).status).toBe(409);
    expect((await api<{ required: boolean }>(server.url, 'GET', '/api/v1/setup', undefined, anonymous)).json.required).toBe(false);
    const teams = await api<{ items: { name: string }[] }>(server.url, 'GET', '/api/v1/teams', undefined, { cookie: cookieFrom(created) });
    expect(teams.json.items.map((t) => t.name)).toEqual(['Community', 'Marketing', 'Product', 'Sales']);
  });

  it('creates the owner from FULLCOURT_OWNER_EMAIL and FULLCOURT_OWNER_PASSWORD, with no setup link', async () => {
    const server = await startTestServer();
    expect(server.setupUrl).toBeUndefined();
    const me = await api<{ email: string; role: string; name: string }>(server.url, 'GET', '/api/v1/me');
    expect(me.json).toMatchObject({ email: owner.email, role: 'owner', name: owner.name });
  });
});

describe('invitations', () => {
  it('gives a single-use link: the invited person sets name and password, is signed in with the role and teams given', async () => {
    const server = await startTestServer();
    const invited = await api<{ url: string; token: string }>(server.url, 'POST', '/api/v1/invitations', {
      email: 'Vera@Fullcourt.test',
      role: 'viewer',
      teams: ['sales'],
    });
    expect(invited.status).toBe(201);
    expect(invited.json.url).toBe(`${server.url}/invite?token=${invited.json.token}`);
    const { token } = invited.json;
    expect((await api<{ email: string }>(server.url, 'POST', '/api/v1/invitations/lookup', { token }, anonymous)).json.email).toBe(
      'vera@fullcourt.test',
    );

    const accepted = await fetch(`${server.url}/api/v1/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Vera Viewer', password: 'vera-password-1' }),
    });
    expect(accepted.status).toBe(201);
    const me = await api<{ role: string; teamIds: string[] }>(server.url, 'GET', '/api/v1/me', undefined, { cookie: cookieFrom(accepted) });
    expect(me.json).toMatchObject({ role: 'viewer', teamIds: ['sales'] });

    const again = await api(
      server.url,
      'POST',
      '/api/v1/invitations/accept',
      { token, name: 'Mallory', password: 'mallory-password' },
      anonymous,
    );
    expect(again.status).toBe(410);
    expect((await api(server.url, 'POST', '/api/v1/invitations/lookup', { token }, anonymous)).status).toBe(410);
  });

  it('refuses an expired or revoked link', async () => {
    const server = await startTestServer();
    const expiring = await api<{ id: string; token: string }>(server.url, 'POST', '/api/v1/invitations', { email: 'late@fullcourt.test' });
    await queryStored(server.dataDir, 'UPDATE invitations SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      expiring.json.id,
    ]);
    const late = await api(
      server.url,
      'POST',
      '/api/v1/invitations/accept',
      { token: expiring.json.token, name: 'Late', password: 'late-password-1' },
      anonymous,
    );
    expect(late.status).toBe(410);

    const revoked = await api<{ id: string; token: string }>(server.url, 'POST', '/api/v1/invitations', { email: 'gone@fullcourt.test' });
    expect((await api(server.url, 'DELETE', `/api/v1/invitations/${revoked.json.id}`)).status).toBe(204);
    expect((await api(server.url, 'POST', '/api/v1/invitations/lookup', { token: revoked.json.token }, anonymous)).status).toBe(410);
  });
});

describe('people and roles', () => {
  it('lets only owners make owners, and never removes the last owner', async () => {
    const server = await startTestServer();
    const admin = await addPerson(server.url, { role: 'admin' });
    const member = await addPerson(server.url);
    expect((await api(server.url, 'PATCH', `/api/v1/users/${member.id}`, { role: 'owner' }, admin.headers)).status).toBe(403);
    expect((await api(server.url, 'PATCH', `/api/v1/users/${member.id}`, { role: 'viewer' }, admin.headers)).status).toBe(200);
    const me = await api<{ id: string }>(server.url, 'GET', '/api/v1/me');
    expect((await api(server.url, 'PATCH', `/api/v1/users/${me.json.id}`, { role: 'admin' })).status).toBe(400);
    expect((await api(server.url, 'PATCH', `/api/v1/users/${member.id}`, { role: 'owner' })).status).toBe(200);
  });

  it('deactivating someone ends their sessions and stops their tokens; they cannot sign in until reactivated', async () => {
    const server = await startTestServer();
    const sam = await addPerson(server.url);
    const token = await api<{ token: string }>(server.url, 'POST', '/api/v1/tokens', { name: 'Sam’s tool', scopes: ['read'] }, sam.headers);
    const bearer = { authorization: `Bearer ${token.json.token}` };
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, bearer)).status).toBe(200);

    expect((await api(server.url, 'PATCH', `/api/v1/users/${sam.id}`, { deactivated: true })).status).toBe(200);
    expect((await api(server.url, 'GET', '/api/v1/me', undefined, sam.headers)).status).toBe(401);
    expect((await api(server.url, 'GET', '/api/v1/playbooks', undefined, bearer)).status).toBe(401);
    expect((await signInRaw(server.url, sam.email, sam.password)).status).toBe(403);

    expect((await api(server.url, 'PATCH', `/api/v1/users/${sam.id}`, { deactivated: false })).status).toBe(200);
    expect((await signInRaw(server.url, sam.email, sam.password)).status).toBe(200);
  });
});
