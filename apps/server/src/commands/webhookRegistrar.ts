import { randomBytes } from 'node:crypto';
import type { DeliveryRecord, WebhookRecord } from '../db';
import { AppError, notFound } from '../errors';
import type { Actor } from '../identity/actor';
import { recordAudit } from './auditLog';
import { authorizePlaybook } from './playbookAccess';
import { newResourceId } from './resourceId';
import type { Services } from './services';
import type { WebhookEvent } from './webhookEvents';

/**
 * Registers a URL for a playbook's events. The secret signs every delivery (HMAC-SHA256); it
 * is returned only here, once. It is stored as given because signing needs it, unlike
 * passwords and API tokens, which are stored hashed.
 */
export async function registerWebhook(
  services: Services,
  actor: Actor,
  playbookId: string,
  input: { url: string; events: WebhookEvent[] },
): Promise<WebhookRecord & { secret: string }> {
  await authorizePlaybook(services, actor, 'webhook.manage', playbookId);
  checkDestination(services, input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const { maxPerPlaybook } = services.webhooks.rules;
  const webhook = await services.storage.webhooks.create(
    { id: newResourceId(21), playbookId, url: input.url, secret, events: input.events },
    maxPerPlaybook,
  );
  // Each webhook costs a delivery (and its retries) per event: the cap keeps one publication cheap.
  if (!webhook)
    throw new AppError(
      'webhook-limit',
      `This playbook already has ${maxPerPlaybook} webhooks, the most it may have. Delete one it no longer needs, or send to one endpoint that fans out.`,
      { limit: maxPerPlaybook },
    );
  services.log.info({ playbookId, webhookId: webhook.id, events: input.events, actor: actor.id }, 'webhook registered');
  await recordAudit(
    services,
    actor,
    'webhook.created',
    { kind: 'webhook', id: webhook.id },
    { playbookId, url: input.url, events: input.events },
  );
  return { ...webhook, secret };
}

export async function listWebhooks(services: Services, actor: Actor, playbookId: string): Promise<WebhookRecord[]> {
  await authorizePlaybook(services, actor, 'webhook.manage', playbookId);
  return services.storage.webhooks.list(playbookId);
}

export async function updateWebhook(
  services: Services,
  actor: Actor,
  playbookId: string,
  webhookId: string,
  patch: { url?: string; events?: WebhookEvent[]; active?: boolean },
): Promise<WebhookRecord> {
  await authorizePlaybook(services, actor, 'webhook.manage', playbookId);
  if (patch.url !== undefined) checkDestination(services, patch.url);
  const updated = await services.storage.webhooks.update(playbookId, webhookId, patch);
  if (!updated) throw notFound('webhook', webhookId);
  await recordAudit(services, actor, 'webhook.updated', { kind: 'webhook', id: webhookId }, { playbookId, ...patch });
  return updated;
}

export async function deleteWebhook(services: Services, actor: Actor, playbookId: string, webhookId: string): Promise<void> {
  await authorizePlaybook(services, actor, 'webhook.manage', playbookId);
  if (!(await services.storage.webhooks.delete(playbookId, webhookId))) throw notFound('webhook', webhookId);
  await recordAudit(services, actor, 'webhook.deleted', { kind: 'webhook', id: webhookId }, { playbookId });
}

/**
 * Refuses URLs that obviously point at this server or the network behind it (loopback,
 * private, link-local, unique-local, local-only names). Names are checked again after DNS
 * resolution at each delivery; this check is for saying why early.
 */
function checkDestination(services: Services, url: string): void {
  const refusal = services.webhooks.destinations.refusalOf(new URL(url));
  if (refusal) throw new AppError('webhook-url-refused', refusal.message, { reason: refusal.reason, url });
}

/** The delivery log of a webhook, newest first. */
export async function listDeliveries(
  services: Services,
  actor: Actor,
  playbookId: string,
  webhookId: string,
  limit: number,
): Promise<DeliveryRecord[]> {
  await authorizePlaybook(services, actor, 'webhook.manage', playbookId);
  if (!(await services.storage.webhooks.get(playbookId, webhookId))) throw notFound('webhook', webhookId);
  return services.storage.webhooks.deliveries(webhookId, limit);
}
