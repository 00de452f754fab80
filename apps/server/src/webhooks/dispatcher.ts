import type { DueDelivery, WebhookStore } from '../db';
import type { Logger } from '../logger';
import { sign, signatureHeader } from './signature';

export interface DispatcherOptions {
  /** First retry delay; each later one is five times longer (10 s, 50 s, ~4 min, ~21 min…). */
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  pollMs: number;
}

/**
 * Sends queued webhook deliveries in the background. It never runs on an editing path: a
 * slow or failing endpoint only delays its own deliveries, which are retried with backoff
 * and end as `failed` after `maxAttempts`, visible in the delivery log.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly options: DispatcherOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks for due deliveries now (after an event was queued). */
  kick(): void {
    if (!this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running ??= this.runOnce()
        .catch((error: unknown) => this.log.error({ err: error }, 'webhook dispatch failed'))
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    const due = await this.store.due(new Date(), 20);
    // allSettled: one failed bookkeeping write must not end the run while other POSTs are in
    // flight, or the next poll would send those still-pending deliveries a second time.
    const results = await Promise.allSettled(due.map((delivery) => this.deliver(delivery)));
    for (const result of results)
      if (result.status === 'rejected') this.log.error({ err: result.reason }, 'recording a webhook delivery failed');
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const attempts = delivery.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Fullcourt-Webhooks/1',
          'fullcourt-event': delivery.event,
          'fullcourt-delivery': delivery.id,
          [signatureHeader]: sign(delivery.secret, delivery.payload, Math.floor(Date.now() / 1000)),
        },
        body: delivery.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (response.ok) {
        await this.store.recordAttempt(delivery.id, {
          status: 'delivered',
          attempts,
          nextAttemptAt: null,
          lastStatusCode: statusCode,
          lastError: null,
          deliveredAt: new Date(),
        });
        this.log.info({ deliveryId: delivery.id, webhookId: delivery.webhookId, attempts, statusCode }, 'webhook delivered');
        return;
      }
      error = `The endpoint answered ${statusCode}`;
    } catch (e) {
      error =
        (e as Error).name === 'TimeoutError'
          ? `No answer within ${this.options.timeoutMs} ms`
          : `Could not reach the endpoint: ${(e as Error).message}`;
    }
    const giveUp = attempts >= this.options.maxAttempts;
    const nextAttemptAt = giveUp ? null : new Date(Date.now() + this.options.retryBaseMs * 5 ** (attempts - 1));
    await this.store.recordAttempt(delivery.id, {
      status: giveUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt,
      lastStatusCode: statusCode,
      lastError: error,
      deliveredAt: null,
    });
    this.log.warn(
      { deliveryId: delivery.id, webhookId: delivery.webhookId, attempts, statusCode, error, giveUp },
      'webhook delivery failed',
    );
  }
}
