import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Services } from '../../../commands/services';
import { deleteWebhook, listDeliveries, listWebhooks, registerWebhook, updateWebhook } from '../../../commands/webhookRegistrar';
import type { AppEnv } from '../../env';
import { jsonResponse as json, problemResponses } from '../../openapiResponses';
import { pageQuery } from '../../pagination';
import { requires } from '../../security';
import { validationHook } from '../../validation';
import { playbookIdParam } from '../playbooks/schema';
import {
  createWebhookBody,
  deliverySchema,
  presentDelivery,
  presentWebhook,
  updateWebhookBody,
  webhookParams,
  webhookSchema,
} from './schema';

const tags = ['Webhooks'];

/** Webhook endpoints per playbook and their delivery log. */
export function webhookRoutes(services: Services) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(
      createRoute({
        method: 'post',
        path: '/playbooks/{id}/webhooks',
        tags,
        summary: 'Register a webhook',
        ...requires('webhook.manage'),
        description:
          'Deliveries are POSTed as JSON with the header `Fullcourt-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>`. The secret is returned only in this response.',
        request: { params: playbookIdParam, body: { required: true, content: { 'application/json': { schema: createWebhookBody } } } },
        responses: {
          201: json(webhookSchema.extend({ secret: z.string() }), 'The webhook and its signing secret'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const webhook = await registerWebhook(services, c.var.actor, c.req.valid('param').id, c.req.valid('json'));
        return c.json({ ...presentWebhook(webhook), secret: webhook.secret }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/webhooks',
        tags,
        summary: 'List webhooks',
        ...requires('webhook.manage'),
        request: { params: playbookIdParam },
        responses: { 200: json(z.object({ items: z.array(webhookSchema) }), 'The webhooks'), ...problemResponses(401, 403, 404) },
      }),
      async (c) => c.json({ items: (await listWebhooks(services, c.var.actor, c.req.valid('param').id)).map(presentWebhook) }, 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/playbooks/{id}/webhooks/{webhookId}',
        tags,
        summary: 'Change, pause or resume a webhook',
        ...requires('webhook.manage'),
        request: { params: webhookParams, body: { required: true, content: { 'application/json': { schema: updateWebhookBody } } } },
        responses: { 200: json(webhookSchema, 'The webhook'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (c) => {
        const { id, webhookId } = c.req.valid('param');
        return c.json(presentWebhook(await updateWebhook(services, c.var.actor, id, webhookId, c.req.valid('json'))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/playbooks/{id}/webhooks/{webhookId}',
        tags,
        summary: 'Delete a webhook and its delivery log',
        ...requires('webhook.manage'),
        request: { params: webhookParams },
        responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        const { id, webhookId } = c.req.valid('param');
        await deleteWebhook(services, c.var.actor, id, webhookId);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/playbooks/{id}/webhooks/{webhookId}/deliveries',
        tags,
        summary: "A webhook's delivery log, newest first",
        ...requires('webhook.manage'),
        request: { params: webhookParams, query: z.object({ limit: pageQuery.limit }) },
        responses: { 200: json(z.object({ items: z.array(deliverySchema) }), 'Deliveries'), ...problemResponses(401, 403, 404) },
      }),
      async (c) => {
        const { id, webhookId } = c.req.valid('param');
        const items = await listDeliveries(services, c.var.actor, id, webhookId, c.req.valid('query').limit);
        return c.json({ items: items.map(presentDelivery) }, 200);
      },
    );
}
