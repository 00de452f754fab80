import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listPeople, provisionPerson, updatePerson } from '../../../commands/peopleAdmin';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { createUserBody, presentUser, updateUserBody, userIdParam, userSchema } from './schema';

const tags = ['People'];

/** People in the workspace: listed for everyone signed in, provisioned and changed by admins. */
export function userRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/users',
        tags,
        summary: 'List people, by name',
        ...requires('people.read'),
        responses: { 200: json(z.object({ items: z.array(userSchema) }), 'Everyone with an account'), ...problemResponses(401, 403) },
      }),
      async (c) => c.json({ items: (await listPeople(services, c.var.actor)).map(presentUser) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        tags,
        summary: 'Create an account directly, with a password (admins; for scripts)',
        ...requires('people.manage'),
        request: { body: { required: true, content: { 'application/json': { schema: createUserBody } } } },
        responses: { 201: json(userSchema, 'The new person'), ...problemResponses(400, 401, 403, 409) },
      }),
      async (c) => {
        const { teams, ...input } = c.req.valid('json');
        const user = await provisionPerson(services, c.var.actor, { ...input, teamIds: teams });
        return c.json(presentUser(user), 201, { Location: `${c.req.path}/${user.id}` });
      },
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/users/{userId}',
        tags,
        summary: "Change someone's role or teams, or deactivate them (admins)",
        description: 'Their open collaboration sockets are re-checked within a second: downgraded ones turn read-only, removed ones close.',
        ...requires('people.manage'),
        request: { params: userIdParam, body: { required: true, content: { 'application/json': { schema: updateUserBody } } } },
        responses: { 200: json(userSchema, 'The person after the change'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { teams, ...patch } = c.req.valid('json');
        const user = await updatePerson(services, c.var.actor, c.req.valid('param').userId, { ...patch, teamIds: teams });
        return c.json(presentUser(user), 200);
      },
    );
}
