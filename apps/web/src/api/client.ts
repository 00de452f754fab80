import { type ClientResponse, hc, parseResponse } from 'hono/client';
// Types only: the server's route tree, so every request and answer below is checked against the
// routes' own zod schemas and never written out a second time here.
import type { LiveApi, V1Api } from '../../../server/src/http/app';
import { apiFetch } from './request';

/** `/api/v1`: the documented API (versions, webhooks, people, tokens, audit). */
export const v1 = hc<V1Api>('/api/v1', { fetch: apiFetch });
/** `/api`: the same playbook routes reading the live document (the list, sharing, trash). */
export const live = hc<LiveApi>('/api', { fetch: apiFetch });

/** The success body of a typed call (apiFetch already turned failures into ApiError). */
export function body<T extends ClientResponse<unknown>>(call: Promise<T>) {
  return parseResponse(call);
}
