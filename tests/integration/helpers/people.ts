import type { TokenScope, WorkspaceRole } from '../../../apps/server/src/db/accountStorage';
import { api } from './api';
import { signIn } from './auth';

export interface TestPerson {
  id: string;
  name: string;
  email: string;
  password: string;
  /** Their session, as request headers. */
  headers: { cookie: string };
}

let counter = 0;

/** Creates a person through the API (as the owner) and signs them in. */
export async function addPerson(
  base: string,
  input: { name?: string; role?: WorkspaceRole; teams?: string[]; email?: string; password?: string } = {},
): Promise<TestPerson> {
  counter += 1;
  const name = input.name ?? `Person ${counter}`;
  const email = input.email ?? `person-${counter}-${Date.now()}@fullcourt.test`;
  const password = input.password ?? `password-${counter}-long`;
  const res = await api<{ id: string }>(base, 'POST', '/api/v1/users', {
    email,
    name,
    password,
    role: input.role ?? 'member',
    teams: input.teams ?? [],
  });
  if (res.status !== 201) throw new Error(`creating ${email} answered ${res.status}: ${res.text}`);
  return { id: res.json.id, name, email, password, headers: { cookie: await signIn(base, email, password) } };
}

/** Gives people or teams roles on a playbook, with a default access for everyone else (as the owner). */
export async function share(
  base: string,
  playbookId: string,
  defaultAccess: 'edit' | 'view' | 'none',
  grants: { subjectKind: 'user' | 'team'; subjectId: string; role: 'viewer' | 'editor' | 'manager' }[] = [],
): Promise<void> {
  const res = await api(base, 'PUT', `/api/v1/playbooks/${playbookId}/access`, { defaultAccess, grants });
  if (res.status !== 200) throw new Error(`sharing ${playbookId} answered ${res.status}: ${res.text}`);
}

/** Creates an API token (as the owner, or as `headers`' person) and returns its secret as request headers. */
export async function createToken(
  base: string,
  input: { name?: string; scopes: TokenScope[]; playbooks?: string[]; kind?: 'personal' | 'integration'; expiresAt?: string },
  headers: Record<string, string> = {},
): Promise<{ id: string; token: string; headers: { authorization: string } }> {
  const res = await api<{ id: string; token: string }>(
    base,
    'POST',
    '/api/v1/tokens',
    { name: input.name ?? 'test token', ...input },
    headers,
  );
  if (res.status !== 201) throw new Error(`creating a token answered ${res.status}: ${res.text}`);
  return { id: res.json.id, token: res.json.token, headers: { authorization: `Bearer ${res.json.token}` } };
}
