import type { InferRequestType, InferResponseType } from 'hono/client';
import { body, v1 } from './client';

const webhooks = v1.playbooks[':id'].webhooks;
const webhook = webhooks[':webhookId'];

/** A webhook: where it points, what it hears, whether it is on (`disabledAt`: the server turned it off after failures in a row). */
export type Webhook = InferResponseType<typeof webhooks.$get, 200>['items'][number];
/** What a webhook can subscribe to. */
export type WebhookEvent = NonNullable<InferRequestType<typeof webhooks.$post>['json']['events']>[number];
/** One attempt series to deliver one event to one webhook (`refused`: the server will not call that address). */
export type Delivery = InferResponseType<typeof webhook.deliveries.$get, 200>['items'][number];

export const listWebhooks = (playbookId: string) => body(webhooks.$get({ param: { id: playbookId } })).then((r) => r.items);

/** Registers a webhook; the server refuses URLs inside its network (`webhook-url-refused`) and past its limit (`webhook-limit`). The answer holds the signing secret, which the server never shows again. */
export const addWebhook = (playbookId: string, input: { url: string; events: WebhookEvent[] }) =>
  body(webhooks.$post({ param: { id: playbookId }, json: input }));

export const updateWebhook = (playbookId: string, webhookId: string, patch: InferRequestType<typeof webhook.$patch>['json']) =>
  body(webhook.$patch({ param: { id: playbookId, webhookId }, json: patch }));

export const deleteWebhook = (playbookId: string, webhookId: string) =>
  body(webhook.$delete({ param: { id: playbookId, webhookId } })).then(() => undefined);

export const listDeliveries = (playbookId: string, webhookId: string) =>
  body(webhook.deliveries.$get({ param: { id: playbookId, webhookId }, query: {} })).then((r) => r.items);
