import { boundGarbageCollection } from '@fullcourt/playbook';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from '../db';
import type { Logger } from '../logger';
import { DocumentPersistence, type PersistenceOptions } from './documentPersistence';
import { awarenessMessage, syncStep1Message, updateMessage } from './messages';
import { replayStored } from './storedReplay';

/** Whatever receives a document's messages: a WebSocket connection today. */
export interface Peer {
  send(message: Uint8Array): void;
}

type Outgoing = { to: Peer | undefined; except: Peer | undefined; message: Uint8Array };

/**
 * One open playbook: its Y.Doc and awareness, shared by every connection to it.
 * Persist before broadcast: every message leaving this document waits until each update
 * applied so far is stored, so a peer that saw an edit finds it again after a crash.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  readonly persistence: DocumentPersistence;
  /** Each peer with the awareness client ids it controls, removed for the others when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  private outbox: Outgoing[] = [];
  destroyed = false;
  /** REST commands currently using this document; it is not unloaded while any are. */
  borrowers = 0;

  constructor(
    readonly playbookId: string,
    stored: StoredDocument,
    store: DocumentStore,
    options: PersistenceOptions,
    log: Logger,
    /** `carefully` after a plain replay failed (see replayStored). */
    replay: { carefully?: boolean } = {},
  ) {
    // Replay storage before any listener exists, so loading writes nothing back. A deletion of deep
    // content stored before nesting was limited would overflow the stack in Yjs' collection.
    boundGarbageCollection(this.doc);
    replayStored(this.doc, stored, replay.carefully);
    this.persistence = new DocumentPersistence(playbookId, store, stored, () => Y.encodeStateAsUpdate(this.doc), options, log);
    this.persistence.onCaughtUp = () => this.drainOutbox();

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.persistence.enqueue(update);
      this.post({ to: undefined, except: this.peers.has(origin as Peer) ? (origin as Peer) : undefined, message: updateMessage(update) });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      const owned = this.peers.get(origin as Peer);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      this.post({
        to: undefined,
        except: undefined,
        message: awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      });
    });
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync handshake: our state vector, then everyone's awareness. */
  addPeer(peer: Peer): void {
    this.peers.set(peer, new Set());
    this.sendTo(peer, syncStep1Message(Y.encodeStateVector(this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.sendTo(peer, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Removes a peer and, for the others, the awareness states (names, carets) it controlled. */
  removePeer(peer: Peer): void {
    const owned = this.peers.get(peer);
    if (!owned) return;
    this.peers.delete(peer);
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null);
    // y-protocols keeps a clock per client forever; forget those of clients that left.
    for (const id of owned) this.awareness.meta.delete(id);
  }

  /** Whether an awareness client id is this peer's, nobody's yet, or another peer's. */
  claimOf(peer: Peer, clientId: number): 'own' | 'new' | 'foreign' {
    if (this.peers.get(peer)?.has(clientId)) return 'own';
    for (const [other, ids] of this.peers) if (other !== peer && ids.has(clientId)) return 'foreign';
    return 'new';
  }

  ownedCount(peer: Peer): number {
    return this.peers.get(peer)?.size ?? 0;
  }

  /** Whether the document holds everything a client's state vector says that client has seen or made. */
  covers(stateVector: Map<number, number>): boolean {
    for (const [client, clock] of stateVector) if (Y.getState(this.doc.store, client) < clock) return false;
    return true;
  }

  /** Resolves once the document covers `stateVector`, or false after `timeoutMs`. */
  waitToCover(stateVector: Map<number, number>, timeoutMs: number): Promise<boolean> {
    if (this.covers(stateVector)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!this.covers(stateVector)) return;
        done(true);
      };
      const timer = setTimeout(() => done(false), timeoutMs);
      const done = (covered: boolean) => {
        clearTimeout(timer);
        this.doc.off('update', check);
        resolve(covered);
      };
      this.doc.on('update', check);
    });
  }

  /** Sends to one peer, behind any update still being stored. */
  sendTo(peer: Peer, message: Uint8Array): void {
    this.post({ to: peer, except: undefined, message });
  }

  destroy(): void {
    this.destroyed = true;
    this.persistence.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private post(item: Outgoing): void {
    if (this.persistence.isBehind || this.outbox.length > 0) {
      this.outbox.push(item);
      return;
    }
    this.deliver(item);
  }

  private drainOutbox(): void {
    const items = this.outbox;
    this.outbox = [];
    for (const item of items) this.deliver(item);
  }

  private deliver({ to, except, message }: Outgoing): void {
    if (to) {
      if (this.peers.has(to)) to.send(message);
      return;
    }
    for (const peer of this.peers.keys()) if (peer !== except) peer.send(message);
  }
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}
