import { request } from './request';

export type WorkspaceRole = 'owner' | 'admin' | 'member' | 'viewer';

/** A person as the server shows them (GET /api/v1/me, /api/v1/users). */
export interface Person {
  id: string;
  name: string;
  email: string;
  role: WorkspaceRole;
  color: string | null;
  teamIds: string[];
  deactivated: boolean;
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}

export interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastActiveAt: string;
  userAgent: string | null;
  ipAddress: string | null;
}

const json = (method: string, body?: unknown): RequestInit => ({ method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

export const getMe = () => request<Person>('/api/v1/me');
export const updateMe = (patch: { name?: string; color?: string }) => request<Person>('/api/v1/me', json('PATCH', patch));
export const signIn = (email: string, password: string) =>
  request<{ user: { id: string } }>('/api/auth/sign-in/email', json('POST', { email, password }));
export const signOut = () => request<unknown>('/api/auth/sign-out', json('POST', {}));
export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('/api/v1/me/password', json('POST', { currentPassword, newPassword }));
export const listSessions = () => request<{ items: SessionInfo[] }>('/api/v1/me/sessions').then((r) => r.items);
export const revokeSession = (id: string) => request<void>(`/api/v1/me/sessions/${encodeURIComponent(id)}`, json('DELETE'));
export const signOutEverywhere = () => request<void>('/api/v1/me/sessions', json('DELETE'));

export const setupStatus = () => request<{ required: boolean }>('/api/v1/setup');
export const completeSetup = (input: { token: string; email: string; name: string; password: string }) =>
  request<Person>('/api/v1/setup', json('POST', input));
export const lookUpInvitation = (token: string) =>
  request<{ email: string; role: string; expiresAt: string }>('/api/v1/invitations/lookup', json('POST', { token }));
export const acceptInvitation = (input: { token: string; name: string; password: string }) =>
  request<Person>('/api/v1/invitations/accept', json('POST', input));

export const listPeople = () => request<{ items: Person[] }>('/api/v1/users').then((r) => r.items);
export const updatePerson = (id: string, patch: { role?: WorkspaceRole; teams?: string[]; deactivated?: boolean }) =>
  request<Person>(`/api/v1/users/${encodeURIComponent(id)}`, json('PATCH', patch));
export const listTeams = () => request<{ items: Team[] }>('/api/v1/teams').then((r) => r.items);
export const createTeam = (name: string) => request<Team>('/api/v1/teams', json('POST', { name }));
export const invite = (input: { email: string; role: Exclude<WorkspaceRole, 'owner'>; teams: string[] }) =>
  request<{ url: string; email: string; expiresAt: string }>('/api/v1/invitations', json('POST', input));

export type TokenScope = 'read' | 'read:live' | 'write' | 'publish' | 'webhooks';
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  kind: 'personal' | 'integration';
  scopes: TokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
export const listTokens = () => request<{ items: ApiToken[] }>('/api/v1/tokens').then((r) => r.items);
export const createToken = (input: { name: string; scopes: TokenScope[]; kind: 'personal' | 'integration' }) =>
  request<ApiToken & { token: string }>('/api/v1/tokens', json('POST', input));
export const revokeToken = (id: string) => request<void>(`/api/v1/tokens/${encodeURIComponent(id)}`, json('DELETE'));

export interface AuditEvent {
  seq: number;
  at: string;
  actor: { name: string; kind: string };
  action: string;
  target: { kind: string; id: string } | null;
  ip: string | null;
}
export const listAudit = (before?: number) =>
  request<{ items: AuditEvent[]; nextBefore: number | null }>(`/api/v1/audit?limit=50${before ? `&before=${before}` : ''}`);

export interface TrashedPlaybook {
  id: string;
  title: string;
  deletedAt: string;
  purgeAt: string;
}
export const listTrash = () => request<{ items: TrashedPlaybook[] }>('/api/v1/trash').then((r) => r.items);
export const restoreFromTrash = (id: string) => request<unknown>(`/api/v1/trash/${encodeURIComponent(id)}/restore`, json('POST'));
export const deletePlaybook = (id: string) => request<void>(`/api/v1/playbooks/${encodeURIComponent(id)}`, json('DELETE'));
