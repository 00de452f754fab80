import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getSharing, type PlaybookSharing, setSharing } from '../../../commands/playbookSharing';
import type { Services } from '../../../commands/services';
import { defaultAccessValues, playbookRoles } from '../../../db/accountStorage';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { playbookIdParam } from '../playbooks/schema';

const tags = ['Sharing'];

const grantSchema = z
  .object({
    subjectKind: z.enum(['user', 'team']),
    subjectId: z.string().min(1).max(64),
    role: z
      .enum(playbookRoles)
      .openapi({ description: 'viewer (read), editor (edit, save versions), manager (also share, publish, restore, webhooks, delete)' }),
  })
  .openapi('Grant');

const sharingBody = z
  .object({
    defaultAccess: z
      .enum(defaultAccessValues)
      .openapi({ description: 'What workspace members without a grant may do: edit, view, or none (restricted)' }),
    grants: z.array(grantSchema).max(500),
  })
  .openapi('SetSharing');

const sharingSchema = z
  .object({
    defaultAccess: z.enum(defaultAccessValues),
    grants: z.array(grantSchema.extend({ name: z.string() })),
    yourRole: z.enum(playbookRoles).nullable(),
    youCan: z.object({ edit: z.boolean(), share: z.boolean(), publish: z.boolean() }),
  })
  .openapi('Sharing');

const present = (s: PlaybookSharing) => s;

/** Who may read, edit and manage a playbook. */
export function accessRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/access',
        tags,
        summary: "A playbook's default access and grants, and what the caller may do on it",
        ...requires('playbook.readAccess'),
        request: { params: playbookIdParam },
        responses: { 200: json(sharingSchema, 'The sharing'), ...problemResponses(401, 403, 404) },
      }),
      async (c) => c.json(present(await getSharing(services, c.var.actor, c.req.valid('param').id)), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/playbooks/{id}/access',
        tags,
        summary: "Replace a playbook's default access and grants (managers)",
        description: 'Open collaboration sockets are re-checked within a second: downgraded ones turn read-only, removed ones close.',
        ...requires('playbook.share'),
        request: { params: playbookIdParam, body: { required: true, content: { 'application/json': { schema: sharingBody } } } },
        responses: { 200: json(sharingSchema, 'The sharing after the change'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => c.json(present(await setSharing(services, c.var.actor, c.req.valid('param').id, c.req.valid('json'))), 200),
    );
}
