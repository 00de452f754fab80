import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { webhookDeliveries, webhooks } from '../schema';
import type { WebhookRecord, WebhookStore } from '../storage';
import type { Db } from './database';

const publicColumns = {
  id: webhooks.id,
  playbookId: webhooks.playbookId,
  url: webhooks.url,
  events: webhooks.events,
  active: webhooks.active,
  createdAt: webhooks.createdAt,
};

const deliveryColumns = {
  id: webhookDeliveries.id,
  webhookId: webhookDeliveries.webhookId,
  event: webhookDeliveries.event,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  deliveredAt: webhookDeliveries.deliveredAt,
};

export function sqliteWebhookStore(db: Db): WebhookStore {
  const one = (playbookId: string, id: string) =>
    db
      .select(publicColumns)
      .from(webhooks)
      .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
      .get();

  return {
    async create(input) {
      const createdAt = new Date();
      db.insert(webhooks)
        .values({ ...input, active: true, createdAt })
        .run();
      const { secret: _secret, ...rest } = input;
      return { ...rest, active: true, createdAt } satisfies WebhookRecord;
    },

    async list(playbookId) {
      return db.select(publicColumns).from(webhooks).where(eq(webhooks.playbookId, playbookId)).orderBy(asc(webhooks.createdAt)).all();
    },

    async get(playbookId, id) {
      return one(playbookId, id);
    },

    async update(playbookId, id, patch) {
      if (Object.keys(patch).length > 0) {
        db.update(webhooks)
          .set(patch)
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
          .run();
      }
      return one(playbookId, id);
    },

    async delete(playbookId, id) {
      return (
        db
          .delete(webhooks)
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
          .run().changes > 0
      );
    },

    async enqueue(playbookId, event, payload, newId) {
      return db.transaction((tx) => {
        const targets = tx
          .select({ id: webhooks.id, events: webhooks.events })
          .from(webhooks)
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.active, true)))
          .all()
          .filter((w) => w.events.includes(event));
        const now = new Date();
        for (const target of targets) {
          const id = newId();
          tx.insert(webhookDeliveries)
            .values({
              id,
              webhookId: target.id,
              event,
              payload: payload(target.id, id),
              status: 'pending',
              attempts: 0,
              nextAttemptAt: now,
              createdAt: now,
            })
            .run();
        }
        return targets.length;
      });
    },

    async due(now, limit) {
      return db
        .select({ ...deliveryColumns, url: webhooks.url, secret: webhooks.secret, payload: webhookDeliveries.payload })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhooks.active, true)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(limit)
        .all();
    },

    async recordAttempt(id, outcome) {
      db.update(webhookDeliveries).set(outcome).where(eq(webhookDeliveries.id, id)).run();
    },

    async deliveries(webhookId, limit) {
      return db
        .select(deliveryColumns)
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, webhookId))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(limit)
        .all();
    },
  };
}
