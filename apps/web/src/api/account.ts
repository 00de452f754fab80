import type { InferRequestType, InferResponseType } from 'hono/client';
import { body, live, v1 } from './client';
import { request } from './request';

/** A person as the server shows them (GET /api/v1/me, /api/v1/users). */
export type Person = InferResponseType<typeof v1.me.$get, 200>;
export type WorkspaceRole = Person['role'];
export type Team = InferResponseType<typeof v1.teams.$get, 200>['items'][number];
export type SessionInfo = InferResponseType<typeof v1.me.sessions.$get, 200>['items'][number];
export type ApiToken = InferResponseType<typeof v1.tokens.$get, 200>['items'][number];
export type TokenScope = ApiToken['scopes'][number];
export type AuditEvent = InferResponseType<typeof v1.audit.$get, 200>['items'][number];
export type TrashedPlaybook = InferResponseType<typeof live.trash.$get, 200>['items'][number];

export const getMe = () => body(v1.me.$get());
export const updateMe = (patch: { name?: string; color?: string }) => body(v1.me.$patch({ json: patch }));
// better-auth's own routes sit outside the typed tree.
export const signIn = (email: string, password: string) =>
  request<{ user: { id: string } }>('/api/auth/sign-in/email', { method: 'POST', body: JSON.stringify({ email, password }) });
export const signOut = () => request<unknown>('/api/auth/sign-out', { method: 'POST', body: '{}' });
export const changePassword = (currentPassword: string, newPassword: string) =>
  body(v1.me.password.$post({ json: { currentPassword, newPassword } })).then(() => undefined);
export const listSessions = () => body(v1.me.sessions.$get()).then((r) => r.items);
export const revokeSession = (sessionId: string) =>
  body(v1.me.sessions[':sessionId'].$delete({ param: { sessionId } })).then(() => undefined);
export const signOutEverywhere = () => body(v1.me.sessions.$delete()).then(() => undefined);

export const setupStatus = () => body(v1.setup.$get());
export const completeSetup = (input: InferRequestType<typeof v1.setup.$post>['json']) => body(v1.setup.$post({ json: input }));
export const lookUpInvitation = (token: string) => body(v1.invitations.lookup.$post({ json: { token } }));
export const acceptInvitation = (input: InferRequestType<typeof v1.invitations.accept.$post>['json']) =>
  body(v1.invitations.accept.$post({ json: input }));

export const listPeople = () => body(v1.users.$get()).then((r) => r.items);
export const updatePerson = (userId: string, patch: InferRequestType<(typeof v1.users)[':userId']['$patch']>['json']) =>
  body(v1.users[':userId'].$patch({ param: { userId }, json: patch }));
export const listTeams = () => body(v1.teams.$get()).then((r) => r.items);
export const createTeam = (name: string) => body(v1.teams.$post({ json: { name } }));
export const invite = (input: InferRequestType<typeof v1.invitations.$post>['json']) => body(v1.invitations.$post({ json: input }));

export const listTokens = () => body(v1.tokens.$get()).then((r) => r.items);
export const createToken = (input: InferRequestType<typeof v1.tokens.$post>['json']) => body(v1.tokens.$post({ json: input }));
export const revokeToken = (tokenId: string) => body(v1.tokens[':tokenId'].$delete({ param: { tokenId } })).then(() => undefined);

export const listAudit = (before?: number) =>
  body(v1.audit.$get({ query: { limit: '50', ...(before ? { before: String(before) } : {}) } }));

export const listTrash = () => body(live.trash.$get()).then((r) => r.items);
export const restoreFromTrash = (id: string) => body(live.trash[':id'].restore.$post({ param: { id } }));
export const deletePlaybook = (id: string) => body(live.playbooks[':id'].$delete({ param: { id } })).then(() => undefined);
