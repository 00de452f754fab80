import { z } from '@hono/zod-openapi';
import { webhookEvents } from '../../../commands/webhookEvents';
import type { DeliveryRecord, WebhookRecord } from '../../../db';

const httpUrl = z
  .string()
  .url('Give a full URL, e.g. https://crm.example.com/hooks/fullcourt')
  .refine((u) => /^https?:$/.test(new URL(u).protocol), 'Only http and https URLs can receive webhooks');

const events = z.array(z.enum(webhookEvents)).min(1, 'Subscribe to at least one event');

export const createWebhookBody = z.object({ url: httpUrl, events: events.default(['version.published']) }).openapi('CreateWebhook');

export const updateWebhookBody = z
  .object({ url: httpUrl.optional(), events: events.optional(), active: z.boolean().optional() })
  .openapi('UpdateWebhook');

export const webhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    /** False when paused by a person or turned off by the server (then `disabledAt` says when). */
    active: z.boolean(),
    createdAt: z.string().datetime(),
    consecutiveFailures: z.number().int().openapi({ description: 'Deliveries in a row that failed after all their attempts.' }),
    disabledAt: z.string().datetime().nullable().openapi({
      description:
        'When the server turned the webhook off after WEBHOOK_DISABLE_AFTER_FAILURES failures in a row; PATCH `active: true` turns it back on.',
    }),
    disabledReason: z.string().nullable().openapi({ description: 'Why the server turned it off, for people.' }),
  })
  .openapi('Webhook');

export const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string().openapi({ description: 'The event delivered: the `id` in the body, shared by every webhook it went to.' }),
    event: z.string(),
    status: z
      .enum(['pending', 'delivered', 'failed', 'refused'])
      .openapi({ description: '`refused`: the destination is this server or inside its network (see `lastError`); not retried.' }),
    attempts: z.number().int(),
    nextAttemptAt: z.string().datetime().nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string().datetime(),
    deliveredAt: z.string().datetime().nullable(),
  })
  .openapi('WebhookDelivery');

export const webhookParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  webhookId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'webhookId', in: 'path' } }),
});

export const presentWebhook = (w: WebhookRecord) => ({
  id: w.id,
  url: w.url,
  events: w.events,
  active: w.active,
  createdAt: w.createdAt.toISOString(),
  consecutiveFailures: w.consecutiveFailures,
  disabledAt: w.disabledAt?.toISOString() ?? null,
  disabledReason: w.disabledReason,
});

export const presentDelivery = (d: DeliveryRecord) => ({
  id: d.id,
  eventId: d.eventId,
  event: d.event,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});
