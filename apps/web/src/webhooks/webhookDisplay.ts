import type { Delivery, Webhook, WebhookEvent } from '../api/webhooks';

/** Events as a person reads them in the form and the list. */
export const eventLabels: Record<WebhookEvent, string> = {
  'version.published': 'A version is published',
  'version.created': 'A version is saved',
};

export const deliveryStatusLabels: Record<Delivery['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
  refused: 'Refused',
};

/** Whether a webhook receives events, was paused by a person, or was turned off by the server after failures in a row. */
export type WebhookState = 'active' | 'paused' | 'turned-off';

export function webhookState(webhook: Pick<Webhook, 'active' | 'disabledAt'>): WebhookState {
  if (webhook.active) return 'active';
  return webhook.disabledAt ? 'turned-off' : 'paused';
}

/** The badge and the button that changes the state, for each state. */
export const webhookStateLabels: Record<WebhookState, { badge: string; action: string }> = {
  active: { badge: 'Active', action: 'Pause' },
  paused: { badge: 'Paused', action: 'Resume' },
  'turned-off': { badge: 'Turned off', action: 'Turn back on' },
};

/**
 * Why a URL cannot receive webhooks, or null when it can. The server checks the same; saying it
 * here spares a round trip for the common slip (a missing https://).
 */
export function webhookUrlProblem(value: string): string | null {
  const text = value.trim();
  if (text === '') return 'Give the URL that should receive the events.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Give a full URL, e.g. https://crm.example.com/hooks/fullcourt';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Only http and https URLs can receive webhooks.';
  return null;
}

/** The last answer an endpoint gave, in a few words: "HTTP 200", "HTTP 500 — The endpoint answered 500", the network error, or nothing yet. */
export function lastAnswer(delivery: Pick<Delivery, 'lastStatusCode' | 'lastError' | 'attempts'>): string {
  if (delivery.attempts === 0) return 'Not tried yet';
  const code = delivery.lastStatusCode === null ? null : `HTTP ${delivery.lastStatusCode}`;
  if (code && delivery.lastError && !delivery.lastError.includes(String(delivery.lastStatusCode))) return `${code} — ${delivery.lastError}`;
  return code ?? delivery.lastError ?? 'No answer';
}

/**
 * The list after a fresh read: each webhook shown takes the server's state (it may have been
 * turned off meanwhile) and new ones are added. One that is gone stays until acted on, so it does
 * not vanish under the pointer; its next action says it was deleted.
 */
export function mergeWebhookLists(shown: Webhook[] | null, fresh: Webhook[]): Webhook[] {
  if (!shown) return fresh;
  const byId = new Map(fresh.map((w) => [w.id, w]));
  const known = new Set(shown.map((w) => w.id));
  return [...shown.map((w) => byId.get(w.id) ?? w), ...fresh.filter((w) => !known.has(w.id))];
}
