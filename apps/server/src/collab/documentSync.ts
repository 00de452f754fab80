import type { Bus, BusUpdate, PlaybookListener } from '../bus/bus';
import type { DocumentStore } from '../db';
import type { Logger } from '../logger';
import type { CollabMetrics } from './documentPersistence';
import { SequenceTracker } from './sequenceTracker';
import type { SharedDocument } from './sharedDocument';

/** How long a missing row may stay missing before it is read from storage (another process's publish may just be late). */
const gapGraceMs = 200;

export type CatchUpReason = 'gap' | 'reconnect' | 'periodic' | 'subscribed';

/**
 * Keeps one open document in step with the other processes that have it open. Subscribed before
 * the document loads, it buffers what arrives meanwhile and applies what is newer than the load once
 * bound. After that: this process's stored updates are published with their sequence numbers (commit
 * first, then publish), others' are applied as already stored, and rows that did not come over the bus
 * (a gap, a reconnect, the periodic check) are read back from storage. Compaction folds only the rows
 * this process has applied (see SequenceTracker).
 */
export class DocumentSync implements PlaybookListener {
  private document: SharedDocument | undefined;
  private tracker: SequenceTracker | undefined;
  private buffered: BusUpdate[] = [];
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain: CatchUpReason | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  private detached = false;
  /** Ends the subscription (set once subscribed). */
  unsubscribe: () => void = () => {};

  constructor(
    readonly playbookId: string,
    private readonly bus: Bus,
    private readonly store: DocumentStore,
    private readonly log: Logger,
    private readonly metrics: CollabMetrics | undefined,
  ) {}

  /** Whether the document is loaded and every row up to `head` is in it. */
  covers(head: number): boolean {
    return !this.tracker || this.tracker.covers(head);
  }

  get isBound(): boolean {
    return this.document !== undefined;
  }

  /** Starts following once the document has loaded every row up to `loadedSeq`. */
  bind(document: SharedDocument, loadedSeq: number): void {
    const tracker = new SequenceTracker(loadedSeq);
    this.document = document;
    this.tracker = tracker;
    document.persistence.foldUpTo = () => tracker.contiguous;
    document.onStored = (updates, lastSeq, local) => {
      tracker.mark(lastSeq - updates.length + 1, lastSeq);
      if (local) {
        const storedAt = Date.now();
        const first = lastSeq - updates.length + 1;
        for (const [i, update] of updates.entries()) this.bus.publishUpdate(this.playbookId, first + i, storedAt, update);
      }
      this.watchGap();
    };
    document.onLocalPresence = (update) => this.bus.publishAwareness(this.playbookId, update);
    const buffered = this.buffered;
    this.buffered = [];
    for (const message of buffered) this.update(message);
    // Presence of clients on other processes would otherwise show only when they next move (up to 15 s).
    this.bus.askPresence(this.playbookId);
  }

  /** Stops following (the document unloads, or its load failed). */
  detach(): void {
    this.detached = true;
    clearTimeout(this.gapTimer);
    this.unsubscribe();
  }

  update(message: BusUpdate): void {
    const { document, tracker } = this;
    if (!document || !tracker) {
      this.buffered.push(message);
      return;
    }
    if (document.destroyed || this.detached) return;
    this.metrics?.busLag.observe(Math.max(0, Date.now() - message.storedAt) / 1000);
    if (tracker.has(message.seq)) return;
    // Yjs holds an update whose predecessors are missing as pending and integrates it once they come.
    document.applyRemote(message.update, message.seq);
  }

  awareness(update: Uint8Array): void {
    const { document } = this;
    if (!document || document.destroyed || this.detached) return;
    try {
      document.applyRemotePresence(update);
    } catch (error) {
      this.log.warn({ err: error, playbookId: this.playbookId }, 'unreadable presence from another process; ignoring it');
    }
  }

  presenceAsked(): void {
    const presence = this.document?.localPresence();
    if (presence) this.bus.publishAwareness(this.playbookId, presence);
  }

  /** Reads from storage every row after the contiguous one and applies those not here (one catch-up at a time). */
  catchUp(reason: CatchUpReason): Promise<void> {
    if (!this.tracker) return Promise.resolve();
    if (this.catchingUp) {
      this.catchUpAgain = reason;
      return this.catchingUp;
    }
    this.catchingUp = (async () => {
      let next: CatchUpReason | undefined = reason;
      while (next && !this.detached) {
        this.catchUpAgain = undefined;
        try {
          await this.catchUpOnce(next);
        } catch (error) {
          // The periodic check tries again.
          this.log.warn({ err: error, playbookId: this.playbookId, reason: next }, 'catching up from storage failed');
          break;
        }
        next = this.catchUpAgain;
      }
    })().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  private async catchUpOnce(reason: CatchUpReason): Promise<void> {
    const tracker = this.tracker as SequenceTracker;
    const document = this.document as SharedDocument;
    const tail = await this.store.since(this.playbookId, tracker.contiguous);
    if (document.destroyed || this.detached) return;
    let applied = 0;
    // Rows after ours were folded into the snapshot meanwhile: it holds them all.
    if (tail.snapshot && tail.snapshot.uptoSeq > tracker.contiguous) {
      document.applyRemote(tail.snapshot.state, tail.snapshot.uptoSeq);
      tracker.coverUpTo(tail.snapshot.uptoSeq);
      applied++;
    }
    let highest = tail.snapshot?.uptoSeq ?? 0;
    for (const { seq, update } of tail.updates) {
      highest = Math.max(highest, seq);
      if (tracker.has(seq)) continue;
      document.applyRemote(update, seq);
      applied++;
    }
    // Storage gave every row after ours that it had: none is missing below the newest it returned.
    tracker.coverUpTo(highest);
    if (applied > 0) {
      this.metrics?.busCatchUps.inc({ reason });
      this.log.info({ playbookId: this.playbookId, reason, applied, contiguous: tracker.contiguous }, 'caught up from storage');
    }
  }

  /** A row missing before one applied: give the bus a moment to bring it, then read it from storage. */
  private watchGap(): void {
    if (!this.tracker?.hasGap || this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.tracker?.hasGap) void this.catchUp('gap').then(() => this.watchGap());
    }, gapGraceMs);
    this.gapTimer.unref();
  }
}
