import type { DocumentStore, StoredDocument } from '../db';
import type { Logger } from '../logger';
import type { PersistenceOptions } from './documentPersistence';
import { CollabError } from './errors';
import { type Peer, SharedDocument } from './sharedDocument';

async function flushOrUnavailable(document: SharedDocument): Promise<void> {
  try {
    await document.persistence.flush();
  } catch {
    throw new CollabError(
      'storage-unavailable',
      'The server cannot store edits right now, so it cannot read or save this playbook safely. Try again shortly.',
    );
  }
}

export interface RegistryOptions extends PersistenceOptions {
  unloadDelayMs: number;
  /** Called after each change to a document (for checkpoints); must not throw. */
  onChange?: (playbookId: string) => void;
}

/**
 * The open documents, one per playbook. Loading is one promise per playbook that every
 * connection awaits, so two clients arriving together share one Y.Doc (y-websocket#81); a
 * failed load is forgotten so the next client retries, and nothing is ever written for it.
 */
export class DocumentRegistry {
  private readonly loading = new Map<string, Promise<SharedDocument>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
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

  get openCount(): number {
    return this.loading.size;
  }

  /** Refuses new work, lets running REST commands finish, flushes and compacts every open document, then forgets them (SIGTERM). */
  async closeAll(): Promise<void> {
    this.closing = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
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
        }
        document.destroy();
      }),
    );
    this.loading.clear();
  }

  private async load(playbookId: string): Promise<SharedDocument> {
    const started = performance.now();
    try {
      const stored = await this.store.load(playbookId);
      const document = this.replay(playbookId, stored);
      const { onChange } = this.options;
      if (onChange) document.doc.on('update', () => onChange(playbookId));
      this.log.info(
        { playbookId, updates: stored.updates.length, storedBytes: stored.storedBytes, ms: Math.round(performance.now() - started) },
        'document loaded',
      );
      return document;
    } catch (error) {
      this.log.error({ err: error, playbookId }, 'document load failed');
      throw error;
    }
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
    this.unloadTimers.set(document.playbookId, timer);
  }

  private cancelUnload(playbookId: string): void {
    clearTimeout(this.unloadTimers.get(playbookId));
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
    document.destroy();
    this.log.info({ playbookId: document.playbookId }, 'document unloaded');
  }
}
