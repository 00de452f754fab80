import type { AttemptOutcome, DueDelivery, WebhookStore } from '../db';
import type { Logger } from '../logger';
import { type DestinationPolicy, DestinationRefused } from './destinationPolicy';
import { PostTimeout, post } from './post';
import { retryDelayMs } from './retryDelay';
import { sign, signatureHeader } from './signature';

/** Limits that keep webhook fan-out cheap; read by the registrar too. */
export interface WebhookRules {
  maxPerPlaybook: number;
  /** Deliveries in a row that fail before a webhook is turned off. */
  disableAfterFailures: number;
  /** Finished deliveries kept per webhook. */
  logKeep: number;
  /** Days a delivery stays in the log. */
  logDays: number;
}

export interface DispatcherOptions {
  /** First retry delay; each later one is five times longer (10 s, 50 s, ~4 min, ~21 min…), spread by ±25 %. */
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  pollMs: number;
  /** How often deliveries older than `rules.logDays` are swept out. */
  sweepMs: number;
  rules: WebhookRules;
}

/** Deliveries claimed per poll. */
const batchSize = 20;

/**
 * Sends queued webhook deliveries in the background. It never runs on an editing path: a
 * slow or failing endpoint only delays its own deliveries, which are retried with backoff
 * and end as `failed` after `maxAttempts`, visible in the delivery log. A destination the
 * policy refuses (this server, the network behind it) is never connected to.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private nextSweepAt = 0;

  constructor(
    private readonly store: WebhookStore,
    /** Which destinations may be called; the registrar asks it too. */
    readonly destinations: DestinationPolicy,
    private readonly options: DispatcherOptions,
    private readonly log: Logger,
  ) {}

  get rules(): WebhookRules {
    return this.options.rules;
  }

  /** Starts sending; `serverPort` is where this server listens, so it never calls itself. */
  start(serverPort: number): void {
    this.destinations.listeningOn(serverPort);
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

  /** Deletes deliveries older than the log keeps them (run every `sweepMs` by the poll loop). */
  async sweep(now = new Date()): Promise<number> {
    const removed = await this.store.prune(new Date(now.getTime() - this.options.rules.logDays * 24 * 3600_000));
    if (removed > 0) this.log.info({ removed, logDays: this.options.rules.logDays }, 'old webhook deliveries removed');
    return removed;
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
    const now = new Date();
    if (now.getTime() >= this.nextSweepAt) {
      this.nextSweepAt = now.getTime() + this.options.sweepMs;
      await this.sweep(now);
    }
    // The lease outlasts an attempt (timeout included), so only a sender that died lets it lapse.
    const leaseUntil = new Date(now.getTime() + 2 * this.options.timeoutMs + 5_000);
    const due = await this.store.claimDue(now, batchSize, leaseUntil);
    // allSettled: one failed bookkeeping write must not end the run while other POSTs are in flight.
    const results = await Promise.allSettled(due.map((delivery) => this.deliver(delivery)));
    for (const result of results)
      if (result.status === 'rejected') this.log.error({ err: result.reason }, 'recording a webhook delivery failed');
    // A full batch means more may be waiting: look again at once rather than after a poll.
    if (due.length === batchSize) this.kick();
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const attempts = delivery.attempts + 1;
    const outcome = await this.attempt(delivery);
    const giveUp = outcome.status !== 'pending' || attempts >= this.options.maxAttempts;
    const status = outcome.status === 'pending' && giveUp ? 'failed' : outcome.status;
    const record: AttemptOutcome = {
      status,
      attempts,
      nextAttemptAt: giveUp ? null : new Date(Date.now() + retryDelayMs(attempts, this.options.retryBaseMs)),
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      deliveredAt: status === 'delivered' ? new Date() : null,
    };
    const { disableAfterFailures, logKeep } = this.options.rules;
    const { turnedOff } = await this.store.recordAttempt(delivery.id, record, {
      disableAfterFailures,
      keepPerWebhook: logKeep,
      disabledReason: `Turned off after ${disableAfterFailures} failed ${disableAfterFailures === 1 ? 'delivery' : 'deliveries'} in a row (the last: ${outcome.error}). Fix the endpoint, then turn it back on.`,
    });
    const context = { deliveryId: delivery.id, webhookId: delivery.webhookId, attempts, statusCode: outcome.statusCode };
    if (status === 'delivered') this.log.info(context, 'webhook delivered');
    else this.log.warn({ ...context, error: outcome.error, status }, 'webhook delivery failed');
    if (turnedOff)
      this.log.warn({ webhookId: delivery.webhookId, failures: disableAfterFailures }, 'webhook turned off after failures in a row');
  }

  /** One POST: `pending` means it may be retried. */
  private async attempt(
    delivery: DueDelivery,
  ): Promise<{ status: 'delivered' | 'pending' | 'refused'; statusCode: number | null; error: string | null }> {
    try {
      const url = new URL(delivery.url);
      // IP literals never go through `lookup`: they are checked here (names after resolution, in the agent).
      const refusal = this.destinations.refusalBeforeConnect(url);
      if (refusal) throw refusal;
      const statusCode = await post(
        url,
        {
          'content-type': 'application/json',
          'user-agent': 'Fullcourt-Webhooks/1',
          'fullcourt-event': delivery.event,
          'fullcourt-delivery': delivery.id,
          'fullcourt-webhook': delivery.webhookId,
          [signatureHeader]: sign(delivery.secret, delivery.payload, Math.floor(Date.now() / 1000)),
        },
        delivery.payload,
        { timeoutMs: this.options.timeoutMs, lookup: this.destinations.lookupFor(url) },
      );
      if (statusCode >= 200 && statusCode < 300) return { status: 'delivered', statusCode, error: null };
      const redirect = statusCode >= 300 && statusCode < 400 ? '; redirects are not followed' : '';
      return { status: 'pending', statusCode, error: `The endpoint answered ${statusCode}${redirect}` };
    } catch (e) {
      if (e instanceof DestinationRefused) return { status: 'refused', statusCode: null, error: `Refused: ${e.message}` };
      if (e instanceof PostTimeout) return { status: 'pending', statusCode: null, error: e.message };
      return { status: 'pending', statusCode: null, error: `Could not reach the endpoint: ${networkError(e as NodeJS.ErrnoException)}` };
    }
  }
}

const networkErrors: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved now',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** A network failure in a few words, by its code: not the raw message, which names addresses and ports. */
function networkError(error: NodeJS.ErrnoException): string {
  if (error.code && networkErrors[error.code]) return networkErrors[error.code] as string;
  return error.code ?? error.message;
}
