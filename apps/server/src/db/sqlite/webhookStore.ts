import { and, asc, count, desc, eq, inArray, lt, lte, ne, notExists, notInArray, sql } from 'drizzle-orm';
import { pickColumns } from '../records/pickColumns';
import { webhookColumnNames, webhookDeliveryColumnNames } from '../records/webhookRecords';
import { webhookDeliveries, webhookEvents, webhooks } from '../schema';
import type { WebhookRecord, WebhookStore } from '../storage';
import type { Db } from './database';

const publicColumns = pickColumns(webhooks, webhookColumnNames);

const deliveryColumns = pickColumns(webhookDeliveries, webhookDeliveryColumnNames);

export function sqliteWebhookStore(db: Db): WebhookStore {
  type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

  const one = (playbookId: string, id: string) =>
    db
      .select(publicColumns)
      .from(webhooks)
      .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
      .get();

  const activeSubscribers = (tx: Db | Tx, playbookId: string, event: string) =>
    tx
      .select({ id: webhooks.id, events: webhooks.events })
      .from(webhooks)
      .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.active, true)))
      .all()
      .filter((w) => w.events.includes(event));

  /** Deletes the given events once no delivery refers to them. */
  const dropUnusedEvents = (tx: Tx, eventIds: string[]) => {
    if (eventIds.length === 0) return;
    tx.delete(webhookEvents)
      .where(
        and(
          inArray(webhookEvents.id, [...new Set(eventIds)]),
          notExists(tx.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, webhookEvents.id))),
        ),
      )
      .run();
  };

  return {
    async create(input, maxPerPlaybook) {
      return db.transaction((tx) => {
        const existing = tx.select({ n: count() }).from(webhooks).where(eq(webhooks.playbookId, input.playbookId)).get()?.n ?? 0;
        if (existing >= maxPerPlaybook) return undefined;
        const createdAt = new Date();
        tx.insert(webhooks)
          .values({ ...input, active: true, createdAt })
          .run();
        const { secret: _secret, ...rest } = input;
        return { ...rest, active: true, createdAt, consecutiveFailures: 0, disabledAt: null, disabledReason: null } satisfies WebhookRecord;
      });
    },

    async list(playbookId) {
      return db.select(publicColumns).from(webhooks).where(eq(webhooks.playbookId, playbookId)).orderBy(asc(webhooks.createdAt)).all();
    },

    async get(playbookId, id) {
      return one(playbookId, id);
    },

    async update(playbookId, id, patch) {
      if (Object.keys(patch).length > 0) {
        // Pausing, resuming or turning back on starts afresh: the earlier failures no longer count.
        const fresh = patch.active === undefined ? {} : { consecutiveFailures: 0, disabledAt: null, disabledReason: null };
        db.update(webhooks)
          .set({ ...patch, ...fresh })
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
          .run();
      }
      return one(playbookId, id);
    },

    async delete(playbookId, id) {
      return db.transaction((tx) => {
        const deleted = tx
          .delete(webhooks)
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))
          .run().changes;
        // Its deliveries went with it (cascade); so do the events only they needed.
        if (deleted > 0)
          tx.delete(webhookEvents)
            .where(
              and(
                eq(webhookEvents.playbookId, playbookId),
                notExists(tx.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, webhookEvents.id))),
              ),
            )
            .run();
        return deleted > 0;
      });
    },

    async subscribed(playbookId, event) {
      return activeSubscribers(db, playbookId, event).length > 0;
    },

    async enqueue(event, newDeliveryId) {
      return db.transaction((tx) => {
        const targets = activeSubscribers(tx, event.playbookId, event.event);
        if (targets.length === 0) return 0;
        tx.insert(webhookEvents).values(event).run();
        tx.insert(webhookDeliveries)
          .values(
            targets.map((target) => ({
              id: newDeliveryId(),
              webhookId: target.id,
              eventId: event.id,
              event: event.event,
              status: 'pending' as const,
              attempts: 0,
              nextAttemptAt: event.createdAt,
              createdAt: event.createdAt,
            })),
          )
          .run();
        return targets.length;
      });
    },

    async claimDue(now, limit, leaseUntil) {
      return db.transaction((tx) => {
        const due = tx
          .select({ ...deliveryColumns, url: webhooks.url, secret: webhooks.secret, payload: webhookEvents.payload })
          .from(webhookDeliveries)
          .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
          .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
          .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhooks.active, true)))
          .orderBy(asc(webhookDeliveries.nextAttemptAt))
          .limit(limit)
          .all();
        if (due.length > 0)
          tx.update(webhookDeliveries)
            .set({ nextAttemptAt: leaseUntil })
            .where(
              inArray(
                webhookDeliveries.id,
                due.map((d) => d.id),
              ),
            )
            .run();
        return due;
      });
    },

    async recordAttempt(id, outcome, rules) {
      return db.transaction((tx) => {
        const delivery = tx
          .update(webhookDeliveries)
          .set(outcome)
          .where(eq(webhookDeliveries.id, id))
          .returning({ webhookId: webhookDeliveries.webhookId })
          .get();
        if (!delivery || outcome.status === 'pending') return { turnedOff: false };
        const { webhookId } = delivery;

        let turnedOff = false;
        if (outcome.status === 'delivered') {
          tx.update(webhooks).set({ consecutiveFailures: 0 }).where(eq(webhooks.id, webhookId)).run();
        } else {
          const webhook = tx
            .update(webhooks)
            .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
            .where(eq(webhooks.id, webhookId))
            .returning({ failures: webhooks.consecutiveFailures, active: webhooks.active })
            .get();
          if (webhook?.active && webhook.failures >= rules.disableAfterFailures) {
            tx.update(webhooks)
              .set({ active: false, disabledAt: new Date(), disabledReason: rules.disabledReason })
              .where(eq(webhooks.id, webhookId))
              .run();
            turnedOff = true;
          }
        }

        // Keep the newest finished deliveries; pending ones are never trimmed (they end within hours).
        const kept = tx
          .select({ id: webhookDeliveries.id })
          .from(webhookDeliveries)
          .where(and(eq(webhookDeliveries.webhookId, webhookId), ne(webhookDeliveries.status, 'pending')))
          .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
          .limit(rules.keepPerWebhook);
        const trimmed = tx
          .delete(webhookDeliveries)
          .where(
            and(
              eq(webhookDeliveries.webhookId, webhookId),
              ne(webhookDeliveries.status, 'pending'),
              notInArray(webhookDeliveries.id, kept),
            ),
          )
          .returning({ eventId: webhookDeliveries.eventId })
          .all();
        dropUnusedEvents(
          tx,
          trimmed.map((t) => t.eventId),
        );
        return { turnedOff };
      });
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

    async prune(before) {
      return db.transaction((tx) => {
        const deleted = tx.delete(webhookDeliveries).where(lt(webhookDeliveries.createdAt, before)).run().changes;
        tx.delete(webhookEvents)
          .where(notExists(tx.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, webhookEvents.id))))
          .run();
        return deleted;
      });
    },
  };
}
