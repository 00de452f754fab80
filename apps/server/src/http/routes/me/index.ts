import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { changePassword, getProfile, listOwnSessions, revokeOwnSession, signOutEverywhere, updateProfile } from '../../../commands/profile';
import type { Services } from '../../../commands/services';
import { forwardCookies } from '../../cookies';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { colorField, passwordField, personName, presentUser, userSchema } from '../users/schema';

const tags = ['Profile'];

const sessionSchema = z
  .object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string().datetime(),
    lastActiveAt: z.string().datetime(),
    expiresAt: z.string().datetime(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi('Session');

/** The signed-in person's own profile, password and sessions. */
export function meRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags,
        summary: 'Who I am: name, colour, role and teams',
        ...requires('profile.manage'),
        responses: { 200: json(userSchema, 'The signed-in person'), ...problemResponses(401, 403) },
      }),
      async (c) => c.json(presentUser(await getProfile(services, c.var.actor)), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/me',
        tags,
        summary: 'Change my name or colour (what collaborators see on my caret and avatar)',
        ...requires('profile.manage'),
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ name: personName.optional(), color: colorField.optional() }).openapi('UpdateProfile'),
              },
            },
          },
        },
        responses: { 200: json(userSchema, 'The profile'), ...problemResponses(400, 401, 403) },
      }),
      async (c) => c.json(presentUser(await updateProfile(services, c.var.actor, c.req.valid('json'))), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/password',
        tags,
        summary: 'Change my password; every other session of mine ends',
        ...requires('profile.manage'),
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordField }).openapi('ChangePassword'),
              },
            },
          },
        },
        responses: { 204: { description: 'Changed; a new session cookie is set' }, ...problemResponses(400, 401, 403) },
      }),
      async (c) => {
        forwardCookies(c, await changePassword(services, c.var.actor, c.req.raw.headers, c.req.valid('json')));
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/sessions',
        tags,
        summary: 'My signed-in sessions',
        ...requires('profile.manage'),
        responses: { 200: json(z.object({ items: z.array(sessionSchema) }), 'Sessions, oldest first'), ...problemResponses(401, 403) },
      }),
      async (c) => {
        const sessions = await listOwnSessions(services, c.var.actor);
        return c.json(
          {
            items: sessions.map((s) => ({
              id: s.id,
              current: s.id === c.var.actor.sessionId,
              createdAt: s.createdAt.toISOString(),
              lastActiveAt: s.updatedAt.toISOString(),
              expiresAt: s.expiresAt.toISOString(),
              ipAddress: s.ipAddress,
              userAgent: s.userAgent,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/sessions/{sessionId}',
        tags,
        summary: 'Sign out one of my sessions',
        ...requires('profile.manage'),
        request: {
          params: z.object({
            sessionId: z
              .string()
              .min(1)
              .max(128)
              .openapi({ param: { name: 'sessionId', in: 'path' } }),
          }),
        },
        responses: { 204: { description: 'Signed out' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await revokeOwnSession(services, c.var.actor, c.req.valid('param').sessionId);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/sessions',
        tags,
        summary: 'Sign out everywhere, this session included',
        ...requires('profile.manage'),
        responses: { 204: { description: 'Every session ended' }, ...problemResponses(401, 403) },
      }),
      async (c) => {
        await signOutEverywhere(services, c.var.actor);
        return c.body(null, 204);
      },
    );
}
