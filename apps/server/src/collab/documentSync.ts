import type { Bus, BusUpdate, PlaybookListener } from '../bus/bus';
import type { DocumentStore } from '../db';
import type { Logger } from '../logger';
import type { CollabMetrics } from './documentPersistence';
import { SequenceTracker } from './sequenceTracker';
import type { SharedDocument } from './sharedDocument';

/** A storage read that has not answered by then is given up (and tried again later), so one hung call cannot stop every later catch-up. */
const readTimeoutMs = 10_000;

/** How long a missing row may stay missing before it is read from storage (another process's publish may just be late). */
const gapGraceMs = 200;

export type CatchUpReason = 'gap' | 'reconnect' | 'periodic';

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
  /** Writes from other processes that arrived this turn, applied together (see update). */
  private incoming: BusUpdate[] = [];
  private applyScheduled = false;
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
    document.onStored = (updates, lastSeq) => {
      const first = lastSeq - updates.length + 1;
      tracker.mark(first, lastSeq);
      // Commit first, then publish: one message for the whole write, not one per update.
      this.bus.publishUpdates(this.playbookId, first, Date.now(), updates);
      this.watchGap();
    };
    document.onLocalPresence = (update) => this.bus.publishAwareness(this.playbookId, update);
    const buffered = this.buffered;
    this.buffered = [];
    this.applyIncoming(buffered);
    // Presence of clients on other processes would otherwise show only when they next move (up to 15 s).
    this.bus.askPresence(this.playbookId);
  }

  /** Stops following (the document unloads, or its load failed). */
  detach(): void {
    this.detached = true;
    clearTimeout(this.gapTimer);
    this.unsubscribe();
  }

  /**
   * Takes another process's write. What arrives in one turn of the event loop (often writes of several
   * processes) is applied together once the turn's reads are done: one transaction and one broadcast.
   */
  update(message: BusUpdate): void {
    if (!this.document || !this.tracker) {
      this.buffered.push(message);
      return;
    }
    if (this.document.destroyed || this.detached) return;
    this.incoming.push(message);
    if (this.applyScheduled) return;
    this.applyScheduled = true;
    setImmediate(() => {
      this.applyScheduled = false;
      const messages = this.incoming;
      this.incoming = [];
      this.applyIncoming(messages);
    });
  }

  private applyIncoming(messages: readonly BusUpdate[]): void {
    const { document, tracker } = this;
    if (!document || !tracker || document.destroyed || this.detached || messages.length === 0) return;
    const now = Date.now();
    const updates: Uint8Array[] = [];
    const seqs: number[] = [];
    let lastSeq = 0;
    for (const message of messages) {
      this.metrics?.busLag.observe(Math.max(0, now - message.storedAt) / 1000);
      for (let i = 0; i < message.updates.length; i++) {
        const seq = message.firstSeq + i;
        if (tracker.has(seq)) continue;
        updates.push(message.updates[i] as Uint8Array);
        seqs.push(seq);
        if (seq > lastSeq) lastSeq = seq;
      }
    }
    if (updates.length === 0) return;
    try {
      // Yjs holds an update whose predecessors are missing as pending and integrates it once they come.
      document.applyRemote(updates, lastSeq);
    } catch (error) {
      // Not marked as here: the periodic check reads them from storage.
      this.log.warn({ err: error, playbookId: this.playbookId }, 'applying updates from another process failed');
      return;
    }
    for (const seq of seqs) tracker.mark(seq);
    this.watchGap();
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
    let timer: NodeJS.Timeout | undefined;
    const tail = await Promise.race([
      this.store.since(this.playbookId, tracker.contiguous),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`storage did not answer within ${readTimeoutMs} ms`)), readTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (document.destroyed || this.detached) return;
    let applied = 0;
    // Rows after ours were folded into the snapshot meanwhile: it holds them all.
    if (tail.snapshot && tail.snapshot.uptoSeq > tracker.contiguous) {
      document.applyRemote([tail.snapshot.state], tail.snapshot.uptoSeq);
      tracker.coverUpTo(tail.snapshot.uptoSeq);
      applied++;
    }
    let highest = tail.snapshot?.uptoSeq ?? 0;
    const updates: Uint8Array[] = [];
    for (const { seq, update } of tail.updates) {
      highest = Math.max(highest, seq);
      if (tracker.has(seq)) continue;
      updates.push(update);
    }
    // All in one transaction: peers get the rows that were missing as one update.
    document.applyRemote(updates, highest);
    applied += updates.length;
    // Storage gave every row after ours that it had: none is missing below the newest it returned.
    tracker.coverUpTo(highest);
    if (applied > 0) {
      this.metrics?.busCatchUps.inc({ reason });
      this.log.info({ playbookId: this.playbookId, reason, applied, contiguous: tracker.contiguous }, 'caught up from storage');
    }
    this.watchGap();
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
