import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, CloseReason } from '../errors';
import type { Actor } from '../identity/actor';
import type { Logger } from '../logger';
import { filterAwarenessUpdate, mergeAwarenessUpdates } from './awarenessGuard';
import { pruneWhatUpdateDeletes } from './deepDeletions';
import type { DocumentRegistry } from './documentRegistry';
import { CollabError } from './errors';
import { awarenessMessage, type IncomingMessage, parseMessage, syncStep2Message } from './messages';
import { refuseChangeFromReader } from './readOnlyGuard';
import type { SharedDocument } from './sharedDocument';
import type { CollabSocket } from './socket';
import { applyUpdateWithinTextLimits } from './textLimits';
import { Throttle } from './throttle';
import { TokenBucket } from './tokenBucket';
import { checkStateVector, checkUpdate } from './updateGuard';

export interface ConnectionLimits {
  maxMessageBytes: number;
  maxDocumentBytes: number;
  /** Bytes a client may send before its document has loaded. */
  maxQueuedBytes: number;
  /** Bytes waiting to be sent to a client that is not reading before it is dropped. */
  maxBufferedBytes: number;
  /** Messages a second a client may send, sustained; ten seconds' worth may come at once. */
  messagesPerSecond: number;
  /** Bytes a second a client may send, sustained; ten seconds' worth (at least two largest messages) may come at once. */
  bytesPerSecond: number;
  /** Shortest time between two full-state replies to this client; asks in between get one reply when it ends. */
  syncReplyIntervalMs: number;
  /** Shortest time between two of this client's awareness updates reaching the others; those in between are merged. */
  awarenessIntervalMs: number;
}

/** How many seconds of the sustained rate a client may send at once. */
const burstSeconds = 10;

/**
 * One client's WebSocket on one playbook. Messages that arrive before the document has
 * loaded wait in a queue; any bad message closes this socket only, with a reason.
 */
export class Connection {
  private document: SharedDocument | undefined;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private closed = false;
  private answeredPing = true;
  /** A viewer's (or read-only token's) connection: edits are refused; access re-checks may lift it. */
  readOnly = false;
  // What one client may cost: a bucket is a couple of numbers, a throttle arms a timer only while
  // a client asks faster than its interval, so a well-behaved client costs nothing extra per message.
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly syncReplies: Throttle<Uint8Array>;
  private readonly awarenessQueries: Throttle<true>;
  private readonly awarenessUpdates: Throttle<Uint8Array>;

  constructor(
    private readonly socket: CollabSocket,
    readonly playbookId: string,
    /** Who is on the other end; every command this connection runs is on their behalf. */
    readonly actor: Actor,
    private readonly registry: DocumentRegistry,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {
    const now = performance.now();
    this.messages = new TokenBucket(limits.messagesPerSecond * burstSeconds, limits.messagesPerSecond, now);
    this.bytes = new TokenBucket(Math.max(limits.bytesPerSecond * burstSeconds, 2 * limits.maxMessageBytes), limits.bytesPerSecond, now);
    // y-websocket asks for the full state once per connection; a client that repeats itself gets
    // one reply per interval, with the state as it is then (100 asks on a 15 MB playbook were 510 MB).
    this.syncReplies = new Throttle(limits.syncReplyIntervalMs, (stateVector) => this.guard(() => this.answerSync(stateVector)));
    this.awarenessQueries = new Throttle(limits.syncReplyIntervalMs, () => this.guard(() => this.answerAwarenessQuery()));
    // Carets move on every keystroke: merge a fast sender's updates rather than refuse them, so
    // what reaches the others is bounded by the interval, not by how fast one client sends.
    this.awarenessUpdates = new Throttle(
      limits.awarenessIntervalMs,
      (update) => this.guard(() => this.applyAwareness(update)),
      mergeAwarenessUpdates,
    );
  }

  /** Joins the document; queued messages are handled once it has loaded. */
  async open(): Promise<void> {
    this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'connection opened');
    let document: SharedDocument;
    try {
      document = await this.registry.acquire(this.playbookId, this);
    } catch (error) {
      // Too many playbooks in memory is passing: 1013 tells the client to come back, as it will.
      if (error instanceof CollabError && error.reason === 'server-busy')
        this.close(new CloseReason(CloseCode.tryAgainLater, error.message));
      else this.close(new CloseReason(CloseCode.loadFailed, 'The playbook could not be loaded. Try again in a moment.'));
      return;
    }
    if (this.closed) {
      this.registry.release(document, this);
      return;
    }
    this.document = document;
    const queued = this.queue;
    this.queue = [];
    for (const frame of queued) if (!this.closed) this.handle(frame, performance.now());
  }

  /** A frame from the client, as the transport received it. */
  receive(data: ArrayBuffer | Uint8Array | string): void {
    if (this.closed) return;
    // Any frame proves the peer alive: a pong can sit behind a long backlog of its own frames.
    this.answeredPing = true;
    if (typeof data === 'string') {
      this.close(new CloseReason(CloseCode.unsupportedData, 'Text frames are not supported; send binary y-websocket messages.'));
      return;
    }
    const frame = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (frame.byteLength > this.limits.maxMessageBytes) {
      this.close(
        new CloseReason(
          CloseCode.messageTooBig,
          `Message of ${frame.byteLength} bytes exceeds the ${this.limits.maxMessageBytes}-byte limit.`,
        ),
      );
      return;
    }
    const now = performance.now();
    if (!this.messages.take(1, now)) {
      this.close(
        new CloseReason(
          CloseCode.rateLimited,
          `Over ${this.limits.messagesPerSecond} messages a second (WS_MESSAGES_PER_SECOND). Reconnect in ${this.messages.refillSeconds} s.`,
        ),
      );
      return;
    }
    if (!this.bytes.take(frame.byteLength, now)) {
      this.close(
        new CloseReason(
          CloseCode.rateLimited,
          `Over ${this.limits.bytesPerSecond} bytes a second (WS_BYTES_PER_SECOND). Reconnect in ${this.bytes.refillSeconds} s.`,
        ),
      );
      return;
    }
    if (!this.document) {
      this.queuedBytes += frame.byteLength;
      if (this.queuedBytes > this.limits.maxQueuedBytes) {
        this.close(new CloseReason(CloseCode.policyViolation, 'Too much data sent before the playbook finished loading.'));
        return;
      }
      this.queue.push(frame);
      return;
    }
    this.handle(frame, now);
  }

  send(message: Uint8Array): void {
    if (this.closed) return;
    if (!this.socket.isOpen) {
      this.closedByPeer();
      return;
    }
    // A peer that stops reading must not make the server hold its replies in memory forever.
    if (this.socket.bufferedAmount + message.byteLength > this.limits.maxBufferedBytes) {
      // It would not read a close frame either: drop the socket and free what waits for it.
      this.log.warn(
        { playbookId: this.playbookId, actor: this.actor.id, bufferedBytes: this.socket.bufferedAmount },
        'client stopped reading; dropping it',
      );
      this.socket.terminate();
      this.closedByPeer();
      return;
    }
    try {
      this.socket.send(message);
    } catch (error) {
      this.log.warn({ err: error, playbookId: this.playbookId }, 'send failed; closing connection');
      this.close(new CloseReason(CloseCode.internalError, 'Sending to this client failed.'));
    }
  }

  cork(): void {
    if (!this.closed) this.socket.cork?.();
  }

  uncork(): void {
    // Even once closed: a cork taken before must be released, or the socket would hold its frames.
    this.socket.uncork?.();
  }

  /** Closes the socket with a reason and leaves the document. */
  close(reason: CloseReason): void {
    if (this.closed) return;
    const level = reason.code === CloseCode.normal || reason.code === CloseCode.goingAway ? 'info' : 'warn';
    this.log[level]({ playbookId: this.playbookId, actor: this.actor.id, code: reason.code, reason: reason.reason }, 'closing connection');
    this.socket.close(reason.code, reason.reason);
    this.closedByPeer();
  }

  /** The transport saw the socket close (or it stopped answering pings). */
  closedByPeer(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.syncReplies.dispose();
    this.awarenessQueries.dispose();
    this.awarenessUpdates.dispose();
    if (this.document) this.registry.release(this.document, this);
    this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'connection closed');
  }

  /** Called on an interval: drops a peer that did not answer the previous ping, then pings. */
  heartbeat(): void {
    if (this.closed) return;
    if (!this.answeredPing) {
      this.log.info({ playbookId: this.playbookId, actor: this.actor.id }, 'no pong since the last ping; dropping connection');
      this.socket.terminate();
      this.closedByPeer();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
  }

  receivedPong(): void {
    this.answeredPing = true;
  }

  private handle(frame: Uint8Array, now: number): void {
    const document = this.document as SharedDocument;
    this.guard(() => this.apply(document, parseMessage(frame), now));
  }

  /** Runs `work`; a CloseReason it throws closes this socket with that reason, anything else with 1011. */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      if (error instanceof CloseReason) {
        this.close(error);
        return;
      }
      this.log.error({ err: error, playbookId: this.playbookId }, 'unexpected error handling a message');
      this.close(new CloseReason(CloseCode.internalError, 'The server could not handle this message.'));
    }
  }

  private apply(document: SharedDocument, message: IncomingMessage, now: number): void {
    // While storage is failing the document bounds what it holds: it may skip this message or close us with 1013.
    if (!document.admit(this, message.kind)) return;
    switch (message.kind) {
      case 'syncStep1':
        checkStateVector(message.stateVector);
        this.syncReplies.offer(message.stateVector, now);
        return;
      case 'syncStep2':
      case 'update': {
        if (this.readOnly) refuseChangeFromReader(document.doc, message.update);
        const projected = document.persistence.storedBytes + message.update.byteLength;
        if (projected > this.limits.maxDocumentBytes) {
          throw new CloseReason(CloseCode.documentTooLarge, 'This playbook has reached its size limit; the edit was not saved.');
        }
        const decoded = checkUpdate(document.doc, message.update);
        pruneWhatUpdateDeletes(document.doc, decoded.ds);
        let tooLong: CloseReason | undefined;
        try {
          tooLong = applyUpdateWithinTextLimits(document.doc, message.update, this);
        } catch (error) {
          throw new CloseReason(CloseCode.invalidPayload, `Invalid Yjs update: ${(error as Error).message}`);
        }
        if (tooLong) throw tooLong;
        return;
      }
      case 'awareness': {
        let allowed: Uint8Array | undefined;
        try {
          allowed = filterAwarenessUpdate(message.update, (id) => document.claimOf(this, id), document.ownedCount(this));
        } catch (error) {
          throw new CloseReason(CloseCode.invalidPayload, `Invalid awareness update: ${(error as Error).message}`);
        }
        if (allowed) this.awarenessUpdates.offer(allowed, now);
        return;
      }
      case 'queryAwareness':
        this.awarenessQueries.offer(true, now);
        return;
    }
  }

  private answerSync(stateVector: Uint8Array): void {
    const document = this.document;
    if (this.closed || !document) return;
    // A full-state reply is costly: none while a large backlog is still unsent to this client.
    if (this.socket.bufferedAmount > this.limits.maxMessageBytes) return;
    document.sendTo(this, syncStep2Message(Y.encodeStateAsUpdate(document.doc, stateVector)));
  }

  private answerAwarenessQuery(): void {
    const document = this.document;
    if (this.closed || !document) return;
    if (this.socket.bufferedAmount > this.limits.maxMessageBytes) return;
    const clients = [...document.awareness.getStates().keys()];
    document.sendTo(this, awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(document.awareness, clients)));
  }

  private applyAwareness(update: Uint8Array): void {
    const document = this.document;
    if (this.closed || !document) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(document.awareness, update, this);
    } catch (error) {
      throw new CloseReason(CloseCode.invalidPayload, `Invalid awareness update: ${(error as Error).message}`);
    }
  }
}
