import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { deletePlaybook, listTrash, restoreFromTrash } from '../../../commands/playbookTrash';
import type { Services } from '../../../commands/services';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { playbookIdParam, playbookSummary, presentPlaybook } from '../playbooks/schema';

const tags = ['Playbooks'];

/** Deleting a playbook moves it to the trash, from which owners and admins can restore it for 30 days. */
export function trashRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'delete',
        path: '/playbooks/{id}',
        tags,
        summary: 'Delete a playbook (managers): it goes to the trash for 30 days',
        description: 'Everyone connected to it is disconnected. Owners and admins can restore it from /trash.',
        ...requires('playbook.delete'),
        request: { params: playbookIdParam },
        responses: { 204: { description: 'Moved to the trash' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        await deletePlaybook(services, c.var.actor, c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/trash',
        tags,
        summary: 'Deleted playbooks and when each will be purged (owners and admins)',
        ...requires('trash.manage'),
        responses: {
          200: json(
            z.object({
              items: z.array(
                playbookSummary.extend({
                  deletedAt: z.string().datetime(),
                  deletedBy: z.string().nullable(),
                  purgeAt: z.string().datetime(),
                }),
              ),
            }),
            'The trash, most recently deleted first',
          ),
          ...problemResponses(401, 403),
        },
      }),
      async (c) => {
        const items = await listTrash(services, c.var.actor);
        return c.json(
          {
            items: items.map((p) => ({
              ...presentPlaybook(p),
              deletedAt: (p.deletedAt as Date).toISOString(),
              deletedBy: p.deletedBy,
              purgeAt: p.purgeAt.toISOString(),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/trash/{id}/restore',
        tags,
        summary: 'Restore a deleted playbook (owners and admins)',
        ...requires('trash.manage'),
        request: { params: playbookIdParam },
        responses: { 200: json(playbookSummary, 'The restored playbook'), ...problemResponses(401, 403, 404) },
      }),
      async (c) => c.json(presentPlaybook(await restoreFromTrash(services, c.var.actor, c.req.valid('param').id)), 200),
    );
}
