import type { Delivery, WebhookEvent } from '../api/webhooks';

/** Events as a person reads them in the form and the list. */
export const eventLabels: Record<WebhookEvent, string> = {
  'version.published': 'A version is published',
  'version.created': 'A version is saved',
};

export const deliveryStatusLabels: Record<Delivery['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
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
