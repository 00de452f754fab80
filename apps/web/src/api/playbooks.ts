import type { InferRequestType, InferResponseType } from 'hono/client';
import { body, live } from './client';

/** The server's playbook summary, as GET /api/playbooks lists it. */
export type PlaybookSummary = InferResponseType<typeof live.playbooks.$get, 200>['items'][number];
/** What a new playbook starts from. */
export type PlaybookTemplate = NonNullable<InferRequestType<typeof live.playbooks.$post>['json']['template']>;

export const listPlaybooks = () => body(live.playbooks.$get({ query: {} })).then((r) => r.items);

/** Creates a playbook, filled by the server from the chosen template. */
export const createPlaybook = (title: string, template: PlaybookTemplate) => body(live.playbooks.$post({ json: { title, template } }));
