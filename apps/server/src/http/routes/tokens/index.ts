import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../commands/apiTokens';
import type { Services } from '../../../commands/services';
import type { ApiTokenRecord } from '../../../db';
import { tokenScopes } from '../../../db/accountStorage';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';

const tags = ['API tokens'];

const scopeSchema = z.enum(tokenScopes).openapi({
  description:
    'read: published versions; read:live: the live document and every version; write: edit and save versions; publish: publish and restore; webhooks: manage webhooks; backup: download a backup of the database (owners)',
});

const tokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters of the token, to tell tokens apart' }),
    kind: z.enum(['personal', 'integration']),
    userId: z.string(),
    scopes: z.array(scopeSchema),
    playbooks: z.array(z.string()).nullable(),
    createdAt: z.string().datetime(),
    expiresAt: z.string().datetime().nullable(),
    lastUsedAt: z.string().datetime().nullable(),
  })
  .openapi('ApiToken');

const createBody = z
  .object({
    name: z.string().trim().min(1, 'Name the token after the tool, e.g. "HubSpot sync"').max(80),
    scopes: z.array(scopeSchema).min(1, 'Give at least one scope'),
    playbooks: z.array(z.string().min(1).max(64)).min(1).max(100).optional().openapi({ description: 'Limit the token to these playbooks' }),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    kind: z.enum(['personal', 'integration']).default('personal').openapi({
      description: 'personal acts as you, capped by your role; integration (admins only) is workspace-wide',
    }),
  })
  .openapi('CreateApiToken');

const present = (t: ApiTokenRecord) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  kind: t.kind,
  userId: t.userId,
  scopes: t.scopes,
  playbooks: t.playbookIds,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

/** API tokens for other tools: `Authorization: Bearer fc_…` on /api/v1 and the collaboration socket. */
export function tokenRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/tokens',
        tags,
        summary: 'Create an API token; the token is in this response only',
        ...requires('profile.manage'),
        request: { body: { required: true, content: { 'application/json': { schema: createBody } } } },
        responses: {
          201: json(tokenSchema.extend({ token: z.string() }), 'The token and its secret'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { expiresAt, ...input } = c.req.valid('json');
        const { record, secret } = await createApiToken(services, c.var.actor, {
          ...input,
          expiresAt: expiresAt ? new Date(expiresAt) : undefined,
        });
        return c.json({ ...present(record), token: secret }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tokens',
        tags,
        summary: 'List my API tokens (owners and admins: everyone’s), never their secrets',
        ...requires('profile.manage'),
        responses: { 200: json(z.object({ items: z.array(tokenSchema) }), 'Tokens, newest first'), ...problemResponses(401, 403) },
      }),
      async (c) => c.json({ items: (await listApiTokens(services, c.var.actor)).map(present) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/tokens/{tokenId}',
        tags,
        summary: 'Revoke an API token; sockets opened with it close within a second',
        ...requires('profile.manage'),
        request: {
          params: z.object({
            tokenId: z
              .string()
              .min(1)
              .max(64)
              .openapi({ param: { name: 'tokenId', in: 'path' } }),
          }),
        },
        responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await revokeApiToken(services, c.var.actor, c.req.valid('param').tokenId);
        return c.body(null, 204);
      },
    );
}
