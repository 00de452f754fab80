import type { DeliveryRecord, WebhookRecord } from '../storage';

/** The columns a WebhookRecord is read from (never the signing secret). */
export const webhookColumnNames = [
  'id',
  'playbookId',
  'url',
  'events',
  'active',
  'createdAt',
  'consecutiveFailures',
  'disabledAt',
  'disabledReason',
] as const satisfies readonly (keyof WebhookRecord)[];

/** The columns a DeliveryRecord is read from. */
export const webhookDeliveryColumnNames = [
  'id',
  'webhookId',
  'eventId',
  'event',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastStatusCode',
  'lastError',
  'createdAt',
  'deliveredAt',
] as const satisfies readonly (keyof DeliveryRecord)[];
