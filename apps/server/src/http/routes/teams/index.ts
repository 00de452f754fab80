import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Services } from '../../../commands/services';
import { createTeam, deleteTeam, listTeams, updateTeam } from '../../../commands/teamAdmin';
import type { TeamRecord } from '../../../db';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';

const tags = ['People'];

const teamSchema = z
  .object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()), createdAt: z.string().datetime() })
  .openapi('Team');
const teamName = z.string().trim().min(1, 'Name the team').max(60);
const memberIds = z.array(z.string().min(1).max(64)).max(1_000);
const teamIdParam = z.object({
  teamId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'teamId', in: 'path' } }),
});

const presentTeam = (t: TeamRecord) => ({ id: t.id, name: t.name, memberIds: t.memberIds, createdAt: t.createdAt.toISOString() });

/** Teams (Marketing, Sales, …): playbooks are shared with them; admins add and change them. */
export function teamRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/teams',
        tags,
        summary: 'List teams and their members',
        ...requires('people.read'),
        responses: { 200: json(z.object({ items: z.array(teamSchema) }), 'The teams'), ...problemResponses(401, 403) },
      }),
      async (c) => c.json({ items: (await listTeams(services, c.var.actor)).map(presentTeam) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/teams',
        tags,
        summary: 'Create a team (admins)',
        ...requires('people.manage'),
        request: {
          body: {
            required: true,
            content: {
              'application/json': { schema: z.object({ name: teamName, memberIds: memberIds.default([]) }).openapi('CreateTeam') },
            },
          },
        },
        responses: { 201: json(teamSchema, 'The new team'), ...problemResponses(400, 401, 403, 409) },
      }),
      async (c) => c.json(presentTeam(await createTeam(services, c.var.actor, c.req.valid('json'))), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/teams/{teamId}',
        tags,
        summary: 'Rename a team or replace its members (admins)',
        ...requires('people.manage'),
        request: {
          params: teamIdParam,
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ name: teamName.optional(), memberIds: memberIds.optional() }).openapi('UpdateTeam'),
              },
            },
          },
        },
        responses: { 200: json(teamSchema, 'The team'), ...problemResponses(400, 401, 403, 404, 409) },
      }),
      async (c) => c.json(presentTeam(await updateTeam(services, c.var.actor, c.req.valid('param').teamId, c.req.valid('json'))), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/teams/{teamId}',
        tags,
        summary: 'Delete a team (admins); what was shared with it no longer is',
        ...requires('people.manage'),
        request: { params: teamIdParam },
        responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await deleteTeam(services, c.var.actor, c.req.valid('param').teamId);
        return c.body(null, 204);
      },
    );
}
