import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAuditEvents } from '../../../commands/auditLog';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { pageQuery } from '../../pagination';
import { requires } from '../../security';
import { validationHook } from '../../validation';

const eventSchema = z
  .object({
    seq: z.number().int(),
    at: z.string().datetime(),
    actor: z.object({ id: z.string().nullable(), name: z.string(), kind: z.string() }),
    action: z.string().openapi({ example: 'playbook.sharing_changed' }),
    target: z.object({ kind: z.string(), id: z.string() }).nullable(),
    detail: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .openapi('AuditEvent');

/** GET /audit: who did what, when, from where (owners and admins). */
export function auditRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      tags: ['Audit'],
      summary: 'The audit log, newest first (owners and admins)',
      description:
        'Sign-ins and failed sign-ins, invitations, role and team changes, sharing changes, tokens created and revoked, publish, restore, delete and webhook changes.',
      ...requires('audit.read'),
      request: {
        query: z.object({
          limit: pageQuery.limit,
          before: z.coerce
            .number()
            .int()
            .positive()
            .optional()
            .openapi({ param: { name: 'before', in: 'query' }, description: 'Sequence number to page back from (nextBefore)' }),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(eventSchema), nextBefore: z.number().int().nullable() }), 'A page of events'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      const events = await listAuditEvents(services, c.var.actor, { limit, before });
      return c.json(
        {
          items: events.map((e) => ({
            seq: e.seq,
            at: e.at.toISOString(),
            actor: { id: e.actorId, name: e.actorName, kind: e.actorKind },
            action: e.action,
            target: e.targetKind && e.targetId ? { kind: e.targetKind, id: e.targetId } : null,
            detail: e.detail,
            ip: e.ip,
          })),
          nextBefore: events.length === limit ? (events.at(-1)?.seq ?? null) : null,
        },
        200,
      );
    },
  );
}
