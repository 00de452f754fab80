import { request } from './request';

export type PlaybookRole = 'viewer' | 'editor' | 'manager';
export type DefaultAccess = 'edit' | 'view' | 'none';

export interface Grant {
  subjectKind: 'user' | 'team';
  subjectId: string;
  role: PlaybookRole;
  name?: string;
}

/** GET /api/playbooks/{id}/access: who may do what, and what the caller may do. */
export interface Sharing {
  defaultAccess: DefaultAccess;
  grants: Grant[];
  yourRole: PlaybookRole | null;
  youCan: { edit: boolean; share: boolean; publish: boolean };
}

export const getSharing = (playbookId: string) => request<Sharing>(`/api/playbooks/${encodeURIComponent(playbookId)}/access`);
export const setSharing = (playbookId: string, input: { defaultAccess: DefaultAccess; grants: Grant[] }) =>
  request<Sharing>(`/api/playbooks/${encodeURIComponent(playbookId)}/access`, {
    method: 'PUT',
    body: JSON.stringify({
      defaultAccess: input.defaultAccess,
      grants: input.grants.map(({ subjectKind, subjectId, role }) => ({ subjectKind, subjectId, role })),
    }),
  });
