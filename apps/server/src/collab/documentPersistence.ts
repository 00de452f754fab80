import type { DocumentStore, StoredDocument } from '../db';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';

/** The instruments the collaboration core increments (a subset of the server's metrics). */
export type CollabMetrics = Pick<Metrics, 'updatesStored' | 'updatesBroadcast' | 'storageLatency' | 'busLag' | 'busCatchUps'>;

export interface PersistenceOptions {
  compactAfterUpdates: number;
  metrics?: CollabMetrics;
}

const maxRetryDelayMs = 5_000;

/** The latest error of a run of failed writes, and when the run began. */
export interface StorageFailure {
  error: unknown;
  since: Date;
}

/**
 * Writes one document's updates to storage in order, batching those that arrive in the same
 * turn of the event loop into one transaction. While anything is unwritten the document is "behind" and holds
 * its outgoing messages (see SharedDocument), so no client sees an edit before it is stored.
 * A failed write keeps the updates in memory and retries with backoff: storage hiccups must
 * not lose edits (hocuspocus#954), and the document is never unloaded before a flush succeeds.
 */
export class DocumentPersistence {
  private pending: Uint8Array[] = [];
  private draining: Promise<void> | undefined;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs = 100;
  private lastSeq: number;
  private updatesSinceSnapshot: number;
  private snapshotBytes: number;
  private updateBytes: number;
  private compactRequested = false;
  private failing: StorageFailure | undefined;
  /** Called whenever every enqueued update has been stored. */
  onCaughtUp: () => void = () => {};
  /** Called after each write commits, with the batch and the sequence number of its last update (theirs are consecutive). */
  onStored: (updates: Uint8Array[], lastSeq: number) => void = () => {};
  /**
   * How far a compaction may fold: every row up to it must be in memory. Alone that is every row
   * stored; with other processes writing too, only the rows up to the first one not applied here yet.
   */
  foldUpTo: () => number = () => this.lastSeq;

  constructor(
    private readonly playbookId: string,
    private readonly store: DocumentStore,
    stored: StoredDocument,
    private readonly encodeState: () => Uint8Array,
    private readonly options: PersistenceOptions,
    private readonly log: Logger,
  ) {
    this.lastSeq = stored.lastSeq;
    this.updatesSinceSnapshot = stored.updates.length;
    this.snapshotBytes = stored.snapshot?.byteLength ?? 0;
    this.updateBytes = stored.storedBytes - this.snapshotBytes;
  }

  /** True while some applied update is not yet in storage. */
  get isBehind(): boolean {
    return this.pending.length > 0;
  }

  /** Why storing has been failing and since when; undefined once a write succeeds again. */
  get failure(): StorageFailure | undefined {
    return this.failing;
  }

  /** Bytes this document occupies in storage, counting what is about to be written. */
  get storedBytes(): number {
    return this.snapshotBytes + this.updateBytes;
  }

  enqueue(update: Uint8Array): void {
    this.pending.push(update);
    this.updateBytes += update.byteLength;
    this.schedule();
  }

  /** Counts an update that storage already holds at `seq` (`rows` stored rows: a restore's backup, another process's batch), without writing it again. */
  adopt(update: Uint8Array, seq: number, rows = 1): void {
    this.updateBytes += update.byteLength;
    this.updatesSinceSnapshot += rows;
    // It is in memory from now on, so a compaction up to it folds it in like any other row.
    this.lastSeq = Math.max(this.lastSeq, seq);
  }

  /** Stores everything pending (including what arrives meanwhile); with `compact`, also folds all stored updates into one snapshot. */
  async flush(options: { compact?: boolean } = {}): Promise<void> {
    if (options.compact) this.compactRequested = true;
    // Joining a drain that is just finishing would resolve before our own updates are stored: loop until none are left.
    do {
      this.draining ??= this.drain().then(
        () => {
          this.draining = undefined;
          this.failing = undefined;
          // An update enqueued while the last drain was resolving must not wait for the next edit.
          if (this.pending.length > 0) this.schedule();
        },
        (error: unknown) => {
          this.draining = undefined;
          this.failing = { error, since: this.failing?.since ?? new Date() };
          throw error;
        },
      );
      await this.draining;
    } while (this.pending.length > 0 || (this.compactRequested && this.updatesSinceSnapshot > 0));
  }

  /** Stops retrying; the caller has given up on this document (shutdown after a final flush). */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private schedule(): void {
    if (this.scheduled || this.retryTimer) return;
    this.scheduled = true;
    // Once per event-loop turn, after every socket read in it: what all clients sent in that turn
    // is one transaction, and what it holds back leaves together (one write per peer).
    setImmediate(() => {
      this.scheduled = false;
      this.flush().then(
        () => {
          this.retryDelayMs = 100;
        },
        (error: unknown) => {
          this.log.error(
            { err: error, playbookId: this.playbookId, pending: this.pending.length, retryInMs: this.retryDelayMs },
            'storing updates failed; keeping them in memory and retrying',
          );
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.schedule();
          }, this.retryDelayMs);
          this.retryDelayMs = Math.min(this.retryDelayMs * 2, maxRetryDelayMs);
        },
      );
    });
  }

  private async drain(): Promise<void> {
    // Once per drain: a compaction that could fold nothing (rows missing here) must not spin.
    let compacted = false;
    for (;;) {
      while (this.pending.length > 0) {
        const batch = this.pending.slice();
        const started = performance.now();
        // Only drop the batch from memory once it is stored.
        const seq = await this.store.append(this.playbookId, batch);
        this.options.metrics?.storageLatency.observe({ operation: 'append' }, (performance.now() - started) / 1000);
        this.options.metrics?.updatesStored.inc(batch.length);
        // max: an adopted row may have taken a later number while this write was in flight.
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.pending.splice(0, batch.length);
        this.updatesSinceSnapshot += batch.length;
        // Commit first, then publish: others hear of an update only once storage holds it.
        this.onStored(batch, seq);
      }
      this.onCaughtUp();
      if (compacted || !this.wantsCompaction()) break;
      await this.compact();
      compacted = true;
    }
    this.compactRequested = false;
  }

  /**
   * Compaction rewrites the whole snapshot, so for a large playbook it waits until the updates
   * since the last one are worth a quarter of it: write cost stays proportional to edits, not
   * to document size. A hard cap on the update count keeps loading fast regardless.
   */
  private wantsCompaction(): boolean {
    const n = this.updatesSinceSnapshot;
    if (this.compactRequested) return n > 0;
    if (n >= 20 * this.options.compactAfterUpdates) return true;
    return n >= this.options.compactAfterUpdates && this.updateBytes * 4 >= this.snapshotBytes;
  }

  /**
   * Runs only with nothing pending, so the encoded state holds every row up to `foldUpTo()` (and
   * perhaps later ones, which stay as rows: applying them again changes nothing).
   */
  private async compact(): Promise<void> {
    const started = performance.now();
    const state = this.encodeState();
    const uptoSeq = this.foldUpTo();
    // Rows known past the fold stay; the rest are what this compaction folds.
    const folded = Math.max(0, this.updatesSinceSnapshot - Math.max(0, this.lastSeq - uptoSeq));
    const foldedBytes = this.updatesSinceSnapshot > 0 ? Math.round((this.updateBytes * folded) / this.updatesSinceSnapshot) : 0;
    const compacted = await this.store.compact(this.playbookId, state, uptoSeq);
    this.options.metrics?.storageLatency.observe({ operation: 'compact' }, (performance.now() - started) / 1000);
    // Folded either way: by us, or already by another process whose snapshot is at or past ours.
    // Updates stored while compaction ran stay as rows after the snapshot.
    this.updatesSinceSnapshot -= folded;
    this.updateBytes -= foldedBytes;
    if (compacted) this.snapshotBytes = state.byteLength;
    this.compactRequested = false;
    if (!compacted) {
      this.log.info({ playbookId: this.playbookId, uptoSeq }, 'compaction skipped: the stored snapshot is already as recent');
      return;
    }
    this.log.info(
      {
        playbookId: this.playbookId,
        foldedUpdates: folded,
        foldedBytes,
        snapshotBytes: state.byteLength,
        ms: Math.round(performance.now() - started),
      },
      'document compacted',
    );
  }
}
