import type { Bus } from '../bus/bus';
import type { DocumentStore } from '../db';
import type { Logger } from '../logger';
import type { CollabMetrics } from './documentPersistence';
import { DocumentSync } from './documentSync';

/** How often every open document is checked against storage's heads (one query for all). */
const defaultCheckIntervalMs = 3_000;

/**
 * The collaboration core's side of the bus: one DocumentSync per open document, a catch-up of every
 * one after the bus reconnects, and a periodic check of all of them against storage in one `heads()`
 * query, which finds what a dropped publish left out even when nothing else arrives to show the gap.
 */
export class CrossProcessSync {
  private readonly syncs = new Map<string, DocumentSync>();
  private readonly timer: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly bus: Bus,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly metrics: CollabMetrics | undefined,
    checkIntervalMs = defaultCheckIntervalMs,
  ) {
    bus.onReconnected(() => {
      for (const sync of this.syncs.values()) void sync.catchUp('reconnect');
    });
    this.timer = setInterval(() => void this.check(), checkIntervalMs);
    this.timer.unref();
  }

  /** Subscribes to a playbook before it loads (what arrives meanwhile is kept for `bind`). */
  async attach(playbookId: string): Promise<DocumentSync> {
    const sync = new DocumentSync(playbookId, this.bus, this.store, this.log, this.metrics);
    this.syncs.set(playbookId, sync);
    sync.unsubscribe = await this.bus.subscribe(playbookId, sync);
    return sync;
  }

  /** Unsubscribes (the document unloaded, or never loaded). */
  detach(sync: DocumentSync): void {
    sync.detach();
    if (this.syncs.get(sync.playbookId) === sync) this.syncs.delete(sync.playbookId);
  }

  close(): void {
    clearInterval(this.timer);
    for (const sync of this.syncs.values()) sync.detach();
    this.syncs.clear();
  }

  /** Catches up every open document whose stored head is past what it holds. */
  async check(): Promise<void> {
    if (this.checking) return;
    const bound = [...this.syncs.values()].filter((sync) => sync.isBound);
    if (bound.length === 0) return;
    this.checking = true;
    try {
      const heads = await this.store.heads(bound.map((sync) => sync.playbookId));
      await Promise.all(bound.map((sync) => (sync.covers(heads.get(sync.playbookId) ?? 0) ? undefined : sync.catchUp('periodic'))));
    } catch (error) {
      this.log.warn({ err: error }, 'checking open documents against storage failed; trying again shortly');
    } finally {
      this.checking = false;
    }
  }
}
