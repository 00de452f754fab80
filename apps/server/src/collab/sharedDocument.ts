import { boundGarbageCollection } from '@fullcourt/playbook';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocumentStore, StoredDocument } from '../db';
import { CloseCode, CloseReason } from '../errors';
import type { Logger } from '../logger';
import { DocumentPersistence, type PersistenceOptions } from './documentPersistence';
import {
  awarenessMessage,
  awarenessRemovalMessage,
  type IncomingMessage,
  MessageType,
  SyncType,
  syncStep1Message,
  updateMessage,
} from './messages';
import { replayStored } from './storedReplay';

/** Whatever receives a document's messages: a WebSocket connection today. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Optional: frames sent between cork and uncork leave in one write. */
  cork?(): void;
  uncork?(): void;
}

export interface DocumentOptions extends PersistenceOptions {
  /** Bytes of messages held for peers while storage is behind; past it, new edits and full syncs are refused (1013). */
  maxHeldBytes: number;
}

type Outgoing = { to: Peer | undefined; except: Peer | undefined; message: Uint8Array };

// The origin of an update that storage already holds (see applyStored).
const alreadyStored = Symbol('already stored');
// The origin of an update another process stored (see applyRemote): not written, not published again.
const storedElsewhere = Symbol('stored by another process');
// The origin of presence relayed from another process's clients: not published again, nobody's here.
const presenceElsewhere = Symbol('presence from another process');
// The origin of the removal of a peer's presence when it leaves.
const peerLeft = Symbol('peer left');

/**
 * One open playbook: its Y.Doc and awareness, shared by every connection to it.
 * Persist before broadcast: every message leaving this document waits until each update
 * applied so far is stored, so a peer that saw an edit finds it again after a crash.
 *
 * While storage is failing that wait can last, so what waits is bounded: each peer gets at
 * most one full-state reply held for it (it and the updates queued behind it bring the peer
 * up to date), awareness is not held but sent afresh once storage catches up, and past
 * `maxHeldBytes` new edits and new full syncs close their socket with 1013; the client keeps
 * its edits and sends them again when it reconnects, so nothing is lost.
 */
export class SharedDocument {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: awarenessProtocol.Awareness;
  readonly persistence: DocumentPersistence;
  /** Each peer with the awareness client ids it controls, removed for the others when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  private outbox: Outgoing[] = [];
  private outboxBytes = 0;
  /** Peers with a full-state reply in the outbox. */
  private readonly syncRepliesHeld = new Set<Peer>();
  /**
   * Awareness is never queued message by message, only remembered until it is sent: the clients
   * whose state changed (sent as they are then), those that left (id → last clock), and the peers
   * owed everyone's state (a join while storage is behind). It goes out once per event-loop turn,
   * or behind the edits being stored: an edit and the cursor move that came with it reach each peer
   * together, and a hundred people's changes in one turn are one message, not a hundred.
   */
  private readonly presenceChanged = new Set<number>();
  private readonly presenceLeft = new Map<number, number>();
  private readonly presenceOwedTo = new Set<Peer>();
  private presenceScheduled = false;
  private adoptingSeq = 0;
  /** How many stored rows the update being adopted stands for (a batch from another process is applied in one transaction). */
  private adoptingRows = 1;
  destroyed = false;
  /** REST commands currently using this document; it is not unloaded while any are. */
  borrowers = 0;
  /**
   * Told of each write of this process's once storage holds it (its writes and restores, to be
   * published to other processes), with the sequence number of the last update; theirs are consecutive.
   */
  onStored: (updates: Uint8Array[], lastSeq: number) => void = () => {};
  /** Told of each change to this process's peers' presence (an awareness update), for other processes. */
  onLocalPresence: (update: Uint8Array) => void = () => {};

  constructor(
    readonly playbookId: string,
    stored: StoredDocument,
    store: DocumentStore,
    private readonly options: DocumentOptions,
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
    this.persistence.onStored = (updates, lastSeq) => this.onStored(updates, lastSeq);

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === alreadyStored || origin === storedElsewhere) this.persistence.adopt(update, this.adoptingSeq, this.adoptingRows);
      else this.persistence.enqueue(update);
      options.metrics?.updatesBroadcast.inc({ source: origin === storedElsewhere ? 'bus' : 'local' });
      this.post({ to: undefined, except: this.peers.has(origin as Peer) ? (origin as Peer) : undefined, message: updateMessage(update) });
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChanges, origin: unknown) => {
      const owned = this.peers.get(origin as Peer);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      for (const id of added) this.presenceChanged.add(id);
      for (const id of updated) this.presenceChanged.add(id);
      for (const id of removed) {
        this.presenceChanged.delete(id);
        this.presenceLeft.set(id, this.awareness.meta.get(id)?.clock ?? 0);
      }
      this.schedulePresence();
      // Relay what this process's peers changed (a removal is encoded as a null state with the next clock).
      if (owned || origin === peerLeft) {
        this.onLocalPresence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]));
      }
    });
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Bytes of messages waiting for storage to catch up before they may leave. */
  get heldBytes(): number {
    return this.outboxBytes;
  }

  /** Whether outgoing messages are waiting (storage is behind, or the outbox is still draining). */
  get isHolding(): boolean {
    return this.persistence.isBehind || this.outbox.length > 0;
  }

  /**
   * Decides, before a peer's message is handled, whether handling it may add to what is held:
   * false means skip it (a second full sync while the first reply still waits, an awareness query);
   * a CloseReason (1013) means the outbox is full and this edit or full sync must wait for a reconnect.
   */
  admit(peer: Peer, kind: IncomingMessage['kind']): boolean {
    if (!this.isHolding) return true;
    if (kind === 'awareness') return true;
    if (kind === 'queryAwareness') return false;
    if (kind === 'syncStep1' && this.syncRepliesHeld.has(peer)) return false;
    if (this.outboxBytes >= this.options.maxHeldBytes) {
      throw new CloseReason(
        CloseCode.tryAgainLater,
        'The server cannot store edits right now and holds all it can. Reconnect in a moment; your edits are kept.',
      );
    }
    return true;
  }

  /** Applies an update that storage already holds at `seq` (a restore, stored with its backup): broadcast and published, not written again. */
  applyStored(update: Uint8Array, seq: number): void {
    this.adoptingSeq = seq;
    this.adoptingRows = 1;
    Y.applyUpdate(this.doc, update, alreadyStored);
    this.onStored([update], seq);
  }

  /**
   * Applies updates other processes stored, the latest at `lastSeq` (or a snapshot folding rows up to
   * it), in one Yjs transaction: this process's peers get them as one update, and they are not written
   * or published again. One transaction per batch, not per update: the bus's cost is per message.
   */
  applyRemote(updates: readonly Uint8Array[], lastSeq: number): void {
    if (updates.length === 0) return;
    this.adoptingSeq = lastSeq;
    this.adoptingRows = updates.length;
    try {
      this.doc.transact(() => {
        for (const update of updates) Y.applyUpdate(this.doc, update, storedElsewhere);
      }, storedElsewhere);
    } finally {
      this.adoptingRows = 1;
    }
  }

  /** Applies presence from another process's clients. Their states expire unless renewed (y-protocols drops them after 30 s), so a process that dies leaves no ghost cursors. */
  applyRemotePresence(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, presenceElsewhere);
  }

  /** The presence of this process's peers, for a process that just opened the document; undefined when there is none. */
  localPresence(): Uint8Array | undefined {
    const ids = [...this.peers.values()].flatMap((owned) => [...owned]).filter((id) => this.awareness.getStates().has(id));
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : undefined;
  }

  /** Whether an update's origin is another process (the bus or a catch-up from storage), not this process's clients or commands. */
  static fromElsewhere(origin: unknown): boolean {
    return origin === storedElsewhere;
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
    this.forgetHeldFor(peer);
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], peerLeft);
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
    if (!this.isHolding) {
      this.deliver(item);
      return;
    }
    const [type, syncType] = item.message;
    if (type === MessageType.awareness) {
      // Everyone's state for one peer (it joined, or asked): sent afresh on catch-up.
      if (item.to) this.presenceOwedTo.add(item.to);
      else for (const id of this.awareness.getStates().keys()) this.presenceChanged.add(id);
      return;
    }
    if (item.to && type === MessageType.sync && syncType === SyncType.step2) {
      // One full-state reply per peer is enough: every later update is queued behind it.
      if (this.syncRepliesHeld.has(item.to)) return;
      this.syncRepliesHeld.add(item.to);
    }
    this.outbox.push(item);
    this.outboxBytes += item.message.byteLength;
  }

  private drainOutbox(): void {
    const items = this.outbox;
    this.outbox = [];
    this.outboxBytes = 0;
    this.syncRepliesHeld.clear();
    this.deliverCorked(() => {
      for (const item of items) this.deliver(item);
      this.sendPresence();
    });
  }

  /**
   * Runs `send` with every peer's socket corked, so what it sends each peer leaves in one write: with
   * hundreds of peers the system calls, not the encoding, are what fan-out costs. Those corked are
   * uncorked, even one that left meanwhile (its close frame waits in the cork).
   */
  private deliverCorked(send: () => void): void {
    const corked = [...this.peers.keys()];
    for (const peer of corked) peer.cork?.();
    try {
      send();
    } finally {
      for (const peer of corked) peer.uncork?.();
    }
  }

  private schedulePresence(): void {
    if (this.presenceScheduled) return;
    this.presenceScheduled = true;
    setImmediate(() => {
      this.presenceScheduled = false;
      // Behind edits being stored, it leaves with them (drainOutbox).
      if (this.destroyed || this.isHolding) return;
      this.deliverCorked(() => this.sendPresence());
    });
  }

  /** Brings every peer's view of who is here and where up to date: what changed since the last time, in one or two messages. */
  private sendPresence(): void {
    const states = this.awareness.getStates();
    for (const peer of this.presenceOwedTo) {
      if (states.size > 0 && this.peers.has(peer)) {
        peer.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])));
      }
    }
    this.presenceOwedTo.clear();
    if (this.presenceChanged.size === 0 && this.presenceLeft.size === 0) return;
    const changed = [...this.presenceChanged].filter((id) => states.has(id));
    this.presenceChanged.clear();
    const left = [...this.presenceLeft].filter(([id]) => !states.has(id));
    this.presenceLeft.clear();
    if (changed.length > 0)
      this.deliver({
        to: undefined,
        except: undefined,
        message: awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      });
    if (left.length > 0) this.deliver({ to: undefined, except: undefined, message: awarenessRemovalMessage(left) });
  }

  private forgetHeldFor(peer: Peer): void {
    this.presenceOwedTo.delete(peer);
    if (!this.syncRepliesHeld.delete(peer) && !this.outbox.some((item) => item.to === peer)) return;
    this.outbox = this.outbox.filter((item) => item.to !== peer);
    this.outboxBytes = this.outbox.reduce((n, item) => n + item.message.byteLength, 0);
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
