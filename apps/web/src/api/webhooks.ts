import { request } from './request';

/** What a webhook can subscribe to. */
export type WebhookEvent = 'version.published' | 'version.created';

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  /** Paused webhooks keep their settings and log but receive nothing. */
  active: boolean;
  createdAt: string;
  /** Deliveries in a row that failed after all their attempts. */
  consecutiveFailures: number;
  /** Set when the server turned the webhook off after too many failures in a row (null when a person paused it). */
  disabledAt: string | null;
  disabledReason: string | null;
}

/** One attempt series to deliver one event to one webhook. */
export interface Delivery {
  id: string;
  /** The event sent, the same for every webhook it went to. */
  eventId: string;
  event: WebhookEvent;
  /** `refused`: the server will not call this address (itself, or inside its network). */
  status: 'pending' | 'delivered' | 'failed' | 'refused';
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

const base = (playbookId: string) => `/api/v1/playbooks/${encodeURIComponent(playbookId)}/webhooks`;

export const listWebhooks = (playbookId: string) =>
  request<{ items: Webhook[] }>(base(playbookId), { cache: 'no-cache' }).then((r) => r.items);

/** Registers a webhook; the server refuses URLs inside its network (`webhook-url-refused`) and past its limit (`webhook-limit`). The answer holds the signing secret, which the server never shows again. */
export function addWebhook(playbookId: string, input: { url: string; events: WebhookEvent[] }): Promise<Webhook & { secret: string }> {
  return request(base(playbookId), { method: 'POST', body: JSON.stringify(input) });
}

export function updateWebhook(
  playbookId: string,
  webhookId: string,
  patch: Partial<Pick<Webhook, 'active' | 'url' | 'events'>>,
): Promise<Webhook> {
  return request(`${base(playbookId)}/${encodeURIComponent(webhookId)}`, { method: 'PATCH', body: JSON.stringify(patch) });
}

export function deleteWebhook(playbookId: string, webhookId: string): Promise<void> {
  return request(`${base(playbookId)}/${encodeURIComponent(webhookId)}`, { method: 'DELETE' });
}

export const listDeliveries = (playbookId: string, webhookId: string) =>
  request<{ items: Delivery[] }>(`${base(playbookId)}/${encodeURIComponent(webhookId)}/deliveries`, { cache: 'no-cache' }).then(
    (r) => r.items,
  );
