import { and, asc, count, desc, eq, inArray, lt, lte, ne, notExists, notInArray, sql } from 'drizzle-orm';
import { pickColumns } from '../records/pickColumns';
import { webhookColumnNames, webhookDeliveryColumnNames } from '../records/webhookRecords';
import type { WebhookRecord, WebhookStore } from '../storage';
import type { Db, Tx } from './database';
import { webhookDeliveries, webhookEvents, webhooks } from './schema';

const publicColumns = pickColumns(webhooks, webhookColumnNames);

const deliveryColumns = pickColumns(webhookDeliveries, webhookDeliveryColumnNames);

/** Webhooks and their deliveries on PostgreSQL (db/sqlite/webhookStore.ts is the behaviour matched). */
export function postgresWebhookStore(db: Db): WebhookStore {
  const one = async (playbookId: string, id: string) => {
    const [row] = await db
      .select(publicColumns)
      .from(webhooks)
      .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)));
    return row;
  };

  const activeSubscribers = async (tx: Db | Tx, playbookId: string, event: string) =>
    (
      await tx
        .select({ id: webhooks.id, events: webhooks.events })
        .from(webhooks)
        .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.active, true)))
    ).filter((w) => w.events.includes(event));

  const unused = (tx: Db | Tx) =>
    notExists(tx.select({ one: sql`1` }).from(webhookDeliveries).where(eq(webhookDeliveries.eventId, webhookEvents.id)));

  return {
    async create(input, maxPerPlaybook) {
      return db.transaction(async (tx) => {
        // Two processes adding at once must not both pass the quota: lock the playbook's webhooks' count.
        await tx.execute(sql`SELECT 1 FROM playbooks WHERE id = ${input.playbookId} FOR UPDATE`);
        const [counted] = await tx.select({ n: count() }).from(webhooks).where(eq(webhooks.playbookId, input.playbookId));
        if ((counted?.n ?? 0) >= maxPerPlaybook) return undefined;
        const createdAt = new Date();
        await tx.insert(webhooks).values({ ...input, active: true, createdAt });
        const { secret: _secret, ...rest } = input;
        return { ...rest, active: true, createdAt, consecutiveFailures: 0, disabledAt: null, disabledReason: null } satisfies WebhookRecord;
      });
    },

    async list(playbookId) {
      return db.select(publicColumns).from(webhooks).where(eq(webhooks.playbookId, playbookId)).orderBy(asc(webhooks.createdAt));
    },

    async get(playbookId, id) {
      return one(playbookId, id);
    },

    async update(playbookId, id, patch) {
      if (Object.keys(patch).length > 0) {
        // Pausing, resuming or turning back on starts afresh: the earlier failures no longer count.
        const fresh = patch.active === undefined ? {} : { consecutiveFailures: 0, disabledAt: null, disabledReason: null };
        await db
          .update(webhooks)
          .set({ ...patch, ...fresh })
          .where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)));
      }
      return one(playbookId, id);
    },

    async delete(playbookId, id) {
      return db.transaction(async (tx) => {
        const deleted = (await tx.delete(webhooks).where(and(eq(webhooks.playbookId, playbookId), eq(webhooks.id, id)))).rowCount ?? 0;
        // Its deliveries went with it (cascade); so do the events only they needed.
        if (deleted > 0) await tx.delete(webhookEvents).where(and(eq(webhookEvents.playbookId, playbookId), unused(tx)));
        return deleted > 0;
      });
    },

    async subscribed(playbookId, event) {
      return (await activeSubscribers(db, playbookId, event)).length > 0;
    },

    async enqueue(event, newDeliveryId) {
      return db.transaction(async (tx) => {
        const targets = await activeSubscribers(tx, event.playbookId, event.event);
        if (targets.length === 0) return 0;
        await tx.insert(webhookEvents).values(event);
        await tx.insert(webhookDeliveries).values(
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
        );
        return targets.length;
      });
    },

    async claimDue(now, limit, leaseUntil) {
      return db.transaction(async (tx) => {
        // SKIP LOCKED: a delivery another process is claiming right now is left to it; one it
        // claimed already has its lease as next attempt, which PostgreSQL re-checks once the lock is free.
        const due = await tx
          .select({ ...deliveryColumns, url: webhooks.url, secret: webhooks.secret, payload: webhookEvents.payload })
          .from(webhookDeliveries)
          .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
          .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
          .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now), eq(webhooks.active, true)))
          .orderBy(asc(webhookDeliveries.nextAttemptAt))
          .limit(limit)
          .for('update', { of: webhookDeliveries, skipLocked: true });
        if (due.length > 0)
          await tx
            .update(webhookDeliveries)
            .set({ nextAttemptAt: leaseUntil })
            .where(
              inArray(
                webhookDeliveries.id,
                due.map((d) => d.id),
              ),
            );
        return due;
      });
    },

    async recordAttempt(id, outcome, rules) {
      return db.transaction(async (tx) => {
        const [delivery] = await tx
          .update(webhookDeliveries)
          .set(outcome)
          .where(eq(webhookDeliveries.id, id))
          .returning({ webhookId: webhookDeliveries.webhookId });
        if (!delivery || outcome.status === 'pending') return { turnedOff: false };
        const { webhookId } = delivery;

        let turnedOff = false;
        if (outcome.status === 'delivered') {
          await tx.update(webhooks).set({ consecutiveFailures: 0 }).where(eq(webhooks.id, webhookId));
        } else {
          const [webhook] = await tx
            .update(webhooks)
            .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1` })
            .where(eq(webhooks.id, webhookId))
            .returning({ failures: webhooks.consecutiveFailures, active: webhooks.active });
          if (webhook?.active && webhook.failures >= rules.disableAfterFailures) {
            await tx
              .update(webhooks)
              .set({ active: false, disabledAt: new Date(), disabledReason: rules.disabledReason })
              .where(eq(webhooks.id, webhookId));
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
        const trimmed = await tx
          .delete(webhookDeliveries)
          .where(
            and(
              eq(webhookDeliveries.webhookId, webhookId),
              ne(webhookDeliveries.status, 'pending'),
              notInArray(webhookDeliveries.id, kept),
            ),
          )
          .returning({ eventId: webhookDeliveries.eventId });
        const eventIds = [...new Set(trimmed.map((t) => t.eventId))];
        if (eventIds.length > 0) await tx.delete(webhookEvents).where(and(inArray(webhookEvents.id, eventIds), unused(tx)));
        return { turnedOff };
      });
    },

    async deliveries(webhookId, limit) {
      return db
        .select(deliveryColumns)
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, webhookId))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(limit);
    },

    async prune(before) {
      return db.transaction(async (tx) => {
        const deleted = (await tx.delete(webhookDeliveries).where(lt(webhookDeliveries.createdAt, before))).rowCount ?? 0;
        await tx.delete(webhookEvents).where(unused(tx));
        return deleted;
      });
    },
  };
}
