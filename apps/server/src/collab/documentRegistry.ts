import type { DocumentStore, StoredDocument } from '../db';
import type { Logger } from '../logger';
import type { CrossProcessSync } from './crossProcessSync';
import type { StorageFailure } from './documentPersistence';
import type { DocumentSync } from './documentSync';
import { CollabError } from './errors';
import { type DocumentOptions, type Peer, SharedDocument } from './sharedDocument';

async function flushOrUnavailable(document: SharedDocument): Promise<void> {
  try {
    await document.persistence.flush();
  } catch (error) {
    throw new CollabError(
      'storage-unavailable',
      'The server cannot store edits right now, so it cannot read or save this playbook safely. Try again shortly.',
      { cause: error },
    );
  }
}

export interface RegistryOptions extends DocumentOptions {
  unloadDelayMs: number;
  /** Most documents in memory at once: past it idle ones are unloaded first, then loads are refused. */
  maxOpenDocuments?: number;
  /** Most stored bytes of the documents in memory at once (a Y.Doc takes up to ~12× its stored size); same policy. */
  maxLoadedBytes?: number;
  /** Called after each change made in this process (for checkpoints and titles, not for what other processes' clients did); must not throw. */
  onChange?: (playbookId: string) => void;
  /** With other processes sharing storage: keeps open documents in step with theirs (see CrossProcessSync). */
  crossProcess?: CrossProcessSync;
}

/** What a client refused for lack of room is told to wait: about how long a document takes to go idle. */
const busyRetrySeconds = 30;

/**
 * The open documents, one per playbook. Loading is one promise per playbook that every
 * connection awaits, so two clients arriving together share one Y.Doc (y-websocket#81); a
 * failed load is forgotten so the next client retries, and nothing is ever written for it.
 * Memory is capped in documents and bytes: past a cap the documents idle longest (no peers,
 * nothing unstored) are unloaded first; when none can go, the load is refused ('server-busy').
 */
export class DocumentRegistry {
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  /** Loaded documents, for the byte cap. */
  private readonly loaded = new Map<string, SharedDocument>();
  /** Documents nobody uses, waiting to unload, in the order they went idle (longest idle first). */
  private readonly unloadTimers = new Map<string, { timer: NodeJS.Timeout; document: SharedDocument }>();
  /** Each loaded document's link to the other processes (with a bus only). */
  private readonly syncs = new WeakMap<SharedDocument, DocumentSync>();
  private closing = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RegistryOptions,
    private readonly log: Logger,
  ) {}

  /** The open document for a playbook, loading it if needed, with `peer` attached. */
  async acquire(playbookId: string, peer: Peer): Promise<SharedDocument> {
    for (;;) {
      this.cancelUnload(playbookId);
      const document = await this.open(playbookId);
      // An unload may have finished while we waited; then load it afresh.
      if (document.destroyed) continue;
      this.cancelUnload(playbookId);
      document.addPeer(peer);
      return document;
    }
  }

  /** Detaches a peer; the last one to leave starts the unload timer. */
  release(document: SharedDocument, peer: Peer): void {
    document.removePeer(peer);
    if (document.peerCount === 0) this.scheduleUnload(document);
  }

  /**
   * Runs `work` on the open document, loading it if needed, for REST reads and writes. The
   * document stays loaded while `work` runs and unloads later if nobody is connected.
   */
  async use<T>(playbookId: string, work: (document: SharedDocument) => T | Promise<T>): Promise<T> {
    for (;;) {
      const document = await this.open(playbookId);
      if (document.destroyed) continue;
      this.cancelUnload(playbookId);
      document.borrowers++;
      try {
        // Persist before read: a REST read, a version or a publication must never contain an
        // edit that storage has not taken (a crash would then keep it there and lose it here).
        await flushOrUnavailable(document);
        return await work(document);
      } finally {
        document.borrowers--;
        if (document.peerCount === 0 && document.borrowers === 0) this.scheduleUnload(document);
      }
    }
  }

  private open(playbookId: string): Promise<SharedDocument> {
    if (this.closing) {
      return Promise.reject(new CollabError('shutting-down', 'The server is restarting. Try again in a moment.'));
    }
    let promise = this.loading.get(playbookId);
    if (!promise) {
      promise = this.load(playbookId);
      this.loading.set(playbookId, promise);
      promise.catch(() => this.loading.delete(playbookId));
    }
    return promise;
  }

  /** The loaded document of a playbook, without loading or flushing it (for health, diagnostics and tests). */
  peek(playbookId: string): SharedDocument | undefined {
    return this.loaded.get(playbookId);
  }

  get openCount(): number {
    return this.loading.size;
  }

  /** The oldest ongoing failure to store some open document's edits, or undefined when every write is going through. */
  get storageFailure(): (StorageFailure & { playbookId: string }) | undefined {
    let oldest: (StorageFailure & { playbookId: string }) | undefined;
    for (const document of this.loaded.values()) {
      const failure = document.persistence.failure;
      if (failure && (!oldest || failure.since < oldest.since)) oldest = { ...failure, playbookId: document.playbookId };
    }
    return oldest;
  }

  /**
   * Refuses new work, lets running REST commands finish, flushes and compacts every open document,
   * then forgets them (SIGTERM). Resolves to the ids of playbooks whose final flush failed: their
   * unstored edits are lost, which the process must report (main.ts exits non-zero).
   */
  async closeAll(): Promise<string[]> {
    const failed: string[] = [];
    this.closing = true;
    for (const { timer } of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const open = await Promise.allSettled(this.loading.values());
    await Promise.all(
      open.map(async (result) => {
        if (result.status !== 'fulfilled') return;
        const document = result.value;
        for (let waited = 0; document.borrowers > 0 && waited < 5_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
        try {
          await document.persistence.flush({ compact: true });
        } catch (error) {
          this.log.error({ err: error, playbookId: document.playbookId }, 'final flush failed; unstored edits are lost');
          // Compaction alone failing loses nothing: every update is stored as its own row.
          if (document.persistence.isBehind) failed.push(document.playbookId);
        }
        this.forget(document);
      }),
    );
    this.loading.clear();
    this.loaded.clear();
    return failed;
  }

  private async load(playbookId: string): Promise<SharedDocument> {
    const started = performance.now();
    const maxDocuments = this.options.maxOpenDocuments ?? Number.POSITIVE_INFINITY;
    const maxBytes = this.options.maxLoadedBytes ?? Number.POSITIVE_INFINITY;
    // Counting this one, which open() adds to `loading` only once this function first awaits.
    const documents = () => this.loading.size + (this.loading.has(playbookId) ? 0 : 1);
    if (!(await this.makeRoom(() => documents() <= maxDocuments && this.loadedBytes() <= maxBytes))) {
      throw documents() > maxDocuments
        ? this.busy(`Too many playbooks open on the server (MAX_OPEN_DOCUMENTS is ${maxDocuments})`)
        : this.busy(`Too much playbook data in the server's memory (MAX_LOADED_BYTES is ${maxBytes})`);
    }
    // Subscribe before loading: what other processes store meanwhile is buffered, then applied if newer.
    let sync: DocumentSync | undefined;
    try {
      sync = await this.options.crossProcess?.attach(playbookId);
      const stored = await this.store.load(playbookId);
      const document = this.replay(playbookId, stored);
      this.loaded.set(playbookId, document);
      // Its size is known only now: make room for it too, or give it up (nothing was written for it).
      if (!(await this.makeRoom(() => this.loadedBytes() <= maxBytes))) {
        this.loaded.delete(playbookId);
        document.destroy();
        throw this.busy(`Too much playbook data in the server's memory (MAX_LOADED_BYTES is ${maxBytes})`);
      }
      if (sync) {
        sync.bind(document, stored.lastSeq);
        this.syncs.set(document, sync);
      }
      const { onChange } = this.options;
      if (onChange) {
        document.doc.on('update', (_update: Uint8Array, origin: unknown) => {
          // Another process's edit is checkpointed and indexed by the process its client is on.
          if (!SharedDocument.fromElsewhere(origin)) onChange(playbookId);
        });
      }
      this.log.info(
        { playbookId, updates: stored.updates.length, storedBytes: stored.storedBytes, ms: Math.round(performance.now() - started) },
        'document loaded',
      );
      return document;
    } catch (error) {
      if (sync) this.options.crossProcess?.detach(sync);
      if (error instanceof CollabError) throw error;
      this.log.error({ err: error, playbookId }, 'document load failed');
      throw error;
    }
  }

  private loadedBytes(): number {
    let total = 0;
    for (const document of this.loaded.values()) total += document.persistence.storedBytes;
    return total;
  }

  /** Unloads idle documents, longest idle first, until `fits()`; false if it still does not fit. */
  private async makeRoom(fits: () => boolean): Promise<boolean> {
    if (fits()) return true;
    for (const { document } of [...this.unloadTimers.values()]) {
      // Someone may have come back to it while an earlier one was unloading.
      if (!this.unloadTimers.has(document.playbookId)) continue;
      this.cancelUnload(document.playbookId);
      await this.unload(document);
      if (fits()) return true;
    }
    return fits();
  }

  /** A refusal to load: `what` names the cap; the sentence stays under a WebSocket close reason's 123 bytes. */
  private busy(what: string): CollabError {
    this.log.warn({ open: this.loading.size, loadedBytes: this.loadedBytes() }, `${what}; refusing to load a playbook`);
    return new CollabError('server-busy', `${what}, all in use. Try again in ${busyRetrySeconds} s.`, {
      retryAfterSeconds: busyRetrySeconds,
    });
  }

  private replay(playbookId: string, stored: StoredDocument): SharedDocument {
    try {
      return new SharedDocument(playbookId, stored, this.store, this.options, this.log);
    } catch (error) {
      // Stored before nesting was limited, it may delete content too deep for Yjs to apply at once.
      this.log.warn({ err: error, playbookId }, 'replaying the stored document failed; replaying it again, deep deletions in steps');
      return new SharedDocument(playbookId, stored, this.store, this.options, this.log, { carefully: true });
    }
  }

  private scheduleUnload(document: SharedDocument): void {
    this.cancelUnload(document.playbookId);
    const timer = setTimeout(() => void this.unload(document), this.options.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(document.playbookId, { timer, document });
  }

  private cancelUnload(playbookId: string): void {
    clearTimeout(this.unloadTimers.get(playbookId)?.timer);
    this.unloadTimers.delete(playbookId);
  }

  private async unload(document: SharedDocument): Promise<void> {
    this.unloadTimers.delete(document.playbookId);
    try {
      await document.persistence.flush({ compact: true });
    } catch (error) {
      // Keep it in memory: unloading now would drop edits that storage has not taken yet.
      this.log.error({ err: error, playbookId: document.playbookId }, 'flush before unload failed; keeping the document open');
      if (document.peerCount === 0) this.scheduleUnload(document);
      return;
    }
    // Someone may have joined (or a REST write may have landed) while we flushed.
    if (document.peerCount > 0 || document.borrowers > 0 || document.persistence.isBehind || this.unloadTimers.has(document.playbookId))
      return;
    this.loading.delete(document.playbookId);
    this.loaded.delete(document.playbookId);
    this.forget(document);
    this.log.info({ playbookId: document.playbookId }, 'document unloaded');
  }

  /** Destroys a document and stops following other processes' changes to it. */
  private forget(document: SharedDocument): void {
    const sync = this.syncs.get(document);
    if (sync) this.options.crossProcess?.detach(sync);
    document.destroy();
  }
}
