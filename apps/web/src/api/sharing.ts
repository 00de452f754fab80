import type { InferRequestType, InferResponseType } from 'hono/client';
import { body, live } from './client';

const access = live.playbooks[':id'].access;

/** GET /api/playbooks/{id}/access: who may do what, and what the caller may do. */
export type Sharing = InferResponseType<typeof access.$get, 200>;
export type SetSharing = InferRequestType<typeof access.$put>['json'];
/** A grant as shown (with the subject's name) or as sent (without). */
export type Grant = SetSharing['grants'][number] & { name?: string };
export type PlaybookRole = Grant['role'];
export type DefaultAccess = Sharing['defaultAccess'];

export const getSharing = (playbookId: string) => body(access.$get({ param: { id: playbookId } }));
export const setSharing = (playbookId: string, input: { defaultAccess: DefaultAccess; grants: Grant[] }) =>
  body(
    access.$put({
      param: { id: playbookId },
      json: {
        defaultAccess: input.defaultAccess,
        grants: input.grants.map(({ subjectKind, subjectId, role }) => ({ subjectKind, subjectId, role })),
      },
    }),
  );
